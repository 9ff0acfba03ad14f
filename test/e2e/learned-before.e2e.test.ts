/**
 * "Learned before" in a real browser: a Checkout ticket with no learnings
 * yet, a hypothesis about refunds typed into the panel, FLEX-112's learning
 * offered beside the editor; "This helped" links it as evidence, and
 * FLEX-112's panel then says which ticket it helped.
 */
import { describeInBrowser } from './support/browser';
import { eventually, screenshotPath, visible } from './support/issue-page';
import { useIssuePages } from './support/issue-page-suite';

jest.setTimeout(90_000);

const HYPOTHESIS = 'Offering a refund option on low-cost tickets will reduce drop-off at payment.';

describeInBrowser('Learned before in the browser', () => {
  // KVS queries see writes at once here, so FLEX-112's reuse count is exact the moment CHK-990 is saved and
  // "writes nothing" can fail. The count's real lag behind a save: test/resolvers/eventual-consistency.test.ts.
  const { site, open } = useIssuePages({ consistency: { kvsQueryDelayMs: 0 } });

  it("offers FLEX-112's learning while a hypothesis about refunds is typed on CHK-990; This helped links it; FLEX-112 shows the reuse", async () => {
    const { page, panel } = await open('CHK-990', 'alice');
    await panel.getByRole('button', { name: 'Write the hypothesis' }).click();
    const field = panel.getByRole('textbox', { name: 'Hypothesis' });
    await visible(field);
    await field.pressSequentially(HYPOTHESIS, { delay: 5 });

    const learnedBefore = panel.getByRole('region', { name: /^Learned before/ });
    await visible(learnedBefore);
    const flex = learnedBefore.getByRole('listitem', { name: /^FLEX-112 / });
    await visible(flex);
    await visible(flex.getByText('Presenting Flex as a refund option will reduce drop-off in low-price journeys.'));
    await visible(flex.getByText('Labeling matters more than refund amount.'));
    await visible(flex.getByText(/mentions /));
    // Typing is never blocked: the field still has the caret and everything typed.
    expect(await field.inputValue()).toBe(HYPOTHESIS);
    await page.screenshot({ path: screenshotPath('learned-before-offered.png'), fullPage: true });

    await flex.getByRole('button', { name: 'This helped: add FLEX-112 as evidence' }).click();
    await visible(flex.getByText('Added as evidence: save to keep it'));
    await visible(panel.getByText(/Learned before: FLEX-112/).first());
    // Nothing typed was lost: the hypothesis is still there, and saving keeps both it and the link.
    expect(await field.inputValue()).toBe(HYPOTHESIS);
    await field.pressSequentially(' Watch Spain.', { delay: 5 });
    await panel.getByRole('button', { name: 'Save' }).click();
    await visible(panel.getByRole('region', { name: /^Hypothesis/ }).getByText(`${HYPOTHESIS} Watch Spain.`, { exact: true }));
    await page.screenshot({ path: screenshotPath('learned-before-linked.png'), fullPage: true });

    const stored = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'CHK-990' });
    if (!stored.result.ok || !stored.result.value.record) throw new Error('CHK-990 should have a record now');
    expect(stored.result.value.record.hypothesis).toBe(`${HYPOTHESIS} Watch Spain.`);
    expect(stored.result.value.record.evidence.map((l) => l.url)).toEqual([`${site.url}/browse/FLEX-112`]);

    const author = await open('FLEX-112', 'dan');
    const reuse = author.panel.getByRole('region', { name: 'Reused by other tickets' });
    await visible(reuse.getByText('This learning helped 1 ticket:'));
    await visible(reuse.getByRole('button', { name: /CHK-990 Refund option for low-cost tickets/ }));
    await author.page.screenshot({ path: screenshotPath('learned-before-reuse-on-flex-112.png'), fullPage: true });
  });

  it('writes nothing when "This helped" is followed by Cancel and Discard', async () => {
    const stored = () => site.store.getProperty(site.store.getIssue('CHK-990')!.id, 'learning-loop')?.valueText;
    const before = stored();
    const { panel } = await open('CHK-990', 'alice');
    await panel.getByRole('button', { name: 'Write the hypothesis' }).click();
    await panel.getByRole('textbox', { name: 'Hypothesis' }).pressSequentially(HYPOTHESIS, { delay: 2 });
    const flex = panel.getByRole('region', { name: /^Learned before/ }).getByRole('listitem', { name: /^FLEX-112 / });
    await flex.getByRole('button', { name: 'This helped: add FLEX-112 as evidence' }).click();
    await visible(flex.getByText('Added as evidence: save to keep it'));
    await panel.getByRole('button', { name: 'Cancel', exact: true }).click();
    await panel.getByRole('button', { name: /Discard/ }).click();
    await visible(panel.getByRole('button', { name: 'Write the hypothesis' }));
    expect(stored()).toBe(before);
    const reuses = await site.invoke({ functionKey: 'learnedBefore/listReuses', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    expect(reuses.result).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('shows carol no GROW learning, however close the words', async () => {
    const { panel } = await open('SRCH-952', 'carol');
    await panel.getByRole('button', { name: 'Write the hypothesis' }).click();
    await panel
      .getByRole('textbox', { name: 'Hypothesis' })
      .fill('Emailing delayed customers a compensation voucher and double loyalty points will bring them back.');
    const list = panel.getByRole('region', { name: /^Learned before/ });
    await visible(list.getByRole('listitem').first());
    await eventually(async () => {
      const names = await list.locator('li[aria-label]').evaluateAll((items) => items.map((li) => li.getAttribute('aria-label') ?? ''));
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((name) => name.startsWith('GROW-'))).toEqual([]);
    });
  });
});

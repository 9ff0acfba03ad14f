/**
 * The issue panel's look in a real browser: the host page's dark theme followed inside the frame
 * with design tokens resolved, and the size meter as a long learning nears Jira's property limit.
 * Same setup as issue-panel.e2e.test.ts.
 */
import { LIMITS } from '../../src/domain/record/learning-record';
import { describeInBrowser } from './support/browser';
import { eventually, screenshotPath, visible } from './support/issue-page';
import { FLEX_112, storedRecordOf, useIssuePages } from './support/issue-page-suite';

jest.setTimeout(60_000);

describeInBrowser('Issue panel in the browser: theme and size', () => {
  const { site, open } = useIssuePages({ consistency: { kvsQueryDelayMs: 0 } });
  const storedRecord = (issueKey: string) => storedRecordOf(site, issueKey);

  it('follows the host page into the dark theme, with design tokens resolved inside the frame', async () => {
    const session = await open(FLEX_112.key, 'alice');
    const { page, panel } = session;
    const frame = await session.frame();
    const look = () =>
      frame.evaluate(() => {
        const root = getComputedStyle(document.documentElement);
        return {
          colorMode: document.documentElement.getAttribute('data-color-mode'),
          surfaceToken: root.getPropertyValue('--ds-surface').trim(),
          textToken: root.getPropertyValue('--ds-text').trim(),
          background: getComputedStyle(document.body).backgroundColor,
          color: getComputedStyle(document.body).color,
        };
      });
    const light = await look();
    expect(light.colorMode).toBe('light');
    expect(light.surfaceToken).not.toBe('');

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await visible(page.getByRole('button', { name: 'Light theme' }));

    const dark = await eventually(async () => {
      const now = await look();
      expect(now.colorMode).toBe('dark');
      return now;
    });
    expect(dark.surfaceToken).not.toBe('');
    expect(dark.surfaceToken).not.toBe(light.surfaceToken);
    expect(dark.background).not.toBe(light.background);
    // Dark really is dark: a dim background under light text.
    expect(luminance(dark.background)).toBeLessThan(0.1);
    expect(luminance(dark.color)).toBeGreaterThan(0.5);
    expect(luminance(light.background)).toBeGreaterThan(0.8);

    await visible(panel.getByText(FLEX_112.hypothesis, { exact: true }));
    await page.screenshot({ path: screenshotPath('issue-panel-dark.png'), fullPage: true });

    // The choice sticks: reloaded, the panel opens dark straight away.
    await page.reload();
    await visible(panel.getByRole('main', { name: `Hypothesis and learnings for ${FLEX_112.key}` }));
    const reloaded = await session.frame();
    expect(await reloaded.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    await panel.getByRole('button', { name: 'Edit' }).click();
    await visible(panel.getByRole('textbox', { name: 'Hypothesis' }));
    await page.screenshot({ path: screenshotPath('issue-panel-dark-editor.png'), fullPage: true });
  });

  it('warns on the size meter as a long learning nears the property limit, and blocks saving past it', async () => {
    const issueKey = 'FLEX-110';
    const start = await storedRecord(issueKey);
    const long = (label: string) =>
      `${label}: ${'Customers compared fares across three sites before booking. '.repeat(40)}`.slice(0, LIMITS.entryChars);
    // Twelve full-length learnings (each ≈ 2.06 KB stored): below the warning, one more reaches it.
    const seeded = await site.invoke({
      functionKey: 'learning/save',
      as: 'alice',
      issueKey,
      payload: {
        baseRevision: start.revision,
        draft: {
          hypothesis: start.hypothesis,
          learnings: Array.from({ length: 12 }, (_, i) => ({ id: `seeded-${i}`, text: long(`Note ${i + 1}`), surprise: false })),
          outcome: start.outcome,
          confidence: start.confidence,
          tags: start.tags,
          evidence: start.evidence,
        },
      },
    });
    if (!seeded.result.ok) throw new Error(`Seeding failed: ${seeded.result.error.code}`);
    expect(seeded.result.value.size.level).toBe('ok');

    const { page, panel } = await open(issueKey, 'alice');
    await panel.getByRole('button', { name: 'Add a learning' }).click();
    const thirteenth = panel.getByRole('textbox', { name: /^Learning 13/ });
    await visible(thirteenth);
    const meter = panel.getByRole('meter', { name: 'Space used in the issue property' });
    const valueText = async () => (await meter.getAttribute('aria-valuetext')) ?? '';
    const percent = async () => Number((await valueText()).match(/^(\d+)%/)?.[1]);
    expect(await percent()).toBeLessThan(80);

    // A long note, pasted and then typed to the end.
    const text = long('Note 13');
    await thirteenth.fill(text.slice(0, -20));
    await thirteenth.press('End');
    await page.keyboard.type(text.slice(-20));
    expect(await thirteenth.inputValue()).toBe(text);
    const thirteenthItem = panel.getByRole('region', { name: 'What we learned' }).getByRole('listitem').nth(12);
    await visible(thirteenthItem.getByText(`${LIMITS.entryChars} / ${LIMITS.entryChars} characters`));
    await visible(
      panel.getByText(
        /^Room for about [\d,]+ more characters of learnings .*move long notes to a linked page \(add it under Evidence\)\.$/,
      ),
    );
    expect(await percent()).toBeGreaterThanOrEqual(80);
    expect(await percent()).toBeLessThanOrEqual(100);
    expect(await panel.getByRole('button', { name: 'Save' }).isEnabled()).toBe(true);

    // A few more take it past the limit (each is ≈ 6.3 % of it): savable until then; past it the panel says so and will not send it.
    const tooLarge = panel.getByRole('alert').filter({ hasText: /^Too large to save by \d+\.\d KB/ });
    let added = 13;
    while ((await percent()) <= 100 && added < 18) {
      expect(await panel.getByRole('button', { name: 'Save' }).isEnabled()).toBe(true);
      await page.keyboard.press('Enter');
      added++;
      await panel.getByRole('textbox', { name: new RegExp(`^Learning ${added}`) }).fill(long(`Note ${added}`));
    }
    await visible(tooLarge);
    expect(await percent()).toBeGreaterThan(100);
    expect(await panel.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await page.keyboard.press('Control+Enter');
    await visible(panel.getByRole('heading', { name: 'Not saved yet' }));
    expect((await storedRecord(issueKey)).learnings).toHaveLength(12);
  });
});

/** Relative luminance (0 dark … 1 light) of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  if (r === undefined || g === undefined || b === undefined) throw new Error(`Not an rgb colour: ${css}`);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

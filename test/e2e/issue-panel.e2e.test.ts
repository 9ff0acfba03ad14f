/**
 * The issue panel in a real browser, as people use it: the local Forge site
 * hosts the real panel build in an iframe on a Jira-like issue page, with the
 * bridge stand-in in the frame and the real resolvers in Node.
 * One site and one Chromium for the file; each test gets fresh demo data and
 * its own browser context(s), so the tests do not depend on each other.
 */
import type { LearningDraft } from '../../src/domain/record/learning-record';
import { describeInBrowser } from './support/browser';
import { eventually, focused, gone, newSession, visible } from './support/issue-page';
import { FLEX_112, storedRecordOf, useIssuePages } from './support/issue-page-suite';

jest.setTimeout(60_000);

describeInBrowser('Issue panel in the browser', () => {
  // History, opened right after a save, lists through kvs.query: here it sees writes at once (Forge does not promise it).
  const { site, browser, sessions, open } = useIssuePages({ consistency: { kvsQueryDelayMs: 0 } });

  const storedRecord = (issueKey: string) => storedRecordOf(site, issueKey);

  it('opens with one invocation that names the author of the last change, and calls the viewer "you"', async () => {
    const seen = site.accounting.invocations().length;
    const dan = await open(FLEX_112.key, 'dan');
    await visible(dan.panel.getByText(/by Alice Moreau · revision/));
    await new Promise((resolve) => setTimeout(resolve, 500)); // a names call made after the paint would show by now
    const byDan = site.accounting
      .invocations()
      .slice(seen)
      .filter((i) => i.source === 'bridge' && i.accountId === site.user('dan').accountId);
    // The record and the name in one invocation; the "reused by" and "serves a goal" lines are their own, asked after the paint.
    const afterPaint = ['learnedBefore/listReuses', 'goals/forIssue'];
    expect(byDan.map((i) => i.functionKey).filter((key) => !afterPaint.includes(key))).toEqual(['learning/get']);
    const alice = await open(FLEX_112.key, 'alice');
    await visible(alice.panel.getByText(/by you · revision/));
  });

  it('shows FLEX-112 to alice: the hypothesis, both learnings, the surprise marked and the outcome', async () => {
    const { panel } = await open(FLEX_112.key, 'alice');

    const hypothesis = panel.getByRole('region', { name: /^Hypothesis/ });
    await visible(hypothesis.getByText(FLEX_112.hypothesis, { exact: true }));
    await visible(hypothesis.getByText('Outcome: Inconclusive'));
    await visible(hypothesis.getByText('Confidence: medium'));

    const learned = panel.getByRole('region', { name: /What we learned/ });
    // The heading counts them: 2 learnings, 1 of them surprising.
    await visible(learned.getByRole('heading', { name: /What we learned\s*2 · 1 surprising/ }));
    const entries = learned.getByRole('listitem');
    expect(await entries.allTextContents()).toEqual([FLEX_112.spain, `${FLEX_112.labeling}Surprise`]);

    const surprising = entries.filter({ hasText: FLEX_112.labeling });
    await visible(surprising.getByText('Surprise', { exact: true }));
    const plain = entries.filter({ hasText: FLEX_112.spain });
    expect(await plain.getByText('Surprise', { exact: true }).count()).toBe(0);
    // Visibly marked, not only in words: the surprise has its own accent at the start of the line.
    const accent = (li: typeof plain) => li.evaluate((el) => getComputedStyle(el).borderInlineStartColor);
    expect(await accent(surprising)).not.toEqual(await accent(plain));

    await visible(panel.getByRole('button', { name: 'Edit' }));
    await visible(panel.getByRole('button', { name: 'Add a learning' }));
  });

  it('adds a surprising learning with the keyboard only, and it survives a reload', async () => {
    const text = 'Families booked Flex twice as often as solo travellers.';
    const { page, panel } = await open(FLEX_112.key, 'alice');

    const edit = panel.getByRole('button', { name: 'Edit' });
    await edit.focus();
    await page.keyboard.press('Enter');

    // The editor opens on the hypothesis; Alt+N adds a learning and puts the caret in it.
    const hypothesisField = panel.getByRole('textbox', { name: 'Hypothesis' });
    await visible(hypothesisField);
    await focused(hypothesisField);
    await page.keyboard.press('Alt+N');
    const third = panel.getByRole('textbox', { name: /^Learning 3/ });
    await visible(third);
    await focused(third);

    await page.keyboard.type(text);
    await page.keyboard.press('Alt+S');
    await visible(panel.getByRole('textbox', { name: 'Learning 3 (surprise)' }));
    expect(await panel.getByRole('button', { name: 'Surprise: learning 3' }).getAttribute('aria-pressed')).toBe('true');
    expect(await panel.getByRole('textbox', { name: 'Learning 3 (surprise)' }).inputValue()).toBe(text);

    // Tags: a comma or Enter adds one; Ctrl+Enter saves from the tag field too.
    await panel.locator('#ll-tag-field').focus();
    await page.keyboard.type('Families, Flex Pilot');
    await page.keyboard.press('Enter');
    const currentTags = panel.getByRole('list', { name: 'Current tags' }).getByRole('listitem');
    await eventually(async () => {
      expect(await currentTags.allTextContents()).toEqual(['pricing', 'refunds', 'checkout', 'families', 'flex-pilot']);
    });

    await page.keyboard.press('Control+Enter');

    const expectSavedInReadView = async () => {
      const learned = panel.getByRole('region', { name: /What we learned/ });
      await visible(learned.getByRole('heading', { name: /What we learned\s*3 · 2 surprising/ }));
      const added = learned.getByRole('listitem').filter({ hasText: text });
      await visible(added.getByText('Surprise', { exact: true }));
      expect(await learned.getByRole('listitem').count()).toBe(3);
    };
    await expectSavedInReadView();
    await gone(panel.getByRole('button', { name: 'Save' }));
    // Keyboard focus comes back to the panel's first action, not to the page.
    await focused(panel.getByRole('button', { name: 'Edit' }));

    await page.reload();
    await visible(panel.getByRole('main', { name: `Hypothesis and learnings for ${FLEX_112.key}` }));
    await expectSavedInReadView();

    const record = await storedRecord(FLEX_112.key);
    const stored = record.learnings.filter((entry) => entry.text === text);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ surprise: true, authorAccountId: site.user('alice').accountId });
    expect(record.updatedBy).toBe(site.user('alice').accountId);
    expect(record.learnings.map((entry) => entry.text)).toEqual([FLEX_112.spain, FLEX_112.labeling, text]);
    expect(record.tags).toEqual(['pricing', 'refunds', 'checkout', 'families', 'flex-pilot']);
  });

  it('asks before Esc discards typing; Esc again keeps editing with the keyboard shortcuts still working', async () => {
    const changed = 'Presenting Flex as a refund option will reduce drop-off in journeys under €20.';
    const { page, panel } = await open(FLEX_112.key, 'alice');

    await panel.getByRole('button', { name: 'Edit' }).click();
    const hypothesisField = panel.getByRole('textbox', { name: 'Hypothesis' });
    await focused(hypothesisField);
    await hypothesisField.fill(changed);

    await page.keyboard.press('Escape');
    await visible(panel.getByRole('heading', { name: 'Discard your changes?' }));
    await focused(panel.getByRole('button', { name: 'Discard changes' }));

    // Esc on the question means "keep editing": the caret goes back where it was...
    await page.keyboard.press('Escape');
    await gone(panel.getByRole('heading', { name: 'Discard your changes?' }));
    await focused(hypothesisField);
    expect(await hypothesisField.inputValue()).toBe(changed);

    // ...so the editor's shortcuts keep working without reaching for the mouse.
    await page.keyboard.press('Control+Enter');
    await visible(panel.getByRole('region', { name: /^Hypothesis/ }).getByText(changed, { exact: true }));
    expect((await storedRecord(FLEX_112.key)).hypothesis).toBe(changed);

    // With nothing changed, Esc leaves at once.
    await panel.getByRole('button', { name: 'Edit' }).click();
    await focused(hypothesisField);
    await page.keyboard.press('Escape');
    await gone(hypothesisField);
    await visible(panel.getByRole('button', { name: 'Edit' }));
    expect(await panel.getByRole('heading', { name: 'Discard your changes?' }).count()).toBe(0);
  });

  it.each([
    ['dan', 'FLEX-112', FLEX_112.hypothesis],
    ['bob', 'CHK-42', 'Letting guests pay without creating an account will cut checkout abandonment by 10%.'],
  ])('shows %s the record on %s without edit controls, and refuses a save forged in that frame', async (user, issueKey, hypothesis) => {
    const session = await open(issueKey, user);
    const { panel } = session;

    await visible(panel.getByText(hypothesis, { exact: true }));
    await visible(panel.getByText('People who can edit this issue (Jira’s “Edit issues” permission) can add learnings.'));
    await visible(panel.getByRole('button', { name: 'History' }));
    expect(await panel.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Add a learning' }).count()).toBe(0);

    const before = await storedRecord(issueKey);
    const draft: LearningDraft = {
      hypothesis: 'Forged from a read-only frame.',
      learnings: before.learnings.map(({ id, text, surprise }) => ({ id, text, surprise })),
      outcome: before.outcome,
      confidence: before.confidence,
      tags: before.tags,
      evidence: before.evidence,
    };
    const frame = await session.frame();
    const answer = await frame.evaluate(
      (payload) =>
        (window as unknown as { __bridge: { callBridge: (name: string, body: unknown) => Promise<unknown> } }).__bridge.callBridge(
          'invoke',
          {
            functionKey: 'learning/save',
            payload,
          },
        ),
      { baseRevision: before.revision, draft },
    );

    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await storedRecord(issueKey)).toEqual(before);
  });

  it('shows a not-found page, not the panel, to someone who cannot browse the project', async () => {
    const carol = site.user('carol');
    const session = await newSession(browser, site, { user: 'alice' });
    sessions.push(session);
    const { page } = session;

    // Switch to Carol with the site's own user switcher.
    await page.goto(`${site.url}/`);
    await page.getByLabel('Acting as').selectOption(carol.handle);
    await visible(page.getByRole('note').getByText(`Acting as ${carol.displayName}`));
    await visible(page.locator('section[data-project="GROW"]').getByText('You cannot browse this project.'));

    const response = await page.goto(`${site.url}/jira/browse/GROW-9`);
    expect(response?.status()).toBe(404);
    await visible(page.getByRole('heading', { name: "You can't view this issue" }));
    expect(await page.locator('iframe').count()).toBe(0);
    expect(await page.getByText('referral credit').count()).toBe(0);

    // It looks exactly like an issue that does not exist.
    const missing = await page.goto(`${site.url}/jira/browse/GROW-9999`);
    expect(missing?.status()).toBe(404);
    await visible(page.getByRole('heading', { name: "You can't view this issue" }));
  });

  it('restores an earlier revision from the history', async () => {
    const issueKey = 'CHK-47';
    const original = await storedRecord(issueKey);
    const changed = 'Showing the price breakdown will halve support contacts about fees.';
    const { panel } = await open(issueKey, 'alice');

    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByRole('textbox', { name: 'Hypothesis' }).fill(changed);
    await panel.getByRole('button', { name: 'Save' }).click();
    await visible(panel.getByText(changed, { exact: true }));
    await visible(panel.getByText(`revision ${original.revision + 1}`));

    await panel.getByRole('button', { name: 'History' }).click();
    const history = panel.getByRole('region', { name: 'History' });
    const newest = history.getByRole('listitem').filter({ hasText: `Revision ${original.revision + 1}` });
    await visible(newest.getByText('Current', { exact: true }));
    const previous = history.getByRole('listitem').filter({ hasText: `Revision ${original.revision}` });
    await visible(previous.getByText(original.hypothesis));

    await previous.getByRole('button', { name: `Restore revision ${original.revision}` }).click();
    const confirm = panel.getByRole('group', { name: `Confirm restoring revision ${original.revision}` });
    await confirm.getByRole('button', { name: 'Restore it' }).click();

    await visible(panel.getByRole('status').getByText(`Restored revision ${original.revision}.`));
    await visible(panel.getByText(original.hypothesis, { exact: true }));
    expect(await panel.getByText(changed).count()).toBe(0);
    await visible(panel.getByText(`revision ${original.revision + 2}`));

    const restored = await storedRecord(issueKey);
    expect(restored.revision).toBe(original.revision + 2);
    expect(restored.hypothesis).toBe(original.hypothesis);
    expect(restored.learnings.map((e) => e.text)).toEqual(original.learnings.map((e) => e.text));
  });

  it('lets the second of two people editing the same hypothesis choose between both versions', async () => {
    const alicesText = 'Flex as a refund option will reduce drop-off by 5% in journeys under €20.';
    const bobsText = 'Naming Flex a refund option, not an add-on, will reduce drop-off in low-price journeys.';
    const alicesLearning = 'Drop-off moved to the payment step.';
    const [alice, bob] = await Promise.all([open(FLEX_112.key, 'alice'), open(FLEX_112.key, 'bob')]);
    const start = await storedRecord(FLEX_112.key);

    // Both start editing the same revision.
    await alice.panel.getByRole('button', { name: 'Edit' }).click();
    await bob.panel.getByRole('button', { name: 'Edit' }).click();

    await alice.panel.getByRole('textbox', { name: 'Hypothesis' }).fill(alicesText);
    await alice.panel.getByRole('button', { name: 'Add a learning' }).click();
    await alice.panel.getByRole('textbox', { name: /^Learning 3/ }).fill(alicesLearning);
    await alice.panel.getByRole('button', { name: 'Save' }).click();
    await visible(alice.panel.getByText(alicesText, { exact: true }));

    await bob.panel.getByRole('textbox', { name: 'Hypothesis' }).fill(bobsText);
    await bob.panel.getByRole('button', { name: 'Save' }).click();

    await visible(bob.panel.getByRole('heading', { name: 'Someone else saved while you were editing' }));
    const clash = bob.panel.getByRole('group', { name: 'Hypothesis' });
    const mine = clash.getByRole('radio', { name: /^Yours/ });
    const theirs = clash.getByRole('radio', { name: /^Theirs/ });
    await visible(mine);
    await visible(theirs);
    await visible(clash.locator('label', { hasText: /^Yours/ }).getByText(bobsText, { exact: true }));
    await visible(clash.locator('label', { hasText: /^Theirs/ }).getByText(alicesText, { exact: true }));
    expect(await bob.panel.getByRole('button', { name: 'Save my choices' }).isDisabled()).toBe(true);

    await mine.check();
    const saveChoices = bob.panel.getByRole('button', { name: 'Save my choices' });
    await eventually(async () => {
      expect(await saveChoices.isEnabled()).toBe(true);
    });
    await saveChoices.click();

    // Bob's hypothesis wins; alice's learning, which did not clash, is kept.
    await visible(bob.panel.getByText(bobsText, { exact: true }));
    await visible(bob.panel.getByRole('listitem').filter({ hasText: alicesLearning }));
    expect(await bob.panel.getByText(alicesText).count()).toBe(0);

    const stored = await storedRecord(FLEX_112.key);
    expect(stored.hypothesis).toBe(bobsText);
    expect(stored.learnings.map((e) => e.text)).toEqual([FLEX_112.spain, FLEX_112.labeling, alicesLearning]);
    expect(stored.updatedBy).toBe(site.user('bob').accountId);
    expect(stored.revision).toBe(start.revision + 2);
  });
});

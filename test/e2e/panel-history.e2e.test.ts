/**
 * History says what changed, and a restore can be undone (issue 15, item 16): edit, see the
 * change in History, restore the older revision, see what the restore changed, then Undo
 * from the keyboard. What is stored is read back through the real resolver as alice.
 */
import type { LearningRecord } from '../../src/domain/record/learning-record';
import { describeInBrowser } from './support/browser';
import { visible } from './support/issue-page';
import { useIssuePages } from './support/issue-page-suite';

jest.setTimeout(90_000);

describeInBrowser('Issue panel history: what changed, and undo after a restore', () => {
  // A history index built from the kept revisions reads them with kvs.query: seen at once here.
  const { site, open } = useIssuePages({ consistency: { kvsQueryDelayMs: 0 } });

  const storedRecord = async (issueKey: string): Promise<LearningRecord> => {
    const { result } = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey });
    if (!result.ok || !result.value.record) throw new Error(`${issueKey} has no readable record.`);
    return result.value.record;
  };

  it('edits, restores the older revision, sees what each changed, then undoes the restore', async () => {
    const issueKey = 'CHK-47';
    const original = await storedRecord(issueKey);
    const changed = 'Showing the price breakdown will halve support contacts about fees.';
    const added = 'Fee questions moved from chat to the FAQ.';
    const { page, panel } = await open(issueKey, 'alice');

    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByRole('textbox', { name: 'Hypothesis' }).fill(changed);
    await panel.getByRole('button', { name: 'Add a learning' }).click();
    await page.keyboard.type(added);
    await panel.getByRole('button', { name: /^Save/ }).click();
    await visible(panel.getByText(`revision ${String(original.revision + 1)}`));

    await panel.getByRole('button', { name: 'History' }).click();
    const edit = panel.getByRole('list', { name: `What revision ${String(original.revision + 1)} changed` });
    await visible(edit.getByRole('listitem').filter({ hasText: 'Hypothesis edited' }));
    await visible(edit.getByRole('listitem').filter({ hasText: `Learning added: “${added}”` }));

    const history = panel.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: `Restore revision ${String(original.revision)}` }).click();
    await panel.getByRole('button', { name: 'Restore it' }).click();
    await visible(panel.getByRole('status').getByText(`Restored revision ${String(original.revision)}.`));
    await visible(panel.getByText(original.hypothesis, { exact: true }));

    // The restore is a revision too, and says what it undid.
    await panel.getByRole('button', { name: 'History' }).click();
    const restore = panel.getByRole('list', { name: `What revision ${String(original.revision + 2)} changed` });
    await visible(restore.getByRole('listitem').filter({ hasText: `Learning removed: “${added}”` }));
    await panel.getByRole('button', { name: 'Back to learnings' }).click();

    const undo = panel.getByRole('button', { name: `Undo: bring back revision ${String(original.revision + 1)}` });
    await undo.focus();
    await page.keyboard.press('Enter');
    await visible(
      panel
        .getByRole('status')
        .getByText(`Restore undone: revision ${String(original.revision + 1)} is back, as revision ${String(original.revision + 3)}.`),
    );
    await visible(panel.getByText(changed, { exact: true }));

    const stored = await storedRecord(issueKey);
    expect(stored.revision).toBe(original.revision + 3);
    expect(stored.hypothesis).toBe(changed);
    expect(stored.learnings.map((e) => e.text)).toEqual([...original.learnings.map((e) => e.text), added]);
  });
});

import { saveRetroNote } from '../../src/app/retro/save-retro-note';
import { deps, flex, project, quiet } from './retro-support';

describe('keeping a note for a surprise', () => {
  const surpriseOf = (card: typeof flex) => card.record.learnings.find((e) => e.surprise)!.id;
  const base = () => ({ project, accountId: 'acc-alice', boardId: 1, sprintId: 23, issueId: flex.issue.id, entryId: surpriseOf(flex) });
  const withSprint = () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    return d;
  };

  it('writes once, normalised, and deletes when there is nothing to keep', async () => {
    const d = withSprint();
    const saved = await saveRetroNote(d, { ...base(), discussed: true, note: '  Label first.\r\n ' });
    expect(saved).toEqual({
      key: `${flex.issue.id}:${surpriseOf(flex)}`,
      note: { discussed: true, note: 'Label first.', updatedAt: '2026-11-16T09:00:00.000Z', updatedBy: 'acc-alice' },
    });
    expect(d.notes.calls.put).toBe(1);
  });

  it("keeps a note's earlier text when it is changed or cleared", async () => {
    const d = withSprint();
    await saveRetroNote(d, { ...base(), discussed: true, note: 'Label first.' });
    const changed = await saveRetroNote(d, { ...base(), accountId: 'acc-bob', discussed: true, note: 'Price first.' });
    expect(changed.note).toMatchObject({ note: 'Price first.', earlier: [{ note: 'Label first.', updatedBy: 'acc-alice' }] });
    const cleared = await saveRetroNote(d, { ...base(), discussed: false, note: '' });
    expect(cleared.note?.earlier?.map((e) => e.note)).toEqual(['Price first.', 'Label first.']);
  });

  it('refuses a note on anything that is not a surprise of that sprint on that board, writing nothing', async () => {
    const d = withSprint();
    const notSurprise = quiet.record.learnings[0]!.id;
    for (const wrong of [
      { issueId: '99999' },
      { issueId: quiet.issue.id, entryId: notSurprise },
      { entryId: 'made-up' },
      { sprintId: 22 },
      { boardId: 77 },
    ]) {
      await expect(saveRetroNote(d, { ...base(), ...wrong, discussed: true, note: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(d.notes.calls.put).toBe(0);
  });

  it('refuses someone who may not edit the issue (a browse-only reader cannot change or delete a note)', async () => {
    const d = withSprint();
    d.issueLearnings.canEdit = false;
    await expect(saveRetroNote(d, { ...base(), discussed: false, note: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(d.notes.calls.put).toBe(0);
  });

  it('refuses a note over the limit and ids that are not ids', async () => {
    await expect(saveRetroNote(withSprint(), { ...base(), discussed: false, note: 'x'.repeat(501) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(saveRetroNote(withSprint(), { ...base(), issueId: 'FLEX-1', discussed: false, note: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(saveRetroNote(withSprint(), { ...base(), entryId: 'a:b', discussed: false, note: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

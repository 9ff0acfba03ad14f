import { LIMITS, emptyDraft, type LearningDraft } from '../../src/domain/record/learning-record';
import { editorWithNewEntry, isDirty, prepareSave } from '../../static/issue-panel/src/state/editor-state';
import { flex112, fresh, run } from './editor-state-fixtures';

describe('learning entries', () => {
  it('adds an empty entry at the end and focuses it', () => {
    const state = run(fresh(flex112, 4), { type: 'addEntry', id: 'n1' });
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['l1', 'l2', 'n1']);
    expect(state.draft.learnings[2]).toEqual({ id: 'n1', text: '', surprise: false });
    expect(state.focusEntryId).toBe('n1');
  });

  it('does not stack blank entries: adding again goes back to the blank one', () => {
    const state = run(fresh(), { type: 'addEntry', id: 'a' }, { type: 'addEntry', id: 'b' });
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['a']);
    expect(state.focusEntryId).toBe('a');
  });

  it('opens an editor with one new entry (the read view’s "Add a learning")', () => {
    const state = editorWithNewEntry(flex112, 4, 'n1');
    expect(state.draft.learnings).toHaveLength(3);
    expect(state.focusEntryId).toBe('n1');
    expect(state.baseRevision).toBe(4);
    expect(isDirty(state)).toBe(false); // a blank entry is not a change
  });

  it('Enter in a typed entry starts the next one right after it', () => {
    const state = run(fresh(flex112), { type: 'commitEntry', id: 'l1', newId: 'n1' });
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['l1', 'n1', 'l2']);
    expect(state.focusEntryId).toBe('n1');
  });

  it('type, Enter, type, Enter: one entry per line of thought', () => {
    const state = run(
      fresh(),
      { type: 'addEntry', id: 'a' },
      { type: 'editEntry', id: 'a', text: 'First' },
      { type: 'commitEntry', id: 'a', newId: 'b' },
      { type: 'editEntry', id: 'b', text: 'Second' },
      { type: 'commitEntry', id: 'b', newId: 'c' },
    );
    expect(state.draft.learnings).toEqual([
      { id: 'a', text: 'First', surprise: false },
      { id: 'b', text: 'Second', surprise: false },
      { id: 'c', text: '', surprise: false },
    ]);
    expect(prepareSave(state)).toEqual({ ok: true, draft: expect.objectContaining({ learnings: state.draft.learnings.slice(0, 2) }) });
  });

  it('Enter in an empty entry does nothing', () => {
    const start = run(fresh(), { type: 'addEntry', id: 'a' });
    expect(run(start, { type: 'commitEntry', id: 'a', newId: 'b' })).toBe(start);
    const spaces = run(start, { type: 'editEntry', id: 'a', text: '   ' });
    expect(run(spaces, { type: 'commitEntry', id: 'a', newId: 'b' }).draft.learnings).toHaveLength(1);
  });

  it('Enter moves into an already empty next entry instead of adding another', () => {
    const state = run(
      fresh(),
      { type: 'addEntry', id: 'a' },
      { type: 'editEntry', id: 'a', text: 'One' },
      { type: 'commitEntry', id: 'a', newId: 'b' },
      { type: 'focusHandled' },
      { type: 'commitEntry', id: 'a', newId: 'c' },
    );
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['a', 'b']);
    expect(state.focusEntryId).toBe('b');
  });

  it(`refuses more than ${LIMITS.entries} entries with a sentence`, () => {
    const full: LearningDraft = {
      ...emptyDraft(),
      learnings: Array.from({ length: LIMITS.entries }, (_, i) => ({ id: `e${i}`, text: `t${i}`, surprise: false })),
    };
    const added = run(fresh(full), { type: 'addEntry', id: 'x' });
    expect(added.draft.learnings).toHaveLength(LIMITS.entries);
    expect(added.entryError).toMatch(/^50 learnings is the most a ticket holds/);
    const committed = run(fresh(full), { type: 'commitEntry', id: 'e49', newId: 'x' });
    expect(committed.draft.learnings).toHaveLength(LIMITS.entries);
    expect(committed.entryError).not.toBeNull();
  });

  it('edits the text of one entry only', () => {
    const state = run(fresh(flex112), { type: 'editEntry', id: 'l2', text: 'Labels matter.' });
    expect(state.draft.learnings[0]).toEqual(flex112.learnings[0]);
    expect(state.draft.learnings[1]?.text).toBe('Labels matter.');
  });

  it('toggles the surprise flag on and off', () => {
    const on = run(fresh(flex112), { type: 'toggleSurprise', id: 'l2' });
    expect(on.draft.learnings[1]?.surprise).toBe(true);
    expect(isDirty(on)).toBe(true);
    const off = run(on, { type: 'toggleSurprise', id: 'l2' });
    expect(off.draft.learnings[1]?.surprise).toBe(false);
    expect(isDirty(off)).toBe(false);
  });
});

describe('removing with undo', () => {
  it('removes an entry and keeps it for Undo', () => {
    const state = run(fresh(flex112), { type: 'removeEntry', id: 'l1' });
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['l2']);
    expect(state.removed).toEqual({ entry: flex112.learnings[0], index: 0 });
  });

  it('Undo puts the entry back where it was, flag and all', () => {
    const state = run(fresh(flex112), { type: 'removeEntry', id: 'l1' }, { type: 'undoRemove' });
    expect(state.draft.learnings).toEqual(flex112.learnings);
    expect(state.removed).toBeNull();
    expect(state.focusEntryId).toBe('l1');
    expect(isDirty(state)).toBe(false);
  });

  it('Undo after other entries were removed puts it back within bounds', () => {
    const state = run(fresh(flex112), { type: 'removeEntry', id: 'l1' }, { type: 'removeEntry', id: 'l2' }, { type: 'undoRemove' });
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['l2']);
  });

  it('the Undo message goes away when dismissed (the timer)', () => {
    const state = run(fresh(flex112), { type: 'removeEntry', id: 'l1' }, { type: 'dismissUndo' });
    expect(state.removed).toBeNull();
    expect(run(state, { type: 'undoRemove' })).toBe(state);
  });

  it('removing a blank entry offers no Undo', () => {
    const state = run(fresh(), { type: 'addEntry', id: 'a' }, { type: 'removeEntry', id: 'a' });
    expect(state.draft.learnings).toEqual([]);
    expect(state.removed).toBeNull();
  });
});

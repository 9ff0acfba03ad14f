/** The issue panel's view state machine (static/issue-panel/src/state/panel-state.ts), with plain values. */
import type { ConflictDetails, PanelView, SavedView } from '../../src/contract/resolvers';
import type { LearningRecord } from '../../src/domain/record/learning-record';
import { initialEditorState } from '../../static/issue-panel/src/state/editor-state';
import { initialPanelState, panelReducer, type PanelAction, type PanelState } from '../../static/issue-panel/src/state/panel-state';

const size = { used: 300, limit: 32768, remaining: 32468, level: 'ok' as const };

function record(revision: number, hypothesis: string): LearningRecord {
  return {
    schemaVersion: 2,
    hypothesis,
    learnings: [],
    outcome: 'open',
    confidence: null,
    tags: [],
    evidence: [],
    revision,
    updatedAt: '2025-03-01T10:00:00.000Z',
    updatedBy: 'acc-1',
  };
}

const view: PanelView = {
  issue: { id: '10001', key: 'FLEX-7', summary: 'Annual billing' },
  record: record(3, 'Old hypothesis'),
  unreadable: null,
  canEdit: true,
  viewerAccountId: 'acc-1',
  size,
  names: null,
};

const draft = { hypothesis: 'Typed', learnings: [], outcome: 'open' as const, confidence: null, tags: [], evidence: [] };
const saved = (revision: number, mergedWithOthers = false): SavedView => ({ record: record(revision, 'Saved'), size, mergedWithOthers });
const anError = { code: 'JIRA_UNAVAILABLE' as const, message: 'Jira did not answer.' };

const run = (state: PanelState, ...actions: PanelAction[]): PanelState => actions.reduce(panelReducer, state);
const loaded = run(initialPanelState, { type: 'loaded', view });
const editing = run(loaded, { type: 'editorOpened', editor: initialEditorState(draft, 3), focusHypothesis: true });

describe('panel state', () => {
  it('starts loading in the read view, then holds the loaded view or the error', () => {
    expect(initialPanelState.load).toEqual({ kind: 'loading' });
    expect(initialPanelState.mode).toBe('read');
    expect(loaded.load).toEqual({ kind: 'ready', view });
    expect(run(initialPanelState, { type: 'loadFailed', error: anError }).load).toEqual({ kind: 'error', error: anError });
  });

  it('opening the editor clears the last note and save error and switches to edit', () => {
    const before = { ...loaded, note: 'Restored revision 2.', saveError: anError };
    const state = run(before, { type: 'editorOpened', editor: initialEditorState(draft, 3), focusHypothesis: false });
    expect(state.mode).toBe('edit');
    expect(state.editor?.draft.hypothesis).toBe('Typed');
    expect(state.focusHypothesis).toBe(false);
    expect(state.note).toBeNull();
    expect(state.saveError).toBeNull();
  });

  it('passes editor actions to the open editor, and ignores them with none open', () => {
    const state = run(editing, { type: 'editor', action: { type: 'setHypothesis', text: 'Changed' } });
    expect(state.editor?.draft.hypothesis).toBe('Changed');
    expect(run(loaded, { type: 'editor', action: { type: 'setHypothesis', text: 'x' } })).toBe(loaded);
  });

  it('a save in flight, then saved: the record and size are replaced, the editor closes, the read view takes focus', () => {
    const busy = run(editing, { type: 'saveStarted' });
    expect(busy.saving).toBe(true);
    const state = run(busy, { type: 'saved', saved: saved(4), note: null });
    expect(state).toMatchObject({ mode: 'read', editor: null, saving: false, returning: true, note: null });
    expect(state.load).toEqual({ kind: 'ready', view: { ...view, record: record(4, 'Saved'), size, unreadable: null } });
  });

  it('a save merged with others says so', () => {
    expect(run(editing, { type: 'saveStarted' }, { type: 'saved', saved: saved(5, true), note: null }).note).toBe(
      'Merged with changes by others.',
    );
  });

  it('a refused save keeps the editor open with the error', () => {
    const state = run(editing, { type: 'saveStarted' }, { type: 'saveFailed', error: anError });
    expect(state).toMatchObject({ mode: 'edit', saving: false, saveError: anError });
    expect(state.editor).toBe(editing.editor);
  });

  it('a conflict shows the conflict view over the current record, and "edit further" rebases the editor on it', () => {
    const details: ConflictDetails = { conflicts: [], merged: { ...draft, hypothesis: 'Merged' }, current: record(6, 'Theirs') };
    const conflicted = run(editing, { type: 'saveStarted' }, { type: 'conflicted', details });
    expect(conflicted).toMatchObject({ mode: 'conflict', saving: false, conflict: details });
    expect(conflicted.load.kind === 'ready' && conflicted.load.view.record).toEqual(record(6, 'Theirs'));

    const theirs = { ...draft, hypothesis: 'Theirs' };
    const state = run(conflicted, {
      type: 'conflictEdited',
      base: theirs,
      baseRevision: 6,
      draft: { ...draft, hypothesis: 'Mine, merged' },
    });
    expect(state).toMatchObject({ mode: 'edit', conflict: null, saveError: null });
    expect(state.editor?.baseRevision).toBe(6);
    expect(state.editor?.base).toEqual(theirs);
    expect(state.editor?.draft.hypothesis).toBe('Mine, merged');
  });

  it('closing the editor or discarding a conflict goes back to read without saving', () => {
    const state = run(editing, { type: 'saveFailed', error: anError }, { type: 'editorClosed' });
    expect(state).toMatchObject({ mode: 'read', editor: null, conflict: null, saveError: null, returning: true });
    expect(state.load).toBe(editing.load);
  });

  it('history: a restore in flight, refused with a conflict (says to reopen), then closed', () => {
    const opened = run(loaded, { type: 'historyOpened' });
    expect(opened.mode).toBe('history');
    expect(run(opened, { type: 'restoreStarted', revision: 2 }).restoring).toBe(2);
    const conflict = { code: 'CONFLICT' as const, message: 'Someone saved meanwhile.' };
    const refused = run(opened, { type: 'restoreStarted', revision: 2 }, { type: 'restoreFailed', error: conflict });
    expect(refused.restoring).toBeNull();
    expect(refused.restoreError).toEqual({
      code: 'CONFLICT',
      message: 'Someone saved meanwhile. Reopen the history to see the latest revisions.',
    });
    expect(run(opened, { type: 'restoreFailed', error: anError }).restoreError).toEqual(anError);
    expect(run(refused, { type: 'historyClosed' })).toMatchObject({ mode: 'read', restoreError: null, returning: true });
  });

  it('a restore that went through shows its note in the read view', () => {
    const state = run(
      loaded,
      { type: 'historyOpened' },
      { type: 'restoreStarted', revision: 2 },
      { type: 'saved', saved: saved(7), note: 'Restored revision 2.' },
    );
    expect(state).toMatchObject({ mode: 'read', restoring: null, note: 'Restored revision 2.' });
    expect(run(state, { type: 'noteDismissed' }).note).toBeNull();
  });

  it('a restore offers its undo until the note is dismissed or the record is edited', () => {
    const restored = run(
      loaded,
      { type: 'historyOpened' },
      { type: 'restoreStarted', revision: 2 },
      { type: 'saved', saved: saved(7), note: 'Restored revision 2.', undo: { revision: 6, baseRevision: 7 } },
    );
    expect(restored).toMatchObject({ note: 'Restored revision 2.', undo: { revision: 6, baseRevision: 7 }, undoing: false });
    expect(run(restored, { type: 'noteDismissed' })).toMatchObject({ note: null, undo: null });
    expect(run(restored, { type: 'editorOpened', editor: editing.editor!, focusHypothesis: true }).undo).toBeNull();
    // Undone: the undo's own save offers no further undo.
    const undone = run(restored, { type: 'undoStarted' }, { type: 'saved', saved: saved(8), note: 'Undone.' });
    expect(undone).toMatchObject({ note: 'Undone.', undo: null, undoing: false });
  });

  it('a failed undo can be tried again, except after a conflict, which says to reload', () => {
    const restored = run(loaded, { type: 'saved', saved: saved(7), note: 'Restored revision 2.', undo: { revision: 6, baseRevision: 7 } });
    const busy = run(restored, { type: 'undoStarted' });
    expect(busy).toMatchObject({ undoing: true, undoError: null });
    const failed = run(busy, { type: 'undoFailed', error: anError });
    expect(failed).toMatchObject({ undoing: false, undoError: anError, undo: { revision: 6, baseRevision: 7 } });
    const conflict = { code: 'CONFLICT' as const, message: 'Someone saved a newer version since you opened the history.' };
    const refused = run(busy, { type: 'undoFailed', error: conflict });
    expect(refused.undo).toBeNull();
    expect(refused.undoError).toEqual({
      code: 'CONFLICT',
      message:
        'Someone saved a newer version since the restore, so it was not undone. Reload to see it; History still holds every revision.',
    });
  });

  it('"This helped" saving the record while editing updates the view and keeps the editor', () => {
    const state = run(editing, { type: 'recordSaved', saved: saved(8) });
    expect(state.mode).toBe('edit');
    expect(state.editor).toBe(editing.editor);
    expect(state.load.kind === 'ready' && state.load.view.record?.revision).toBe(8);
  });
});

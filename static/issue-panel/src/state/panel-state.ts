/**
 * The issue panel as plain data and a reducer: what is loaded, which view is
 * open (read, edit, conflict, history), and where a save or a restore stands.
 * No React, no bridge, no clock: the App dispatches what happened, jest tests
 * it with plain values.
 */
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { ConflictDetails, PanelView, SavedView } from '../../../../src/contract/resolvers';
import type { LearningDraft } from '../../../../src/domain/record/learning-record';
import { editorReducer, type EditorAction, type EditorState } from './editor-state';

export type Load = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; view: PanelView };
export type Mode = 'read' | 'edit' | 'conflict' | 'history';

export interface PanelState {
  load: Load;
  mode: Mode;
  /** The open editor; kept while a conflict is resolved so "edit further" can go back to it. */
  editor: EditorState | null;
  /** The editor opened from "Edit" (hypothesis first) rather than "Add a learning". */
  focusHypothesis: boolean;
  saving: boolean;
  saveError: AppErrorBody | null;
  conflict: ConflictDetails | null;
  /** A short confirmation shown in the read view ("Restored revision 3."). */
  note: string | null;
  /** The revision being restored, while the call runs. */
  restoring: number | null;
  restoreError: AppErrorBody | null;
  /** The read view was reached by leaving another view: it takes focus. */
  returning: boolean;
  /** After a restore: restoring `revision` again, from `baseRevision` (the restore's own), undoes it. */
  undo: UndoTarget | null;
  undoing: boolean;
  undoError: AppErrorBody | null;
}

export interface UndoTarget {
  revision: number;
  baseRevision: number;
}

export type PanelAction =
  | { type: 'loadStarted' }
  | { type: 'loaded'; view: PanelView }
  | { type: 'loadFailed'; error: AppErrorBody }
  | { type: 'editorOpened'; editor: EditorState; focusHypothesis: boolean }
  | { type: 'editor'; action: EditorAction }
  /** Leaving the editor, or a conflict, without saving. */
  | { type: 'editorClosed' }
  | { type: 'saveStarted' }
  /** A save or a restore went through: back to the read view with the saved record. */
  | { type: 'saved'; saved: SavedView; note: string | null; undo?: UndoTarget }
  | { type: 'saveFailed'; error: AppErrorBody }
  | { type: 'conflicted'; details: ConflictDetails }
  /** From the conflict view back to the editor with the merged draft. */
  | { type: 'conflictEdited'; base: LearningDraft; baseRevision: number; draft: LearningDraft }
  /** "This helped" wrote an evidence link on the record while editing. */
  | { type: 'recordSaved'; saved: SavedView }
  | { type: 'historyOpened' }
  | { type: 'historyClosed' }
  | { type: 'restoreStarted'; revision: number }
  | { type: 'restoreFailed'; error: AppErrorBody }
  | { type: 'noteDismissed' }
  | { type: 'undoStarted' }
  | { type: 'undoFailed'; error: AppErrorBody };

export const initialPanelState: PanelState = {
  load: { kind: 'loading' },
  mode: 'read',
  editor: null,
  focusHypothesis: false,
  saving: false,
  saveError: null,
  conflict: null,
  note: null,
  restoring: null,
  restoreError: null,
  returning: false,
  undo: null,
  undoing: false,
  undoError: null,
};

const NO_UNDO = { undo: null, undoing: false, undoError: null };

/** A change to the loaded view; nothing happens while it is not loaded. */
function withView(state: PanelState, change: Partial<PanelView>): PanelState {
  if (state.load.kind !== 'ready') return state;
  return { ...state, load: { kind: 'ready', view: { ...state.load.view, ...change } } };
}

const backToRead = (state: PanelState): PanelState => ({ ...state, mode: 'read', returning: true });

const savedView = (saved: SavedView): Partial<PanelView> => ({ record: saved.record, size: saved.size, unreadable: null });

/** A refused restore; a conflict means the history on screen is stale, so it says how to see the new one. */
function restoreErrorOf(error: AppErrorBody): AppErrorBody {
  if (error.code !== 'CONFLICT') return error;
  return { ...error, message: `${error.message} Reopen the history to see the latest revisions.` };
}

/** A refused undo; the backend's conflict words speak of the history, so they are said for the panel here. */
function undoErrorOf(error: AppErrorBody): AppErrorBody {
  if (error.code !== 'CONFLICT') return error;
  return {
    ...error,
    message: 'Someone saved a newer version since the restore, so it was not undone. Reload to see it; History still holds every revision.',
  };
}

export function panelReducer(state: PanelState, action: PanelAction): PanelState {
  switch (action.type) {
    case 'loadStarted':
      return { ...state, load: { kind: 'loading' } };
    case 'loaded':
      return { ...state, load: { kind: 'ready', view: action.view } };
    case 'loadFailed':
      return { ...state, load: { kind: 'error', error: action.error } };
    case 'editorOpened':
      return {
        ...state,
        ...NO_UNDO,
        editor: action.editor,
        focusHypothesis: action.focusHypothesis,
        saveError: null,
        note: null,
        mode: 'edit',
      };
    case 'editor':
      return state.editor ? { ...state, editor: editorReducer(state.editor, action.action) } : state;
    case 'editorClosed':
      return backToRead({ ...state, editor: null, conflict: null, saveError: null });
    case 'saveStarted':
      return { ...state, saving: true, saveError: null };
    case 'saved': {
      const note = action.saved.mergedWithOthers ? 'Merged with changes by others.' : action.note;
      const undo = action.undo && !action.saved.mergedWithOthers ? action.undo : null;
      const after = { ...state, editor: null, conflict: null, saving: false, saveError: null, restoring: null, note, ...NO_UNDO, undo };
      return backToRead(withView(after, savedView(action.saved)));
    }
    case 'saveFailed':
      return { ...state, saving: false, saveError: action.error };
    case 'conflicted':
      return withView({ ...state, saving: false, conflict: action.details, mode: 'conflict' }, { record: action.details.current });
    case 'conflictEdited': {
      const { base, baseRevision, draft } = action;
      const editor = state.editor ? editorReducer(state.editor, { type: 'rebase', base, baseRevision, draft }) : null;
      return { ...state, editor, conflict: null, saveError: null, mode: 'edit' };
    }
    case 'recordSaved':
      return withView(state, savedView(action.saved));
    case 'historyOpened':
      return { ...state, mode: 'history' };
    case 'historyClosed':
      return backToRead({ ...state, restoreError: null });
    case 'restoreStarted':
      return { ...state, restoring: action.revision, restoreError: null };
    case 'restoreFailed':
      return { ...state, restoring: null, restoreError: restoreErrorOf(action.error) };
    case 'noteDismissed':
      return { ...state, ...NO_UNDO, note: null };
    case 'undoStarted':
      return { ...state, undoing: true, undoError: null };
    case 'undoFailed':
      // A conflict means the restore is no longer the newest revision: undoing it would be a guess.
      return { ...state, undoing: false, undoError: undoErrorOf(action.error), undo: action.error.code === 'CONFLICT' ? null : state.undo };
  }
}

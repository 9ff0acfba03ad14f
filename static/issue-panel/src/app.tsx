/** The issue panel: loads the record, switches between read, edit, conflict and history. State: state/panel-state.ts. */
import { useCallback, useEffect, useReducer, type Dispatch } from 'react';
import { token } from '@atlaskit/tokens';
import { call, firstCall } from '../../shared/bridge-client';
import type { ConflictDetails, PanelView } from '../../../src/contract/resolvers';
import { draftOf, emptyDraft, type LearningDraft, type LearningRecord } from '../../../src/domain/record/learning-record';
import { newId } from './state/ids';
import { isConflictDetails, resolvedDraftOf, resolvedSaveOf, type Choices } from './state/conflicts';
import { editorWithNewEntry, initialEditorState, type EditorAction, type EditorState } from './state/editor-state';
import { initialPanelState, panelReducer, type PanelAction, type PanelState, type UndoTarget } from './state/panel-state';
import { onDemand } from '../../shared/on-demand';
import { afterNextPaint } from '../../shared/after-paint';
import { ReadView } from './components/read-view';
import { useReadShortcuts } from './components/use-read-shortcuts';
import { EmptyState, LoadError, Loading, UnreadableNotice, WHO_CAN_EDIT } from './components/panel-status';
import { SavedNote } from './components/saved-note';
import { ServedGoals, useServedGoals } from './components/served-goals';
import { subtleSmall } from '../../shared/styles';
import { useLearnNames } from '../../shared/people-names';

const loadHistory = () => call('history/list');

// The read view is the first screen; the editor, history and conflict views load on demand,
// the editor right after the first paint (the likeliest next step).
const editorView = onDemand(() => import('./components/editor/editor').then((m) => m.Editor), 'editor');
const historyView = onDemand(() => import('./components/history-view').then((m) => m.HistoryView), 'history');
const conflictView = onDemand(() => import('./components/conflict-view').then((m) => m.ConflictView), 'conflict view');
const Editor = editorView.View;
const HistoryView = historyView.View;
const ConflictView = conflictView.View;

export function App() {
  const [state, dispatch] = useReducer(panelReducer, initialPanelState);
  const learnNames = useLearnNames();

  const fetchView = useCallback(async () => {
    dispatch({ type: 'loadStarted' });
    const result = await firstCall('learning/get');
    // Names the answer brought are known before the record paints; without them the read view asks `people/lookup`.
    if (result.ok && result.value.names) learnNames(result.value.names);
    dispatch(result.ok ? { type: 'loaded', view: result.value } : { type: 'loadFailed', error: result.error });
  }, [learnNames]);

  useEffect(() => {
    void fetchView();
  }, [fetchView]);

  const ready = state.load.kind === 'ready';
  useEffect(() => {
    if (!ready) return;
    // A failed preload is retried when the editor opens.
    return afterNextPaint(() => void editorView.preload().catch(() => undefined));
  }, [ready]);

  if (state.load.kind === 'loading') return <Loading />;
  if (state.load.kind === 'error') return <LoadError error={state.load.error} onRetry={() => void fetchView()} />;
  return <Panel state={state} view={state.load.view} dispatch={dispatch} onReload={() => void fetchView()} />;
}

/** The calls behind the panel's buttons; each reports what happened to the reducer. */
function usePanelActions(record: LearningRecord | null, dispatch: Dispatch<PanelAction>) {
  const openEditor = (editor: EditorState, focusHypothesis: boolean) => {
    dispatch({ type: 'editorOpened', editor, focusHypothesis });
  };
  const current = () => (record ? draftOf(record) : emptyDraft());
  const baseRevision = record?.revision ?? 0;

  const save = async (draft: LearningDraft, revision: number) => {
    dispatch({ type: 'saveStarted' });
    const result = await call('learning/save', { baseRevision: revision, draft });
    if (result.ok) {
      dispatch({ type: 'saved', saved: result.value, note: null });
      return;
    }
    const { error } = result;
    if (error.code === 'CONFLICT' && isConflictDetails(error.details)) {
      dispatch({ type: 'conflicted', details: error.details });
      return;
    }
    dispatch({ type: 'saveFailed', error });
  };

  const restore = async (revision: number) => {
    dispatch({ type: 'restoreStarted', revision });
    const result = await call('history/restore', { revision, baseRevision });
    if (!result.ok) {
      dispatch({ type: 'restoreFailed', error: result.error });
      return;
    }
    // Undo restores what was current before, from the restore's own revision: a new revision again.
    const undo = record ? { revision: record.revision, baseRevision: result.value.record.revision } : undefined;
    dispatch({ type: 'saved', saved: result.value, note: `Restored revision ${String(revision)}.`, undo });
  };

  const undo = async (target: UndoTarget) => {
    dispatch({ type: 'undoStarted' });
    const result = await call('history/restore', target);
    if (!result.ok) {
      dispatch({ type: 'undoFailed', error: result.error });
      return;
    }
    const note = `Restore undone: revision ${String(target.revision)} is back, as revision ${String(result.value.record.revision)}.`;
    dispatch({ type: 'saved', saved: result.value, note });
  };

  return {
    startEdit: () => {
      openEditor(initialEditorState(current(), baseRevision), true);
    },
    startAddLearning: () => {
      openEditor(editorWithNewEntry(current(), baseRevision, newId()), false);
    },
    save: (draft: LearningDraft, revision: number) => void save(draft, revision),
    saveChoices: (details: ConflictDetails, choices: Choices) => {
      const resolved = resolvedSaveOf(details, choices);
      void save(resolved.draft, resolved.baseRevision);
    },
    editFurther: (details: ConflictDetails, choices: Choices) => {
      dispatch({
        type: 'conflictEdited',
        base: draftOf(details.current),
        baseRevision: details.current.revision,
        draft: resolvedDraftOf(details, choices),
      });
    },
    restore: (revision: number) => void restore(revision),
    undo: (target: UndoTarget) => void undo(target),
  };
}

type Actions = ReturnType<typeof usePanelActions>;

interface PanelProps {
  state: PanelState;
  view: PanelView;
  dispatch: Dispatch<PanelAction>;
}

function Panel({ state, view, dispatch, onReload }: PanelProps & { onReload: () => void }) {
  const actions = usePanelActions(view.record, dispatch);
  const servedGoals = useServedGoals();
  useReadShortcuts(state.mode === 'read' && view.canEdit && view.unreadable?.kind !== 'newer', actions.startAddLearning);
  return (
    <main
      aria-label={`Hypothesis and learnings for ${view.issue.key}`}
      style={{ display: 'grid', gap: token('space.150'), padding: token('space.050') }}
    >
      {view.unreadable && state.mode !== 'history' ? <UnreadableNotice unreadable={view.unreadable} canEdit={view.canEdit} /> : null}
      {state.mode === 'read' ? (
        <SavedNote
          state={state}
          onUndo={actions.undo}
          onReload={onReload}
          onDismiss={() => {
            dispatch({ type: 'noteDismissed' });
          }}
        />
      ) : null}
      {state.mode === 'read' ? <ServedGoals goals={servedGoals} /> : null}
      <PanelBody state={state} view={view} dispatch={dispatch} actions={actions} />
      {!view.canEdit && !view.unreadable ? <p style={subtleSmall}>{WHO_CAN_EDIT}</p> : null}
    </main>
  );
}

function PanelBody({ state, view, dispatch, actions }: PanelProps & { actions: Actions }) {
  // The Editor's effects depend on its dispatch: one stable function for the panel's life.
  const editorDispatch = useCallback(
    (action: EditorAction) => {
      dispatch({ type: 'editor', action });
    },
    [dispatch],
  );
  const { record } = view;
  const now = new Date();
  const openHistory = () => {
    dispatch({ type: 'historyOpened' });
  };
  const close = () => {
    dispatch({ type: 'editorClosed' });
  };

  if (state.mode === 'edit' && state.editor) {
    return (
      <Editor
        state={state.editor}
        dispatch={editorDispatch}
        previous={record}
        viewerAccountId={view.viewerAccountId}
        saving={state.saving}
        saveError={state.saveError}
        focusHypothesis={state.focusHypothesis}
        issueSummary={view.issue.summary}
        onRecordSaved={(saved) => {
          dispatch({ type: 'recordSaved', saved });
        }}
        onSave={actions.save}
        onCancel={close}
      />
    );
  }
  if (state.mode === 'conflict' && state.conflict) {
    return <ConflictMode conflict={state.conflict} state={state} view={view} actions={actions} onClose={close} />;
  }
  if (state.mode === 'history') {
    return (
      <HistoryView
        load={loadHistory}
        canEdit={view.canEdit}
        viewerAccountId={view.viewerAccountId}
        now={now}
        restoring={state.restoring}
        restoreError={state.restoreError}
        onRestore={actions.restore}
        onClose={() => {
          dispatch({ type: 'historyClosed' });
        }}
      />
    );
  }
  if (!record) {
    return <EmptyState canEdit={view.canEdit} unreadable={view.unreadable !== null} onStart={actions.startEdit} onHistory={openHistory} />;
  }
  return (
    <ReadView
      record={record}
      size={view.size}
      canEdit={view.canEdit}
      viewerAccountId={view.viewerAccountId}
      now={now}
      onEdit={actions.startEdit}
      onAddLearning={actions.startAddLearning}
      onHistory={openHistory}
      takeFocus={state.returning}
    />
  );
}

interface ConflictModeProps {
  conflict: ConflictDetails;
  state: PanelState;
  view: PanelView;
  actions: Actions;
  onClose: () => void;
}

function ConflictMode({ conflict, state, view, actions, onClose }: ConflictModeProps) {
  return (
    <ConflictView
      details={conflict}
      viewerAccountId={view.viewerAccountId}
      saving={state.saving}
      saveError={state.saveError}
      onSave={(choices) => {
        actions.saveChoices(conflict, choices);
      }}
      onEditFurther={(choices) => {
        actions.editFurther(conflict, choices);
      }}
      onDiscardMine={onClose}
    />
  );
}

/** The issue panel: loads the record, switches between read, edit, conflict and history. */
import { useCallback, useEffect, useReducer, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Notice } from '../../../shared/notice';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { call } from '../../../shared/bridge-client';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { ConflictDetails, PanelView, SavedView } from '../../../../src/contract/resolvers';
import { draftOf, emptyDraft, type LearningDraft } from '../../../../src/domain/learning-record';
import { newId } from '../ids';
import { isConflictDetails, resolvedDraftOf, resolvedSaveOf, type Choices } from '../conflicts';
import { editorReducer, editorWithNewEntry, initialEditorState, type EditorAction, type EditorState } from '../editor-state';
import { ConflictView } from './conflict-view';
import { Editor } from './editor';
import { HistoryView } from './history-view';
import { ReadView } from './read-view';
import { subtleSmall } from '../../../shared/styles';

type Load = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; view: PanelView };
type Mode = 'read' | 'edit' | 'conflict' | 'history';

type Holder = EditorState | null;
type HolderAction = EditorAction | { type: 'open'; state: EditorState } | { type: 'close' };

function holderReducer(state: Holder, action: HolderAction): Holder {
  if (action.type === 'open') return action.state;
  if (action.type === 'close') return null;
  return state ? editorReducer(state, action) : state;
}

const loadHistory = () => call('history/list');

export function App() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [mode, setMode] = useState<Mode>('read');
  const [editor, dispatch] = useReducer(holderReducer, null);
  const [focusHypothesis, setFocusHypothesis] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppErrorBody | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [restoreError, setRestoreError] = useState<AppErrorBody | null>(null);
  const [returning, setReturning] = useState(false);

  const fetchView = useCallback(async () => {
    setLoad({ kind: 'loading' });
    const result = await call('learning/get');
    setLoad(result.ok ? { kind: 'ready', view: result.value } : { kind: 'error', error: result.error });
  }, []);

  useEffect(() => {
    void fetchView();
  }, [fetchView]);

  if (load.kind === 'loading') {
    return (
      <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), padding: token('space.200') }}>
        <Spinner size="medium" label="Loading learnings" />
        <span style={subtleSmall}>Loading learnings…</span>
      </div>
    );
  }

  if (load.kind === 'error') {
    return (
      <div style={{ padding: token('space.050') }}>
        <Notice
          appearance="error"
          title="Could not load the learnings"
          actions={[{ label: 'Try again', onClick: () => void fetchView() }]}
        >
          <p style={{ margin: 0 }}>{load.error.message}</p>
        </Notice>
      </div>
    );
  }

  const { view } = load;
  const { record } = view;
  const now = new Date();
  const setView = (change: Partial<PanelView>) => setLoad({ kind: 'ready', view: { ...view, ...change } });

  const backToRead = () => {
    setReturning(true);
    setMode('read');
  };

  const openEditor = (state: EditorState, hypothesisFirst: boolean) => {
    dispatch({ type: 'open', state });
    setFocusHypothesis(hypothesisFirst);
    setSaveError(null);
    setNote(null);
    setMode('edit');
  };
  const startEdit = () => openEditor(initialEditorState(record ? draftOf(record) : emptyDraft(), record?.revision ?? 0), true);
  const startAddLearning = () =>
    openEditor(editorWithNewEntry(record ? draftOf(record) : emptyDraft(), record?.revision ?? 0, newId()), false);

  const afterSave = (saved: SavedView, message: string | null) => {
    setView({ record: saved.record, size: saved.size, unreadable: null });
    dispatch({ type: 'close' });
    setConflict(null);
    setSaveError(null);
    setNote(saved.mergedWithOthers ? 'Merged with changes by others.' : message);
    backToRead();
  };

  const save = async (draft: LearningDraft, baseRevision: number) => {
    setSaving(true);
    setSaveError(null);
    const result = await call('learning/save', { baseRevision, draft });
    setSaving(false);
    if (result.ok) return afterSave(result.value, null);
    const { error } = result;
    if (error.code === 'CONFLICT' && isConflictDetails(error.details)) {
      setConflict(error.details);
      setView({ record: error.details.current });
      setMode('conflict');
      return;
    }
    setSaveError(error);
  };

  const saveChoices = (details: ConflictDetails, choices: Choices) => {
    const { baseRevision, draft } = resolvedSaveOf(details, choices);
    void save(draft, baseRevision);
  };

  const editFurther = (details: ConflictDetails, choices: Choices) => {
    dispatch({
      type: 'rebase',
      base: draftOf(details.current),
      baseRevision: details.current.revision,
      draft: resolvedDraftOf(details, choices),
    });
    setConflict(null);
    setSaveError(null);
    setMode('edit');
  };

  const restore = async (revision: number) => {
    setRestoring(revision);
    setRestoreError(null);
    const result = await call('history/restore', { revision, baseRevision: record?.revision ?? 0 });
    setRestoring(null);
    if (result.ok) return afterSave(result.value, `Restored revision ${revision}.`);
    setRestoreError(
      result.error.code === 'CONFLICT'
        ? { ...result.error, message: `${result.error.message} Reopen the history to see the latest revisions.` }
        : result.error,
    );
  };

  const header =
    view.unreadable && mode !== 'history' ? (
      <Notice appearance="warning" title="The stored learnings could not be read">
        <p style={{ margin: 0 }}>
          {view.unreadable.reason}
          {view.canEdit ? ' Saving writes a fresh record; the old value is kept in the history.' : ''}
        </p>
      </Notice>
    ) : null;

  let body;
  if (mode === 'edit' && editor) {
    body = (
      <Editor
        state={editor}
        dispatch={dispatch}
        previous={record}
        viewerAccountId={view.viewerAccountId}
        saving={saving}
        saveError={saveError}
        focusHypothesis={focusHypothesis}
        issueSummary={view.issue.summary}
        onRecordSaved={(saved) => setView({ record: saved.record, size: saved.size, unreadable: null })}
        onSave={(draft, baseRevision) => void save(draft, baseRevision)}
        onCancel={() => {
          dispatch({ type: 'close' });
          setSaveError(null);
          backToRead();
        }}
      />
    );
  } else if (mode === 'conflict' && conflict) {
    body = (
      <ConflictView
        details={conflict}
        viewerAccountId={view.viewerAccountId}
        saving={saving}
        saveError={saveError}
        onSave={(choices) => saveChoices(conflict, choices)}
        onEditFurther={(choices) => editFurther(conflict, choices)}
        onDiscardMine={() => {
          dispatch({ type: 'close' });
          setConflict(null);
          setSaveError(null);
          backToRead();
        }}
      />
    );
  } else if (mode === 'history') {
    body = (
      <HistoryView
        load={loadHistory}
        canEdit={view.canEdit}
        viewerAccountId={view.viewerAccountId}
        now={now}
        restoring={restoring}
        restoreError={restoreError}
        onRestore={(revision) => void restore(revision)}
        onClose={() => {
          setRestoreError(null);
          backToRead();
        }}
      />
    );
  } else if (record) {
    body = (
      <ReadView
        record={record}
        size={view.size}
        canEdit={view.canEdit}
        viewerAccountId={view.viewerAccountId}
        now={now}
        onEdit={startEdit}
        onAddLearning={startAddLearning}
        onHistory={() => setMode('history')}
        takeFocus={returning}
      />
    );
  } else {
    body = <EmptyState canEdit={view.canEdit} onStart={startEdit} onHistory={() => setMode('history')} />;
  }

  return (
    <main aria-label={`Hypothesis and learnings for ${view.issue.key}`} style={{ display: 'grid', gap: token('space.150'), padding: token('space.050') }}>
      {header}
      {note && mode === 'read' ? (
        <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
          <span style={{ ...subtleSmall, color: token('color.text.success') }}>{note}</span>
          <Button spacing="compact" appearance="subtle" onClick={() => setNote(null)}>
            Dismiss
          </Button>
        </div>
      ) : null}
      {body}
      {!view.canEdit ? <p style={subtleSmall}>You can view but not edit.</p> : null}
    </main>
  );
}

function EmptyState({ canEdit, onStart, onHistory }: { canEdit: boolean; onStart: () => void; onHistory: () => void }) {
  return (
    <div style={{ display: 'grid', gap: token('space.100'), justifyItems: 'start' }}>
      <p style={{ margin: 0, font: token('font.body.large'), color: token('color.text') }}>
        What do you believe, and how will you know?
      </p>
      <p style={{ ...subtleSmall, color: token('color.text.subtle') }}>
        Write the hypothesis before the work starts, then add what you learn as you go.
      </p>
      <div style={{ display: 'flex', gap: token('space.050') }}>
        {canEdit ? (
          <Button appearance="primary" onClick={onStart}>
            Write the hypothesis
          </Button>
        ) : (
          <span style={subtleSmall}>No hypothesis has been written for this issue yet.</span>
        )}
        <Button appearance="subtle" onClick={onHistory}>
          History
        </Button>
      </div>
    </div>
  );
}

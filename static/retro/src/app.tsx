/** "Surprises this sprint": the retro view of a project's board, as a Jira project page. */
import { useCallback, useMemo, useState } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../src/contract/errors';
import type { RetroView } from '../../../src/contract/retro';
import type { Surprise } from '../../../src/domain/retro/retro-surprises';
import { call } from '../../shared/bridge-client';
import { Notice } from '../../shared/notice';
import { listedCards, presenterSurprises } from './state/retro-state';
import { onDemand } from '../../shared/on-demand';
import { RetroPage, type ExportState } from './components/retro-page';
import { useRetroQuery } from './components/use-retro-query';

// Presenter mode loads when someone presents: the list is the first screen.
const Presenter = onDemand(() => import('./components/presenter').then((m) => m.Presenter), 'presenter').View;

/** Discussed marks and notes on surprises, saved one at a time; the view shows each as saved. */
function useNoteSaving(onSaved: (view: RetroView, notes: RetroView['notes']) => void) {
  const [saving, setSaving] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<AppErrorBody | null>(null);
  const saveNote = async (view: RetroView, surprise: Surprise, discussed: boolean, note: string): Promise<boolean> => {
    const { board, sprint } = view;
    if (!board || !sprint) return false;
    setSaving(surprise.key);
    setSaveError(null);
    const result = await call('retro/saveNote', {
      boardId: board.id,
      sprintId: sprint.id,
      issueId: surprise.card.issue.id,
      entryId: surprise.entry.id,
      discussed,
      note,
    });
    setSaving(null);
    if (!result.ok) {
      setSaveError(result.error);
      return false;
    }
    const { key, note: savedNote } = result.value;
    const notes = Object.fromEntries(Object.entries(view.notes).filter(([noteKey]) => noteKey !== key));
    if (savedNote) notes[key] = savedNote;
    onSaved(view, notes);
    return true;
  };
  return {
    saving,
    saveError,
    clearSaveError: () => {
      setSaveError(null);
    },
    saveNote,
  };
}

function Loading() {
  return (
    <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), padding: token('space.300') }}>
      <Spinner size="medium" label="Loading the sprint" />
      <span style={{ color: token('color.text.subtle') }}>Reading the sprint's learnings…</span>
    </div>
  );
}

function OpenError({ error, onRetry }: { error: AppErrorBody; onRetry: () => void }) {
  return (
    <main style={{ padding: token('space.300') }}>
      <Notice appearance="error" title="Could not open the retro view" actions={[{ label: 'Try again', onClick: onRetry }]} role="alert">
        <p style={{ margin: 0 }}>{error.message}</p>
      </Notice>
    </main>
  );
}

export function App() {
  const [mode, setMode] = useState<'list' | 'present'>('list');
  const [index, setIndex] = useState(0);
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });
  const onNewList = useCallback((opened: boolean) => {
    setIndex(0);
    if (opened) setExported({ kind: 'idle' });
  }, []);
  const query = useRetroQuery(onNewList);
  const notes = useNoteSaving(query.setNotes);
  const { load, scope } = query;

  const view = load.kind === 'ready' ? load.view : null;
  const cards = useMemo(() => (view ? listedCards(view, scope) : []), [view, scope]);
  const surprises = useMemo(() => presenterSurprises(cards), [cards]);

  if (load.kind === 'loading') return <Loading />;
  if (load.kind === 'error' || !view) {
    const error = load.kind === 'error' ? load.error : { code: 'INTERNAL_ERROR' as const, message: 'Nothing to show.' };
    return <OpenError error={error} onRetry={query.retry} />;
  }

  const { sprint, board } = view;
  const runExport = async () => {
    if (!board || !sprint) return;
    setExported({ kind: 'loading' });
    const result = await call('retro/export', { boardId: board.id, sprintId: sprint.id, jql: view.query?.customJql ?? null });
    setExported(result.ok ? { kind: 'ready', result: result.value } : { kind: 'error', error: result.error });
  };

  if (mode === 'present' && sprint && surprises.length > 0) {
    return (
      <main style={{ padding: token('space.200') }}>
        <Presenter
          sprintId={sprint.id}
          surprises={surprises}
          index={index}
          onIndex={setIndex}
          notes={view.notes}
          names={view.names}
          sprintName={sprint.name}
          saving={notes.saving}
          saveError={notes.saveError}
          onSave={(surprise, discussed, note) => notes.saveNote(view, surprise, discussed, note)}
          onExit={() => {
            notes.clearSaveError();
            setMode('list');
          }}
        />
      </main>
    );
  }

  return (
    <RetroPage
      view={view}
      cards={cards}
      surpriseCount={surprises.length}
      scope={scope}
      busy={query.busy}
      typed={query.typed}
      onType={query.setTyped}
      jqlError={query.jqlError}
      exported={exported}
      onExport={() => void runExport()}
      onCloseExport={() => {
        setExported({ kind: 'idle' });
      }}
      open={(payload, nextScope) => void query.open(payload, nextScope)}
      onScope={(next) => {
        query.switchScope(view, next);
      }}
      onRunJql={() => {
        query.runJql(view);
      }}
      onPresent={() => {
        setIndex(0);
        setMode('present');
      }}
    />
  );
}

/** "Surprises this sprint": the retro view of a project's board, as a Jira project page. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../src/contract/errors';
import type { RetroExport, RetroOpenPayload, RetroView } from '../../../src/contract/retro';
import type { Surprise } from '../../../src/domain/retro-surprises';
import { call } from '../../shared/bridge-client';
import { Notice } from '../../shared/notice';
import { jqlToSend, listedCards, presenterSurprises, shownJql, type Scope } from './state/retro-state';
import { NoBoard, NoSprint } from './components/empty-states';
import { ExportPanel } from './components/export-panel';
import { Figures } from './components/figures';
import { JqlSearch } from './components/jql-search';
import { LearningItem } from './components/learning-item';
import { NoResults } from './components/no-results';
import { Presenter } from './components/presenter';
import { RetroHeader } from './components/retro-header';

type Load = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; view: RetroView };
type ExportState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; result: RetroExport };

export function App() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [scope, setScope] = useState<Scope>('surprises');
  const [typed, setTyped] = useState('');
  const [jqlError, setJqlError] = useState<AppErrorBody | null>(null);
  const [mode, setMode] = useState<'list' | 'present'>('list');
  const [index, setIndex] = useState(0);
  const [saving, setSaving] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<AppErrorBody | null>(null);
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });

  const open = useCallback(async (payload: RetroOpenPayload, nextScope?: Scope) => {
    setBusy(true);
    const result = await call('retro/open', payload);
    setBusy(false);
    if (result.ok) {
      const view = result.value;
      const s = nextScope ?? 'surprises';
      setLoad({ kind: 'ready', view });
      setScope(s);
      setTyped(shownJql(view, s));
      setJqlError(null);
      setIndex(0);
      setExported({ kind: 'idle' });
      return;
    }
    // A bad JQL keeps the view and says what is wrong next to the field.
    if (payload.jql && result.error.code === 'INVALID_INPUT') setJqlError(result.error);
    else setLoad((prev) => (prev.kind === 'ready' && payload.jql ? prev : { kind: 'error', error: result.error }));
  }, []);

  useEffect(() => {
    void open({});
  }, [open]);

  const view = load.kind === 'ready' ? load.view : null;
  const cards = useMemo(() => (view ? listedCards(view, scope) : []), [view, scope]);
  const surprises = useMemo(() => presenterSurprises(cards), [cards]);

  if (load.kind === 'loading') {
    return (
      <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), padding: token('space.300') }}>
        <Spinner size="medium" label="Loading the sprint" />
        <span style={{ color: token('color.text.subtle') }}>Reading the sprint's learnings…</span>
      </div>
    );
  }
  if (load.kind === 'error' || !view) {
    const error = load.kind === 'error' ? load.error : { code: 'INTERNAL_ERROR' as const, message: 'Nothing to show.' };
    return (
      <main style={{ padding: token('space.300') }}>
        <Notice appearance="error" title="Could not open the retro view" actions={[{ label: 'Try again', onClick: () => void open({}) }]} role="alert">
          <p style={{ margin: 0 }}>{error.message}</p>
        </Notice>
      </main>
    );
  }

  const sprint = view.sprint;
  const board = view.board;
  const custom = !!view.query?.customJql;
  const current = { boardId: board?.id ?? null, sprintId: sprint?.id ?? null };

  const switchScope = (next: Scope) => {
    if (custom) return void open(current, next);
    setScope(next);
    setTyped(shownJql(view, next));
    setJqlError(null);
    setIndex(0);
  };

  const runJql = () => {
    const { jql, scope: preset } = jqlToSend(view, typed);
    if (jql === null) {
      if (custom) return void open(current, preset ?? scope);
      return switchScope(preset ?? scope);
    }
    void open({ ...current, jql }, scope);
  };

  const saveNote = async (surprise: Surprise, discussed: boolean, note: string): Promise<boolean> => {
    if (!board || !sprint) return false;
    setSaving(surprise.key);
    setSaveError(null);
    const result = await call('retro/note', {
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
    const notes = { ...view.notes };
    if (result.value.note) notes[result.value.key] = result.value.note;
    else delete notes[result.value.key];
    setLoad({ kind: 'ready', view: { ...view, notes } });
    return true;
  };

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
          surprises={surprises}
          index={Math.min(index, surprises.length - 1)}
          onIndex={setIndex}
          notes={view.notes}
          names={view.names}
          sprintName={sprint.name}
          saving={saving}
          saveError={saveError}
          onSave={saveNote}
          onExit={() => {
            setSaveError(null);
            setMode('list');
          }}
        />
      </main>
    );
  }

  const learningsInSprint = view.figures?.current.learnings ?? 0;

  return (
    <main aria-busy={busy} style={{ display: 'grid', gap: token('space.200'), padding: token('space.300'), maxWidth: '1100px' }}>
      <RetroHeader view={view} everything={scope === 'all' && !custom} busy={busy} open={(payload) => void open(payload)} />

      {!board ? <NoBoard projectKey={view.project.key} /> : null}
      {board && !sprint ? <NoSprint boardName={board.name} hasFuture={view.sprints.some((s) => s.state === 'future')} /> : null}

      {sprint && view.figures ? <Figures current={view.figures.current} previous={view.figures.previous} previousName={view.previousSprint?.name ?? null} /> : null}

      {sprint && view.query ? (
        <JqlSearch
          typed={typed}
          onType={setTyped}
          shownJql={shownJql(view, scope)}
          jqlError={jqlError}
          busy={busy}
          activeScope={custom ? null : scope}
          onRun={runJql}
          onScope={switchScope}
          surpriseCount={surprises.length}
          onPresent={() => {
            setIndex(0);
            setMode('present');
          }}
          exporting={exported.kind === 'loading'}
          onExport={() => void runExport()}
        />
      ) : null}

      {exported.kind === 'ready' ? <ExportPanel result={exported.result} onClose={() => setExported({ kind: 'idle' })} /> : null}
      {exported.kind === 'error' ? (
        <Notice appearance="error" title="Could not export" role="alert" actions={[{ label: 'Try again', onClick: () => void runExport() }]}>
          <p style={{ margin: 0 }}>{exported.error.message}</p>
        </Notice>
      ) : null}

      {view.truncated ? (
        <Notice appearance="warning" title="Only the first 500 issues were read">
          <p style={{ margin: 0 }}>Narrow the JQL to see the rest; the figures count what was read.</p>
        </Notice>
      ) : null}

      {sprint && cards.length === 0 ? (
        <NoResults
          custom={custom}
          surprisesShown={scope === 'surprises'}
          sprintName={sprint.name}
          learningsInSprint={learningsInSprint}
          onBackToSurprises={() => void open(current, 'surprises')}
          onEverything={() => switchScope('all')}
        />
      ) : null}

      {cards.length > 0 ? (
        <ul className="ll-list" aria-label={scope === 'surprises' && !custom ? 'Surprises' : 'Learnings'} style={{ display: 'grid', gap: token('space.150') }}>
          {cards.map((card) => (
            <LearningItem key={card.issue.id} card={card} names={view.names} notes={view.notes} />
          ))}
        </ul>
      ) : null}

      {sprint ? (
        <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtlest') }}>
          Read as you at {new Date(view.asOf).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}: only issues you can browse are shown.
        </p>
      ) : null}
    </main>
  );
}

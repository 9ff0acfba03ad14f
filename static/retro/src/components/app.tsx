/** "Surprises this sprint": the retro view of a project's board, as a Jira project page. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { RetroExport, RetroOpenPayload, RetroView } from '../../../../src/contract/retro';
import type { Surprise } from '../../../../src/domain/retro-surprises';
import { isChoosable } from '../../../../src/domain/sprint-choice';
import { call, openInProduct } from '../../../shared/bridge-client';
import { Notice } from '../../../shared/notice';
import { issueNavigatorPath, jqlToSend, listedCards, presenterSurprises, shownJql, sprintDates, type Scope } from '../retro-state';
import { NoBoard, NoSprint, NoSurprises } from './empty-states';
import { ExportPanel } from './export-panel';
import { Figures } from './figures';
import { LearningItem } from './learning-item';
import { Presenter } from './presenter';

type Load = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; view: RetroView };
type ExportState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; result: RetroExport };

const STATE_LABEL = { active: 'Active', closed: 'Closed', future: 'Future' } as const;

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
      <header style={{ display: 'grid', gap: token('space.150') }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150'), flexWrap: 'wrap' }}>
          <h1 style={{ margin: 0, font: token('font.heading.large'), color: token('color.text') }}>
            {scope === 'all' && !custom ? 'Everything we learned this sprint' : 'Surprises this sprint'}
          </h1>
          {busy ? <Spinner size="small" label="Loading" /> : null}
          <span style={{ flex: 1 }} />
          {view.boards.length > 1 ? (
            <label style={{ display: 'flex', alignItems: 'center', gap: token('space.075'), font: token('font.body.small'), color: token('color.text.subtle') }}>
              Board
              <select className="ll-select" value={board?.id ?? ''} onChange={(e) => void open({ boardId: Number(e.currentTarget.value) })}>
                {view.boards.map((b) => (
                  <option key={b.id} value={b.id} disabled={b.type !== 'scrum'}>
                    {b.name}
                    {b.type !== 'scrum' ? ' (no sprints)' : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {view.sprints.length > 0 ? (
            <label style={{ display: 'flex', alignItems: 'center', gap: token('space.075'), font: token('font.body.small'), color: token('color.text.subtle') }}>
              Sprint
              <select
                className="ll-select"
                aria-label="Sprint"
                value={sprint?.id ?? ''}
                onChange={(e) => void open({ boardId: board?.id ?? null, sprintId: Number(e.currentTarget.value) })}
              >
                {sprint ? null : <option value="">Choose a sprint</option>}
                {(['active', 'closed', 'future'] as const).map((state) => {
                  const group = view.sprints.filter((s) => s.state === state);
                  return group.length ? (
                    <optgroup key={state} label={state === 'closed' ? 'Recently closed' : STATE_LABEL[state]}>
                      {group.map((s) => (
                        <option key={s.id} value={s.id} disabled={!isChoosable(s)}>
                          {s.name}
                          {sprintDates(s) ? ` · ${sprintDates(s)}` : ''}
                        </option>
                      ))}
                    </optgroup>
                  ) : null;
                })}
              </select>
            </label>
          ) : null}
        </div>
        {sprint ? (
          <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
            {board?.name} · {sprint.name} ({STATE_LABEL[sprint.state].toLowerCase()}
            {sprintDates(sprint) ? `, ${sprintDates(sprint)}` : ''}){sprint.goal ? ` · Goal: ${sprint.goal}` : ''}
          </p>
        ) : null}
      </header>

      {!board ? <NoBoard projectKey={view.project.key} /> : null}
      {board && !sprint ? <NoSprint boardName={board.name} hasFuture={view.sprints.some((s) => s.state === 'future')} /> : null}

      {sprint && view.figures ? <Figures current={view.figures.current} previous={view.figures.previous} previousName={view.previousSprint?.name ?? null} /> : null}

      {sprint && view.query ? (
        <section aria-label="Search" style={{ display: 'grid', gap: token('space.100') }}>
          <form
            style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}
            onSubmit={(e) => {
              e.preventDefault();
              runJql();
            }}
          >
            <label htmlFor="ll-jql" style={{ font: token('font.heading.xxsmall'), color: token('color.text.subtle') }}>
              JQL
            </label>
            <input
              id="ll-jql"
              className="ll-jql"
              style={{ flex: '1 1 360px', width: 'auto' }}
              value={typed}
              spellCheck={false}
              aria-invalid={jqlError ? true : undefined}
              aria-describedby={jqlError ? 'll-jql-error' : undefined}
              onChange={(e) => setTyped(e.currentTarget.value)}
            />
            <Button type="submit" isDisabled={busy}>
              Run
            </Button>
            <button type="button" className="ll-text-action" onClick={() => void openInProduct(issueNavigatorPath(typed.trim() || shownJql(view, scope)))}>
              Open in Jira search ↗
            </button>
          </form>
          {jqlError ? (
            <p id="ll-jql-error" role="alert" style={{ margin: 0, font: token('font.body.small'), color: token('color.text.danger') }}>
              {jqlError.message}
            </p>
          ) : null}
          <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
            <div role="group" aria-label="Show" style={{ display: 'flex', gap: token('space.050') }}>
              <Button spacing="compact" appearance={scope === 'surprises' && !custom ? 'default' : 'subtle'} isSelected={scope === 'surprises' && !custom} aria-pressed={scope === 'surprises' && !custom} onClick={() => switchScope('surprises')}>
                Surprises
              </Button>
              <Button spacing="compact" appearance={scope === 'all' && !custom ? 'default' : 'subtle'} isSelected={scope === 'all' && !custom} aria-pressed={scope === 'all' && !custom} onClick={() => switchScope('all')}>
                Everything we learned this sprint
              </Button>
            </div>
            <span style={{ flex: 1 }} />
            <Button appearance="primary" isDisabled={surprises.length === 0} onClick={() => { setIndex(0); setMode('present'); }}>
              Present {surprises.length ? `(${surprises.length})` : ''}
            </Button>
            <Button isDisabled={exported.kind === 'loading'} onClick={() => void runExport()}>
              {exported.kind === 'loading' ? 'Exporting…' : 'Export for the retro page'}
            </Button>
          </div>
        </section>
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
        custom ? (
          <Notice appearance="information" title="Nothing matches this JQL" actions={[{ label: 'Back to the sprint\u2019s surprises', onClick: () => void open(current, 'surprises') }]}>
            <p style={{ margin: 0 }}>No issue with learnings matches it, or you cannot browse the ones that do.</p>
          </Notice>
        ) : scope === 'surprises' ? (
          <NoSurprises
            sprintName={sprint.name}
            learnings={learningsInSprint}
            actions={learningsInSprint > 0 ? [{ label: 'Everything we learned this sprint', onClick: () => switchScope('all') }] : []}
          />
        ) : (
          <Notice appearance="information" title={`Nothing learned in ${sprint.name} yet`}>
            <p style={{ margin: 0 }}>Write a hypothesis and what you learn in the Hypothesis / What we learned panel of the sprint's issues.</p>
          </Notice>
        )
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

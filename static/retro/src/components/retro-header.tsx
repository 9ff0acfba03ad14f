/** The retro view's title, the board and sprint pickers, and the sprint's line (dates, goal). */
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { RetroOpenPayload, RetroView } from '../../../../src/contract/retro';
import { isChoosable } from '../../../../src/domain/retro/sprint-choice';
import { SPRINT_STATE_LABELS, sprintDates } from '../../../shared/format';
import { viewTitle, type Scope } from '../state/retro-state';

interface Props {
  view: RetroView;
  scope: Scope;
  busy: boolean;
  open: (payload: RetroOpenPayload) => void;
}

/** A small label beside its select: "Board", "Sprint". */
const pickerLabel = {
  display: 'flex',
  alignItems: 'center',
  gap: token('space.075'),
  font: token('font.body.small'),
  color: token('color.text.subtle'),
} as const;

/** The board's sprints by name (nobody knows sprint ids); "Custom query" while a person's JQL is shown. */
function SprintPicker({ view, custom, open }: { view: RetroView; custom: boolean; open: (payload: RetroOpenPayload) => void }) {
  const { sprint, board } = view;
  return (
    <label style={pickerLabel}>
      Sprint
      <select
        className="ll-select"
        aria-label="Sprint"
        value={custom ? '' : (sprint?.id ?? '')}
        onChange={(e) => {
          open({ boardId: board?.id ?? null, sprintId: Number(e.currentTarget.value) });
        }}
      >
        {custom ? <option value="">Custom query</option> : sprint ? null : <option value="">Choose a sprint</option>}
        {(['active', 'closed', 'future'] as const).map((state) => {
          const group = view.sprints.filter((s) => s.state === state);
          return group.length ? (
            <optgroup key={state} label={state === 'closed' ? 'Recently closed' : SPRINT_STATE_LABELS[state]}>
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
  );
}

export function RetroHeader({ view, scope, busy, open }: Props) {
  const { sprint, board } = view;
  const custom = !!view.query?.customJql;
  return (
    <header style={{ display: 'grid', gap: token('space.150') }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150'), flexWrap: 'wrap' }}>
        <h1 style={{ margin: 0, font: token('font.heading.large'), color: token('color.text') }}>{viewTitle(view, scope)}</h1>
        {busy ? <Spinner size="small" label="Loading" /> : null}
        <span style={{ flex: 1 }} />
        {view.boards.length > 1 ? (
          <label style={pickerLabel}>
            Board
            <select
              className="ll-select"
              value={board?.id ?? ''}
              onChange={(e) => {
                open({ boardId: Number(e.currentTarget.value) });
              }}
            >
              {view.boards.map((b) => (
                <option key={b.id} value={b.id} disabled={b.type !== 'scrum'}>
                  {b.name}
                  {b.type !== 'scrum' ? ' (no sprints)' : ''}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {view.sprints.length > 0 ? <SprintPicker view={view} custom={custom} open={open} /> : null}
      </div>
      {sprint && custom ? (
        <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
          The issues your JQL finds, whatever their sprint.{' '}
          <button
            type="button"
            className="ll-text-action"
            onClick={() => {
              open({ boardId: board?.id ?? null, sprintId: sprint.id });
            }}
          >
            Back to {sprint.name}
          </button>
        </p>
      ) : sprint ? (
        <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
          {board?.name} · {sprint.name} ({SPRINT_STATE_LABELS[sprint.state].toLowerCase()}
          {sprintDates(sprint) ? `, ${sprintDates(sprint)}` : ''}){sprint.goal ? ` · Goal: ${sprint.goal}` : ''}
        </p>
      ) : null}
    </header>
  );
}

/** "What we hoped to learn": the sprint's learning goals, at the top of its retro view. */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { GoalsView } from '../../../../src/contract/sprint-goals';
import type { Sprint } from '../../../../src/domain/retro/sprint-choice';
import { goalsAnswered } from '../../../../src/domain/sprint-goals/goals-answered';
import type { SprintGoalsDocument } from '../../../../src/domain/sprint-goals/goals-document';
import { Notice } from '../../../shared/notice';
import { canAddGoal, carriableGoals, draftOfGoal, goalOfDraft, newGoalId, nextSprintOf } from '../state/goals-state';
import { GoalEditor } from './goal-editor';
import { GoalItem } from './goal-item';
import { useGoals } from './use-goals';

interface Props {
  /** null: the sprint the module's context names (the sprint's own menu), with no carry-over. */
  sprint: Sprint | null;
  sprints: Sprint[];
  viewerAccountId: string;
  /** The section's heading: the retro asks what we hoped to learn, planning what we hope to learn. */
  heading?: string;
}

/** Which goal is open in the editor: a new one, one by id, or none. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'goal'; id: string };

function CarryOver({
  view,
  sprint,
  sprints,
  busy,
  onCarry,
}: {
  view: GoalsView;
  sprint: Sprint | null;
  sprints: Sprint[];
  busy: boolean;
  onCarry: (ids: string[], to: Sprint) => void;
}) {
  const next = sprint ? nextSprintOf(sprints, sprint) : null;
  const unanswered = carriableGoals(view.document.goals);
  if (!view.canEdit || !next || unanswered.length === 0) return null;
  return (
    <div>
      <Button
        isDisabled={busy}
        onClick={() => {
          onCarry(
            unanswered.map((g) => g.id),
            next,
          );
        }}
      >
        Carry over to {next.name} ({unanswered.length} unanswered)
      </Button>
    </div>
  );
}

function GoalsBody({ view, sprint, sprints, viewerAccountId, goals }: Props & { view: GoalsView; goals: ReturnType<typeof useGoals> }) {
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const list = view.document.goals;
  const saveDraft = async (next: typeof list) => {
    if (await goals.save(view, next)) setEditing({ kind: 'none' });
  };
  return (
    <>
      {list.length === 0 && editing.kind !== 'new' ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>No learning goals for this sprint yet: what do you hope to learn?</p>
      ) : null}
      <ol aria-label="Learning goals" style={{ margin: 0, paddingLeft: token('space.250'), display: 'grid', gap: token('space.200') }}>
        {list.map((goal, position) =>
          editing.kind === 'goal' && editing.id === goal.id ? (
            <li key={goal.id}>
              <GoalEditor
                initial={draftOfGoal(goal, viewerAccountId)}
                position={position}
                busy={goals.busy}
                onCancel={() => {
                  setEditing({ kind: 'none' });
                }}
                onSave={(draft) =>
                  void saveDraft(list.map((g) => (g.id === goal.id ? goalOfDraft(draft, goal, viewerAccountId, goal.id) : g)))
                }
              />
            </li>
          ) : (
            <GoalItem
              key={goal.id}
              goal={goal}
              view={view}
              canEdit={view.canEdit}
              busy={goals.busy}
              onEdit={() => {
                setEditing({ kind: 'goal', id: goal.id });
              }}
              onDelete={() => void saveDraft(list.filter((g) => g.id !== goal.id))}
            />
          ),
        )}
      </ol>
      {editing.kind === 'new' ? (
        <GoalEditor
          initial={draftOfGoal(null, viewerAccountId)}
          position={list.length}
          busy={goals.busy}
          onCancel={() => {
            setEditing({ kind: 'none' });
          }}
          onSave={(draft) => void saveDraft([...list, goalOfDraft(draft, null, viewerAccountId, newGoalId())])}
        />
      ) : null}
      {view.canEdit && editing.kind === 'none' && canAddGoal(list) ? (
        <div>
          <Button
            appearance="primary"
            onClick={() => {
              setEditing({ kind: 'new' });
            }}
          >
            Add a learning goal
          </Button>
        </div>
      ) : null}
      {!view.canEdit ? (
        <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtlest') }}>
          People who manage sprints in {view.projectKey} can edit these goals.
        </p>
      ) : null}
      <CarryOver view={view} sprint={sprint} sprints={sprints} busy={goals.busy} onCarry={(ids, to) => void goals.carryOver(ids, to)} />
    </>
  );
}

/** "2 of 5 goals answered · 1 partly": the sprint's answered share at a glance (nothing without goals). */
function AnsweredLine({ document }: { document: SprintGoalsDocument }) {
  const tally = goalsAnswered(document);
  if (tally.goals === 0) return null;
  const partly = tally.partly > 0 ? ` · ${String(tally.partly)} partly` : '';
  return (
    <p data-testid="goals-answered" style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
      {tally.answered} of {tally.goals} {tally.goals === 1 ? 'goal' : 'goals'} answered{partly}
    </p>
  );
}

export function GoalsSection(props: Props) {
  const goals = useGoals(props.sprint?.id ?? null);
  const { load } = goals;
  return (
    <section
      aria-labelledby="ll-goals-title"
      style={{
        display: 'grid',
        gap: token('space.150'),
        padding: token('space.200'),
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.small'),
      }}
    >
      <h2 id="ll-goals-title" style={{ margin: 0, font: token('font.heading.small') }}>
        {props.heading ?? 'What we hoped to learn'}
      </h2>
      {load.kind === 'ready' ? <AnsweredLine document={load.view.document} /> : null}
      {load.kind === 'loading' ? (
        <div role="status">
          <Spinner size="small" label="Loading the sprint's learning goals" />
        </div>
      ) : null}
      {load.kind === 'error' ? (
        <Notice
          appearance="error"
          title="Could not read the learning goals"
          role="alert"
          actions={[{ label: 'Try again', onClick: () => void goals.reload() }]}
        >
          <p style={{ margin: 0 }}>{load.error.message}</p>
        </Notice>
      ) : null}
      {goals.saveError ? (
        <Notice
          appearance="error"
          title="Not saved"
          role="alert"
          actions={[{ label: 'Reload the goals', onClick: () => void goals.reload().then(goals.clearError) }]}
        >
          <p style={{ margin: 0 }}>{goals.saveError.message}</p>
        </Notice>
      ) : null}
      {goals.notice ? (
        <p role="status" style={{ margin: 0 }}>
          {goals.notice}
        </p>
      ) : null}
      {load.kind === 'ready' ? <GoalsBody {...props} view={load.view} goals={goals} /> : null}
    </section>
  );
}

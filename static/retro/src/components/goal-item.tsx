/** One learning goal: its question, owner and answer, and under it the learnings of its linked tickets. */
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { GoalsView } from '../../../../src/contract/sprint-goals';
import type { SprintGoal } from '../../../../src/domain/sprint-goals/goals-document';
import { UserText } from '../../../shared/user-text';
import { ANSWER_LABELS } from '../state/goals-state';

interface Props {
  goal: SprintGoal;
  view: GoalsView;
  canEdit: boolean;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** The goal's tickets with their learnings; a key the person cannot see is named as such. */
export function LinkedTickets({ goal, view }: { goal: SprintGoal; view: GoalsView }) {
  if (goal.issueKeys.length === 0) return null;
  return (
    <ul aria-label="Linked tickets" style={{ margin: 0, paddingLeft: token('space.250'), display: 'grid', gap: token('space.075') }}>
      {goal.issueKeys.map((key) => {
        const issue = view.issues[key];
        if (!issue) {
          return (
            <li key={key} style={{ color: token('color.text.subtlest') }}>
              {key}: not found, or you cannot see it.
            </li>
          );
        }
        return (
          <li key={key} data-issue={key}>
            <strong>{key}</strong> <UserText text={issue.summary} />
            {issue.learnings.length === 0 ? (
              <span style={{ color: token('color.text.subtlest') }}> — no learnings yet.</span>
            ) : (
              <ul aria-label={`Learnings of ${key}`} style={{ margin: 0 }}>
                {issue.learnings.map((l) => (
                  <li key={l.id}>
                    <UserText text={l.text} />
                    {l.surprise ? <em> (surprise)</em> : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function GoalItem({ goal, view, canEdit, busy, onEdit, onDelete }: Props) {
  const owner = goal.ownerAccountId ? (view.names[goal.ownerAccountId] ?? 'Someone') : null;
  return (
    <li data-goal={goal.id} data-answer={goal.answer} style={{ display: 'grid', gap: token('space.100') }}>
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'baseline', flexWrap: 'wrap' }}>
        <strong>
          <UserText text={goal.question} />
        </strong>
        <span style={{ color: token('color.text.subtle') }}>
          {ANSWER_LABELS[goal.answer]}
          {owner ? ` · owner: ${owner}` : ''}
          {goal.carriedFrom ? ' · carried over from the previous sprint' : ''}
          {goal.carriedTo ? ' · carried over to the next sprint' : ''}
        </span>
      </div>
      {goal.answerNote ? (
        <p style={{ margin: 0 }}>
          <UserText text={goal.answerNote} />
        </p>
      ) : null}
      <LinkedTickets goal={goal} view={view} />
      {canEdit ? (
        <div style={{ display: 'flex', gap: token('space.100') }}>
          <Button spacing="compact" onClick={onEdit} isDisabled={busy} aria-label={`Edit or answer: ${goal.question}`}>
            Edit or answer
          </Button>
          <Button spacing="compact" appearance="subtle" onClick={onDelete} isDisabled={busy} aria-label={`Delete: ${goal.question}`}>
            Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** A learning goal in presenter mode: the question in large type, how it was answered, and its tickets' learnings. */
import { token } from '@atlaskit/tokens';
import type { GoalsView } from '../../../../src/contract/sprint-goals';
import type { SprintGoal } from '../../../../src/domain/sprint-goals/goals-document';
import { UserText } from '../../../shared/user-text';
import { ANSWER_LABELS } from '../state/goals-state';
import { LinkedTickets } from './goal-item';

export function PresentedGoal({ goal, view }: { goal: SprintGoal; view: GoalsView }) {
  const owner = goal.ownerAccountId ? (view.names[goal.ownerAccountId] ?? 'Someone') : null;
  return (
    <>
      <p style={{ margin: 0, font: token('font.body.large'), color: token('color.text.subtle') }}>
        What we hoped to learn · {ANSWER_LABELS[goal.answer]}
        {owner ? ` · owner: ${owner}` : ''}
      </p>
      <blockquote
        data-testid="presented-goal"
        style={{
          margin: 0,
          padding: `${token('space.200')} ${token('space.300')}`,
          borderInlineStart: `4px solid ${token('color.border.information')}`,
          background: token('color.background.information'),
          borderRadius: token('radius.medium', '6px'),
          font: token('font.heading.xlarge'),
          color: token('color.text'),
          overflowWrap: 'anywhere',
        }}
      >
        <UserText text={goal.question} />
      </blockquote>
      {goal.answerNote ? (
        <p style={{ margin: 0, font: token('font.body.large'), color: token('color.text'), overflowWrap: 'anywhere' }}>
          <strong>{goal.answer === 'answered' ? 'What we learned: ' : 'What we learned instead: '}</strong>
          <UserText text={goal.answerNote} />
        </p>
      ) : null}
      <LinkedTickets goal={goal} view={view} />
    </>
  );
}

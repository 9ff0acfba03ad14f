/**
 * "Serves a learning goal of FLEX Sprint 23": the sprint goals this ticket is linked to, asked
 * once after the first paint (the record never waits for it). Nothing shows while it loads, when
 * the ticket serves no goal, or when the goals cannot be read: the line is a pointer, not the panel.
 */
import { useEffect, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { ServedGoal } from '../../../../src/contract/panel';
import { GOAL_ANSWER_LABELS } from '../../../../src/domain/sprint-goals/goals-document';
import { afterNextPaint } from '../../../shared/after-paint';
import { call } from '../../../shared/bridge-client';
import { subtleSmall } from '../../../shared/styles';
import { UserText } from '../../../shared/user-text';

/** The goals the ticket serves, once known; [] until then and on failure. Used once the panel has its record. */
export function useServedGoals(): ServedGoal[] {
  const [goals, setGoals] = useState<ServedGoal[]>([]);
  useEffect(() => {
    let live = true;
    const cancel = afterNextPaint(() => {
      void call('goals/forIssue').then((result) => {
        if (live && result.ok) setGoals(result.value.goals);
      });
    });
    return () => {
      live = false;
      cancel();
    };
  }, []);
  return goals;
}

export function ServedGoals({ goals }: { goals: ServedGoal[] }) {
  if (goals.length === 0) return null;
  return (
    <ul aria-label="Sprint learning goals this ticket serves" className="ll-list" style={{ display: 'grid', gap: token('space.050') }}>
      {goals.map((goal) => (
        <li
          key={`${String(goal.sprintId)}:${goal.question}`}
          style={{
            ...subtleSmall,
            padding: `${token('space.050')} ${token('space.100')}`,
            borderInlineStart: `3px solid ${token('color.border.information')}`,
            background: token('color.background.information'),
            borderRadius: token('radius.small'),
          }}
        >
          Serves a learning goal of {goal.sprintName}: “<UserText text={goal.question} />” · {GOAL_ANSWER_LABELS[goal.answer].toLowerCase()}
        </li>
      ))}
    </ul>
  );
}

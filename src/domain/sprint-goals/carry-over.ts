/**
 * Carrying unanswered goals over to the next sprint: each becomes a new open goal there, with
 * `carriedFrom` naming its source; the source stays in its sprint, marked `carriedTo`, so the
 * earlier sprint's history is whole.
 */
import { isUnanswered, type SprintGoal } from './goals-document';

export interface CarryOver {
  /** The source sprint's goals, the carried ones marked. */
  source: SprintGoal[];
  /** The target sprint's goals, the carried ones appended. */
  target: SprintGoal[];
  carried: string[];
}

/** Ids of goals carried twice never collide: the new id names the source sprint. */
export const carriedGoalId = (fromSprintId: number, goalId: string): string => `c${fromSprintId}-${goalId}`.slice(0, 40);

export function carryOver(
  from: { sprintId: number; goals: readonly SprintGoal[] },
  to: { sprintId: number; goals: readonly SprintGoal[] },
  goalIds: readonly string[],
): CarryOver {
  const wanted = new Set(goalIds);
  const existing = new Set(to.goals.map((g) => g.id));
  const carried: string[] = [];
  const added: SprintGoal[] = [];
  const source = from.goals.map((goal) => {
    if (!wanted.has(goal.id) || !isUnanswered(goal)) return goal;
    const id = carriedGoalId(from.sprintId, goal.id);
    if (existing.has(id)) return goal;
    carried.push(goal.id);
    added.push({
      ...goal,
      id,
      answer: 'open',
      answerNote: '',
      carriedFrom: { sprintId: from.sprintId, goalId: goal.id },
      carriedTo: null,
    });
    return { ...goal, carriedTo: { sprintId: to.sprintId, goalId: id } };
  });
  return { source, target: [...to.goals, ...added], carried };
}

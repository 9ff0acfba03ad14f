/**
 * Three-way merge of two people's edits of a sprint's goals, by goal id, so nothing is lost.
 * `base` is what the person loaded; `mine` their edit; `theirs` what is stored now.
 *
 * A goal added by either side is kept; a field changed by one side takes that change; a goal
 * deleted by one side and left alone by the other is gone, but deleted by one and edited by the
 * other is kept (the edit wins); the same field changed by both to different values is a conflict,
 * carrying both values.
 */
import type { GoalLink, SprintGoal } from './goals-document';

export const GOAL_FIELDS = ['question', 'ownerAccountId', 'issueKeys', 'answer', 'answerNote', 'carriedFrom', 'carriedTo'] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

export interface GoalConflict {
  goalId: string;
  field: GoalField;
  mine: SprintGoal[GoalField];
  theirs: SprintGoal[GoalField];
}

export type GoalsMerge =
  | { kind: 'merged'; goals: SprintGoal[] }
  /** `goals` holds their value wherever there is a conflict. */
  | { kind: 'conflict'; goals: SprintGoal[]; conflicts: GoalConflict[] };

const sameLink = (a: GoalLink | null, b: GoalLink | null): boolean =>
  a === b || (a !== null && b !== null && a.sprintId === b.sprintId && a.goalId === b.goalId);

function sameField(field: GoalField, a: SprintGoal, b: SprintGoal): boolean {
  switch (field) {
    case 'issueKeys':
      return a.issueKeys.join(' ') === b.issueKeys.join(' ');
    case 'carriedFrom':
    case 'carriedTo':
      return sameLink(a[field], b[field]);
    default:
      return a[field] === b[field];
  }
}

const sameGoal = (a: SprintGoal, b: SprintGoal): boolean => GOAL_FIELDS.every((field) => sameField(field, a, b));

/** Field by field: her answer and my question edit both survive. */
function mergeGoal(base: SprintGoal | undefined, mine: SprintGoal, theirs: SprintGoal, conflicts: GoalConflict[]): SprintGoal {
  const merged: SprintGoal = { ...theirs };
  for (const field of GOAL_FIELDS) {
    if (sameField(field, mine, theirs)) continue;
    if (base && sameField(field, mine, base)) continue; // only they changed it: theirs stays
    if (base && sameField(field, theirs, base)) {
      Object.assign(merged, { [field]: mine[field] }); // only I changed it
      continue;
    }
    conflicts.push({ goalId: theirs.id, field, mine: mine[field], theirs: theirs[field] });
  }
  return merged;
}

export function mergeGoals(base: readonly SprintGoal[], mine: readonly SprintGoal[], theirs: readonly SprintGoal[]): GoalsMerge {
  const baseById = new Map(base.map((g) => [g.id, g]));
  const mineById = new Map(mine.map((g) => [g.id, g]));
  const theirsIds = new Set(theirs.map((g) => g.id));
  const conflicts: GoalConflict[] = [];
  const goals: SprintGoal[] = [];

  for (const their of theirs) {
    const my = mineById.get(their.id);
    const original = baseById.get(their.id);
    if (my) goals.push(mergeGoal(original, my, their, conflicts));
    // I deleted it: gone, unless they changed it since (their edit wins over my delete).
    else if (!original || !sameGoal(original, their)) goals.push(their);
  }
  for (const my of mine) {
    if (theirsIds.has(my.id)) continue;
    const original = baseById.get(my.id);
    // New on my side: kept. They deleted it: gone, unless I changed it (my edit wins over their delete).
    if (!original || !sameGoal(original, my)) goals.push(my);
  }
  return conflicts.length > 0 ? { kind: 'conflict', goals, conflicts } : { kind: 'merged', goals };
}

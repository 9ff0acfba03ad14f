import { AppError } from '../../contract/errors';
import type { CarriedGoals } from '../../contract/sprint-goals';
import { carryOver } from '../../domain/sprint-goals/carry-over';
import { readGoals, sprintOfProject, type GoalsDeps, type GoalsScope } from './goals-context';
import { nextRevision, requireManageSprints, writeRevision } from './save-goals';

export interface CarryOverInput extends GoalsScope {
  fromSprintId: number;
  toSprintId: number;
  goalIds: string[];
}

/**
 * Copies the unanswered goals to the next sprint, open again with `carriedFrom`; the sources stay,
 * marked carried. The target is written first: if the second write fails, carrying again adds nothing twice.
 */
export async function carryOverGoals(deps: GoalsDeps, input: CarryOverInput): Promise<CarriedGoals> {
  if (input.fromSprintId === input.toSprintId) throw new AppError('INVALID_INPUT', 'Goals carry over to another sprint.');
  const [, to, from, target, canManage] = await Promise.all([
    sprintOfProject(deps, input.project, input.fromSprintId),
    sprintOfProject(deps, input.project, input.toSprintId),
    readGoals(deps, input.fromSprintId),
    readGoals(deps, input.toSprintId),
    deps.goals.canManageSprints(input.project.key),
  ]);
  requireManageSprints(canManage, input.project.key);
  if (to.state === 'closed') throw new AppError('INVALID_INPUT', `${to.name} is closed: goals carry over to an active or future sprint.`);
  const result = carryOver(
    { sprintId: input.fromSprintId, goals: from.goals },
    { sprintId: input.toSprintId, goals: target.goals },
    input.goalIds,
  );
  if (result.carried.length === 0) throw new AppError('INVALID_INPUT', 'None of these goals is still unanswered: nothing to carry over.');
  const nextTarget = nextRevision(deps, target, result.target, input.accountId);
  const nextSource = nextRevision(deps, from, result.source, input.accountId);
  await writeRevision(deps, input.toSprintId, target, nextTarget);
  await writeRevision(deps, input.fromSprintId, from, nextSource);
  return { from: nextSource, to: nextTarget, carried: result.carried };
}

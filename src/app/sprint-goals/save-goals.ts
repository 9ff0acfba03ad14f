import { AppError } from '../../contract/errors';
import type { GoalsView } from '../../contract/sprint-goals';
import {
  GOALS_SCHEMA_VERSION,
  goalsProblem,
  goalsSizeOf,
  SPRINT_GOAL_LIMITS,
  type SprintGoal,
  type SprintGoalsDocument,
} from '../../domain/sprint-goals/goals-document';
import { mergeGoals } from '../../domain/sprint-goals/merge-goals';
import { readGoals, sprintOfProject, stampOf, type GoalsDeps, type GoalsScope } from './goals-context';
import { viewOf } from './open-goals';

export interface SaveGoalsInput extends GoalsScope {
  sprintId: number;
  base: { revision: number; goals: SprintGoal[] };
  goals: SprintGoal[];
}

/** Only people with Manage sprints in the project edit goals; Jira checks it again on the write. */
export function requireManageSprints(canManage: boolean, projectKey: string): void {
  if (!canManage) throw new AppError('FORBIDDEN', `Only people who manage sprints in ${projectKey} can change these goals.`);
}

/** The next revision of a document, checked against the limits before anything is written. */
export function nextRevision(deps: GoalsDeps, current: SprintGoalsDocument, goals: SprintGoal[], accountId: string): SprintGoalsDocument {
  const problem = goalsProblem(goals);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const next: SprintGoalsDocument = {
    schemaVersion: GOALS_SCHEMA_VERSION,
    revision: current.revision + 1,
    updatedAt: stampOf(deps.now()),
    updatedBy: accountId,
    goals,
  };
  const used = goalsSizeOf(next);
  const limit = SPRINT_GOAL_LIMITS.propertyBytes;
  if (used > limit) {
    throw new AppError(
      'LEARNING_TOO_LARGE',
      `These goals take ${used} bytes; Jira keeps at most ${limit} on a sprint. Shorten the answers.`,
      {
        size: { used, limit, remaining: limit - used, level: 'over' },
      },
    );
  }
  return next;
}

/** Writes the next revision, keeping the one it replaces in the history first (so no save loses a value). */
export async function writeRevision(deps: GoalsDeps, sprintId: number, current: SprintGoalsDocument, next: SprintGoalsDocument) {
  if (current.revision === 0) return deps.goals.write(sprintId, next);
  await deps.history.keep(sprintId, current);
  // Pruning only forgets what the limit keeps no more: beside the write, awaited either way, never failing the save.
  const [written] = await Promise.allSettled([deps.goals.write(sprintId, next), deps.history.prune(sprintId)]);
  if (written.status === 'rejected') throw written.reason;
}

/** The history a save answers with: listed before it (KVS queries lag behind writes anyway), with the revision it kept. */
function historyAfter(current: SprintGoalsDocument, listed: SprintGoalsDocument[]): SprintGoalsDocument[] {
  const kept = current.revision > 0 && !listed.some((h) => h.revision === current.revision) ? [current, ...listed] : listed;
  return kept.slice(0, SPRINT_GOAL_LIMITS.historyRevisions);
}

/** Saves a person's edit of the goals, merged with what others saved since they loaded them. */
export async function saveGoals(deps: GoalsDeps, input: SaveGoalsInput): Promise<GoalsView> {
  // A sprint the person cannot see is NOT_FOUND before anything else (the permission answer is only read).
  // The history is listed in the same round, and awaited once the sprint and the permission answered (their errors first).
  const listing = deps.history.list(input.sprintId);
  listing.catch(() => undefined);
  const [, current, canManage] = await Promise.all([
    sprintOfProject(deps, input.project, input.sprintId),
    readGoals(deps, input.sprintId),
    deps.goals.canManageSprints(input.project.key),
  ]);
  requireManageSprints(canManage, input.project.key);
  const listed = await listing;
  if (input.base.revision > current.revision) {
    throw new AppError('INVALID_INPUT', 'These goals were loaded from a revision this sprint never had. Reload the page.');
  }
  let goals = input.goals;
  if (input.base.revision !== current.revision) {
    const merge = mergeGoals(input.base.goals, input.goals, current.goals);
    if (merge.kind === 'conflict') {
      throw new AppError('CONFLICT', 'Someone changed the same goals while you were editing. Choose what to keep; nothing was lost.', {
        goalConflicts: merge.conflicts,
        mergedGoals: merge.goals,
        current,
      });
    }
    goals = merge.goals;
  }
  const next = nextRevision(deps, current, goals, input.accountId);
  // The view's reads (its tickets, the names) need only the new revision: beside the write, which is awaited either way.
  const [written, view] = await Promise.allSettled([
    writeRevision(deps, input.sprintId, current, next),
    viewOf(deps, {
      sprintId: input.sprintId,
      projectKey: input.project.key,
      document: next,
      canEdit: true,
      history: historyAfter(current, listed),
    }),
  ]);
  if (written.status === 'rejected') throw written.reason;
  if (view.status === 'rejected') throw view.reason;
  return view.value;
}

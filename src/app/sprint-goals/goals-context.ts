/** What every goals use case needs first: the sprint, checked to belong to the page's project, and its stored goals. */
import { AppError } from '../../contract/errors';
import type { Sprint } from '../../domain/retro/sprint-choice';
import { emptyGoalsDocument, type SprintGoalsDocument } from '../../domain/sprint-goals/goals-document';
import { readStoredGoals } from '../../domain/sprint-goals/goals-schema';
import type { PeopleDirectoryPort } from '../../ports/people/people-directory.port';
import type { SprintsPort } from '../../ports/retro/sprints.port';
import type { IssueSearchPort } from '../../ports/search/issue-search.port';
import type { GoalsHistoryPort, SprintGoalsPort } from '../../ports/sprint-goals/sprint-goals.port';

export interface GoalsDeps {
  /** Everything in Jira is read and written as the person. */
  sprints: SprintsPort;
  goals: SprintGoalsPort;
  history: GoalsHistoryPort;
  search: IssueSearchPort;
  people: PeopleDirectoryPort;
  now: () => Date;
}

export interface GoalsScope {
  project: { id: string; key: string };
  accountId: string;
}

/** The sprint, when the person can see it and it is on one of the project's boards; else NOT_FOUND (the same for both). */
export async function sprintOfProject(deps: GoalsDeps, project: GoalsScope['project'], sprintId: number): Promise<Sprint> {
  const [sprint, boards] = await Promise.all([deps.sprints.sprint(sprintId), deps.sprints.boardsOf(project.key)]);
  if (sprint.originBoardId === null || !boards.some((b) => b.id === sprint.originBoardId)) {
    throw new AppError('NOT_FOUND', `This sprint is not one of ${project.key}'s sprints, or you do not have permission to see it.`);
  }
  return sprint;
}

/** The goals stored on the sprint; a value this version cannot read is never overwritten. */
export async function readGoals(deps: GoalsDeps, sprintId: number): Promise<SprintGoalsDocument> {
  const stored = readStoredGoals(await deps.goals.read(sprintId));
  switch (stored.kind) {
    case 'absent':
      return emptyGoalsDocument();
    case 'readable':
      return stored.document;
    case 'newer':
      throw new AppError('NEWER_VERSION', 'These goals were saved by a newer version of Learning Loop. Reload the page to get it.');
    case 'unreadable':
      throw new AppError('NEWER_VERSION', 'The goals stored on this sprint could not be read, so they are left as they are.');
  }
}

/** Jira's "does not exist" answers name the keys it refused: those are dropped and the search asked once more. */
export function refusedKeysIn(message: string, keys: readonly string[]): string[] {
  return keys.filter((key) => message.includes(`'${key}'`));
}

/** Date-times as the app stamps them (no fractional seconds). */
export const stampOf = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

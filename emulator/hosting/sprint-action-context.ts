/**
 * A jira:sprintAction module's context: the sprint whose "..." menu was opened in a board's
 * backlog, that board and its project. The Forge docs snapshot lists no extension context for this
 * module; Forge's published typings for it give `project { id, key, type }`, `board { id, type }`,
 * `sprint { id, state: 'active' | 'future' }` (ids as strings) and `location` (the backlog's address).
 */
import type { ProjectRow, SprintRow } from '../store/rows';
import { moduleLocalId } from './module-contexts';

export interface SprintActionPlace {
  project: Pick<ProjectRow, 'id' | 'key'>;
  boardId: number;
  sprint: Pick<SprintRow, 'id' | 'state'>;
}

/** The backlog page of a board, where sprint actions live. */
export const backlogPathOf = (projectKey: string, boardId: number): string =>
  `/jira/software/projects/${encodeURIComponent(projectKey)}/boards/${boardId}/backlog`;

export function sprintActionContext(module: { key: string }, place: SprintActionPlace, siteUrl: string): Record<string, unknown> {
  const { project, boardId, sprint } = place;
  return {
    cloudId: 'local',
    siteUrl,
    localId: moduleLocalId(module.key),
    moduleKey: module.key,
    extension: {
      type: 'jira:sprintAction',
      project: { id: project.id, key: project.key, type: 'software' },
      board: { id: String(boardId), type: 'scrum' },
      sprint: { id: String(sprint.id), state: sprint.state },
      location: `${siteUrl}${backlogPathOf(project.key, boardId)}`,
    },
  };
}

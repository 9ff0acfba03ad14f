import { route } from '@forge/api';
import { AppError } from '../contract/errors';
import { SPRINT_STATES, type Board, type Sprint, type SprintState } from '../domain/sprint-choice';
import type { SprintsPort } from '../ports/sprints.port';
import { requestJira, type Actor } from './jira-client';

/** The Agile API pages boards and sprints by 50. */
const PAGE = 50;
/** A board with more sprints than this is read only this far (oldest first, as Jira lists them): 4 calls at most. */
export const MAX_SPRINT_PAGES = 4;
const MAX_BOARD_PAGES = 2;

interface AgilePage {
  values?: unknown[];
  isLast?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function boardOf(value: unknown): Board | null {
  const b = (value ?? {}) as Record<string, unknown>;
  if (typeof b.id !== 'number' || !Number.isSafeInteger(b.id)) return null;
  return { id: b.id, name: text(b.name) ?? `Board ${b.id}`, type: text(b.type) ?? 'scrum' };
}

function sprintOf(value: unknown): Sprint | null {
  const s = (value ?? {}) as Record<string, unknown>;
  const state = text(s.state)?.toLowerCase();
  if (typeof s.id !== 'number' || !Number.isSafeInteger(s.id) || !SPRINT_STATES.includes(state as SprintState)) return null;
  return {
    id: s.id,
    name: text(s.name) ?? `Sprint ${s.id}`,
    state: state as SprintState,
    startDate: text(s.startDate),
    endDate: text(s.endDate),
    completeDate: text(s.completeDate),
    goal: text(s.goal) ?? '',
  };
}

/** Jira Software's Agile REST API (`/rest/agile/1.0`), as the person or the app. */
export class JiraSprints implements SprintsPort {
  constructor(private readonly actor: Actor = 'user') {}

  async boardsOf(projectKeyOrId: string): Promise<Board[]> {
    const boards: Board[] = [];
    for (let page = 0; page < MAX_BOARD_PAGES; page++) {
      const query = new URLSearchParams({ projectKeyOrId, startAt: String(page * PAGE), maxResults: String(PAGE) });
      const { status, body } = await requestJira(this.actor, route`/rest/agile/1.0/board?${query}`, { accept: [400, 404] });
      // Jira answers 400 for a project the person cannot browse, as for one that does not exist.
      if (status !== 200) throw new AppError('NOT_FOUND', 'This project does not exist, or you do not have permission to see it.');
      const answer = (body ?? {}) as AgilePage;
      boards.push(...(answer.values ?? []).map(boardOf).filter((b): b is Board => b !== null));
      if (answer.isLast !== false) break;
    }
    return boards;
  }

  async sprintsOf(boardId: number): Promise<Sprint[]> {
    const sprints: Sprint[] = [];
    for (let page = 0; page < MAX_SPRINT_PAGES; page++) {
      const query = new URLSearchParams({ state: 'active,closed,future', startAt: String(page * PAGE), maxResults: String(PAGE) });
      const { status, body } = await requestJira(this.actor, route`/rest/agile/1.0/board/${boardId}/sprint?${query}`, { accept: [400, 404] });
      // 400: the board does not support sprints (kanban); 404: gone or not visible.
      if (status === 400) return [];
      if (status === 404) throw new AppError('NOT_FOUND', 'This board does not exist, or you do not have permission to see it.');
      const answer = (body ?? {}) as AgilePage;
      sprints.push(...(answer.values ?? []).map(sprintOf).filter((s): s is Sprint => s !== null));
      if (answer.isLast !== false) break;
    }
    return sprints;
  }

  async sprint(sprintId: number): Promise<Sprint> {
    const { status, body } = await requestJira(this.actor, route`/rest/agile/1.0/sprint/${sprintId}`, { accept: [404] });
    const sprint = status === 200 ? sprintOf(body) : null;
    if (!sprint) throw new AppError('NOT_FOUND', 'This sprint does not exist, or you do not have permission to see it.');
    return sprint;
  }
}

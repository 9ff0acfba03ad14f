import { route } from '@forge/api';
import { AppError } from '../../contract/errors';
import { SPRINT_STATES, type Board, type BoardChoice, type Sprint, type SprintState } from '../../domain/retro/sprint-choice';
import type { BoardSearchPort } from '../../ports/retro/board-search.port';
import type { SprintsPort } from '../../ports/retro/sprints.port';
import { callJira, jiraAs, JSON_HEADERS, type Actor } from '../platform/jira-client';

/** The Agile API pages boards and sprints by 50. */
const PAGE = 50;
/** Where Jira gives no `total`, closed sprints are paged (oldest first) this far at most. */
export const MAX_SPRINT_PAGES = 4;
const MAX_BOARD_PAGES = 2;

interface AgilePage {
  values?: unknown[];
  isLast?: unknown;
  total?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function boardOf(value: unknown): Board | null {
  const b = (value ?? {}) as Record<string, unknown>;
  if (typeof b.id !== 'number' || !Number.isSafeInteger(b.id)) return null;
  return { id: b.id, name: text(b.name) ?? `Board ${b.id}`, type: text(b.type) ?? 'scrum' };
}

function boardChoiceOf(value: unknown): BoardChoice | null {
  const board = boardOf(value);
  const location = ((value ?? {}) as { location?: Record<string, unknown> }).location ?? {};
  return board && { ...board, projectKey: text(location.projectKey), projectName: text(location.projectName) };
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
export class JiraSprints implements SprintsPort, BoardSearchPort {
  constructor(private readonly actor: Actor = 'user') {}

  async findBoards(filter: { name?: string; projectKeyOrId?: string }, max: number): Promise<BoardChoice[]> {
    const query = new URLSearchParams({ type: 'scrum', maxResults: String(Math.min(max, PAGE)) });
    if (filter.name) query.set('name', filter.name);
    if (filter.projectKeyOrId) query.set('projectKeyOrId', filter.projectKeyOrId);
    const { status, body } = await callJira({ subject: 'the boards', accept: [400] }, () =>
      jiraAs(this.actor).requestJira(route`/rest/agile/1.0/board?${query}`, { method: 'GET', headers: JSON_HEADERS }),
    );
    // 400: no project with that key or id the person may browse; for a search, no board.
    if (status !== 200) return [];
    const values = ((body ?? {}) as AgilePage).values ?? [];
    return values.map(boardChoiceOf).filter((b): b is BoardChoice => b !== null);
  }

  async boardsOf(projectKeyOrId: string): Promise<Board[]> {
    const boards: Board[] = [];
    for (let page = 0; page < MAX_BOARD_PAGES; page++) {
      const query = new URLSearchParams({ projectKeyOrId, startAt: String(page * PAGE), maxResults: String(PAGE) });
      const { status, body } = await callJira({ subject: "the project's boards", accept: [400, 404] }, () =>
        jiraAs(this.actor).requestJira(route`/rest/agile/1.0/board?${query}`, { method: 'GET', headers: JSON_HEADERS }),
      );
      // Jira answers 400 for a project the person cannot browse, as for one that does not exist.
      if (status !== 200) throw new AppError('NOT_FOUND', 'This project does not exist, or you do not have permission to see it.');
      const answer = (body ?? {}) as AgilePage;
      boards.push(...(answer.values ?? []).map(boardOf).filter((b): b is Board => b !== null));
      if (answer.isLast !== false) break;
    }
    return boards;
  }

  /**
   * Jira lists sprints oldest first, so a board with hundreds of closed sprints would
   * never reach its active one by paging. One round asks for the active and future
   * sprints and for the first page of closed ones; when there are more closed ones, one more call
   * reads the newest page of them (by `total`).
   */
  async sprintsOf(boardId: number): Promise<Sprint[]> {
    const [open, closed] = await Promise.all([this.sprintPage(boardId, 'active,future', 0), this.sprintPage(boardId, 'closed', 0)]);
    if (open === null) return [];
    const closedSprints = [...(closed?.sprints ?? [])];
    if (closed && !closed.isLast) closedSprints.push(...(await this.newestClosed(boardId, closed.total)));
    return [...closedSprints, ...open.sprints];
  }

  async sprint(sprintId: number): Promise<Sprint & { originBoardId: number | null }> {
    const { status, body } = await callJira({ subject: 'the sprint', accept: [404] }, () =>
      jiraAs(this.actor).requestJira(route`/rest/agile/1.0/sprint/${sprintId}`, { method: 'GET', headers: JSON_HEADERS }),
    );
    const sprint = status === 200 ? sprintOf(body) : null;
    if (!sprint) throw new AppError('NOT_FOUND', 'This sprint does not exist, or you do not have permission to see it.');
    const origin = (body as { originBoardId?: unknown }).originBoardId;
    return { ...sprint, originBoardId: typeof origin === 'number' ? origin : null };
  }

  private async newestClosed(boardId: number, total: number | null): Promise<Sprint[]> {
    if (total !== null) {
      const page = await this.sprintPage(boardId, 'closed', Math.max(PAGE, total - PAGE));
      return page?.sprints ?? [];
    }
    const sprints: Sprint[] = [];
    for (let page = 1; page < MAX_SPRINT_PAGES; page++) {
      const answer = await this.sprintPage(boardId, 'closed', page * PAGE);
      sprints.push(...(answer?.sprints ?? []));
      if (!answer || answer.isLast) break;
    }
    return sprints;
  }

  /** One page of a board's sprints in one state; null when the board has no sprints (kanban). */
  private async sprintPage(
    boardId: number,
    state: 'active,future' | Extract<SprintState, 'closed'>,
    startAt: number,
  ): Promise<{ sprints: Sprint[]; isLast: boolean; total: number | null } | null> {
    const query = new URLSearchParams({ state, startAt: String(startAt), maxResults: String(PAGE) });
    const { status, body } = await callJira({ subject: "the board's sprints", accept: [400, 404] }, () =>
      jiraAs(this.actor).requestJira(route`/rest/agile/1.0/board/${boardId}/sprint?${query}`, { method: 'GET', headers: JSON_HEADERS }),
    );
    // 400: the board does not support sprints (kanban); 404: gone or not visible.
    if (status === 400) return null;
    if (status === 404) throw new AppError('NOT_FOUND', 'This board does not exist, or you do not have permission to see it.');
    const answer = (body ?? {}) as AgilePage;
    return {
      sprints: (answer.values ?? []).map(sprintOf).filter((s): s is Sprint => s !== null),
      isLast: answer.isLast !== false,
      total: typeof answer.total === 'number' && Number.isSafeInteger(answer.total) ? answer.total : null,
    };
  }
}

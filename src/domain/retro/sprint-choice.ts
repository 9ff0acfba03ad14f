/**
 * Boards and sprints of a project, and which sprint the retro view opens on.
 * Pure: no I/O; the lists come from Jira's Agile API through a port.
 */

export const SPRINT_STATES = ['active', 'closed', 'future'] as const;
export type SprintState = (typeof SPRINT_STATES)[number];

export interface Board {
  id: number;
  name: string;
  /** 'scrum', 'kanban' or 'simple'; only boards with sprints can hold a retro. */
  type: string;
}

/** A board offered by the macro config's sprint picker, with the project it belongs to (when Jira says). */
export interface BoardChoice extends Board {
  projectKey: string | null;
  projectName: string | null;
}

export interface Sprint {
  id: number;
  name: string;
  state: SprintState;
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
  goal: string;
}

/** How many closed sprints the picker offers (the chosen one is always offered). */
export const RECENT_CLOSED_SPRINTS = 8;

/** Whether a retro opening names a board or a sprint (a URL, a link, the browser's memory); null and absent name nothing. */
export const namesBoardOrSprint = (ids: { boardId?: number | null; sprintId?: number | null; activeSprintId?: number | null }): boolean =>
  [ids.boardId, ids.sprintId, ids.activeSprintId].some((id) => id !== null && id !== undefined);

export const hasSprints = (board: Board): boolean => board.type === 'scrum';

/** The requested board when it is the project's, else the first board that has sprints. */
export function chooseBoard(boards: readonly Board[], requestedId: number | null | undefined): Board | null {
  if (requestedId !== null && requestedId !== undefined) return boards.find((b) => b.id === requestedId) ?? null;
  return boards.find(hasSprints) ?? null;
}

const time = (iso: string | null): number => {
  const parsed = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
};

/** When a sprint ended: its completion, else its planned end, else its start. */
export const endedAt = (sprint: Sprint): number => time(sprint.completeDate) || time(sprint.endDate) || time(sprint.startDate);

/** Closed sprints, the most recently ended first (ties by id, newest first). */
export function closedNewestFirst(sprints: readonly Sprint[]): Sprint[] {
  return sprints.filter((s) => s.state === 'closed').sort((a, b) => endedAt(b) - endedAt(a) || b.id - a.id);
}

/**
 * The sprint the view shows: the requested one when it is the board's, else
 * the active sprint (the latest started when a board runs parallel sprints),
 * else the most recently closed one; null when the board has neither.
 */
export function chooseSprint(sprints: readonly Sprint[], requestedId: number | null | undefined): Sprint | null {
  if (requestedId !== null && requestedId !== undefined) return sprints.find((s) => s.id === requestedId) ?? null;
  const active = sprints.filter((s) => s.state === 'active').sort((a, b) => time(b.startDate) - time(a.startDate) || b.id - a.id);
  return active[0] ?? closedNewestFirst(sprints)[0] ?? null;
}

/**
 * The sprint to compare with: the closed sprint that started last before this
 * one started (sprints often end the day the next one starts, so start dates
 * order them best); by end when start dates are missing.
 */
export function previousSprintOf(sprints: readonly Sprint[], sprint: Sprint): Sprint | null {
  const started = time(sprint.startDate);
  const closed = closedNewestFirst(sprints).filter((s) => s.id !== sprint.id);
  if (started) {
    const before = closed
      .filter((s) => time(s.startDate) && time(s.startDate) < started)
      .sort((a, b) => time(b.startDate) - time(a.startDate));
    if (before[0]) return before[0];
  }
  if (sprint.state !== 'closed') return started ? (closed.find((s) => !time(s.startDate)) ?? null) : (closed[0] ?? null);
  const ended = endedAt(sprint);
  return closed.find((s) => (!time(s.startDate) || !started ? endedAt(s) < ended : false)) ?? null;
}

/**
 * What the picker offers, in its order: active sprints, the recent closed
 * ones (newest first, the chosen one kept even when older), then future
 * sprints (shown, not choosable: nothing has been learned in them yet).
 */
export function pickerSprints(sprints: readonly Sprint[], chosen: Sprint | null, recent = RECENT_CLOSED_SPRINTS): Sprint[] {
  const active = sprints.filter((s) => s.state === 'active').sort((a, b) => time(b.startDate) - time(a.startDate));
  const closed = closedNewestFirst(sprints);
  const offered = closed.slice(0, recent);
  if (chosen && chosen.state === 'closed' && !offered.some((s) => s.id === chosen.id)) offered.push(chosen);
  const future = sprints.filter((s) => s.state === 'future').sort((a, b) => time(a.startDate) - time(b.startDate) || a.id - b.id);
  return [...active, ...offered, ...future];
}

export const isChoosable = (sprint: Sprint): boolean => sprint.state !== 'future';

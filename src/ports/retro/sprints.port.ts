import type { Board, Sprint } from '../../domain/retro/sprint-choice';

/** Jira Software's boards and sprints, read as the person (the Agile API's own permission checks apply). */
export interface SprintsPort {
  /** The boards of a project; fails with NOT_FOUND when the person cannot browse it. */
  boardsOf(projectKeyOrId: string): Promise<Board[]>;
  /** The active, the future and the most recent closed sprints of a board; empty for a board without sprints. */
  sprintsOf(boardId: number): Promise<Sprint[]>;
  /** One sprint and the board it belongs to; fails with NOT_FOUND when it does not exist or the person cannot see it. */
  sprint(sprintId: number): Promise<Sprint & { originBoardId: number | null }>;
}

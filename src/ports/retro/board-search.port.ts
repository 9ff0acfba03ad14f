import type { BoardChoice } from '../../domain/retro/sprint-choice';

/** Jira Software's boards with sprints across the site, read as the person (only boards they may see). */
export interface BoardSearchPort {
  /**
   * Scrum boards whose name holds `name`, or of the project `projectKeyOrId`, or the first ones of the
   * site when neither is given; at most `max`. A project the person cannot see has no boards: empty, not an error.
   */
  findBoards(filter: { name?: string; projectKeyOrId?: string }, max: number): Promise<BoardChoice[]>;
}

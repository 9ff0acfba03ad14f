import { BOARD_SEARCH_LIMITS } from '../../contract/limits';
import type { BoardList } from '../../contract/macro';
import { PROJECT_KEY_PATTERN } from '../../domain/record/identifiers';
import type { BoardChoice } from '../../domain/retro/sprint-choice';
import type { BoardSearchPort } from '../../ports/retro/board-search.port';

/**
 * The boards the sprint picker offers, as the person: the first boards of the site for no
 * text; else the boards of the project whose key it is (first) and those whose name holds it.
 */
export async function findBoards(deps: { boards: BoardSearchPort }, input: { text: string }): Promise<BoardList> {
  const text = input.text.trim();
  const max = BOARD_SEARCH_LIMITS.shown;
  if (!text) return { boards: await deps.boards.findBoards({}, max) };
  const key = text.toUpperCase();
  const [ofProject, named] = await Promise.all([
    PROJECT_KEY_PATTERN.test(key) ? deps.boards.findBoards({ projectKeyOrId: key }, max) : Promise.resolve([]),
    deps.boards.findBoards({ name: text }, max),
  ]);
  const seen = new Set<number>();
  const boards: BoardChoice[] = [];
  for (const board of [...ofProject, ...named]) {
    if (!seen.has(board.id)) boards.push(board);
    seen.add(board.id);
  }
  return { boards: boards.slice(0, max) };
}

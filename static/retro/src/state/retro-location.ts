/**
 * The board and sprint the retro view's URL keeps (`/board/12/sprint/34`, relative to the app's URL),
 * so a reload or a shared link opens that sprint. Anything else in the path reads as nothing named.
 */
import type { RetroOpenPayload, RetroView } from '../../../../src/contract/retro';

const PATH = /^\/board\/(\d{1,15})(?:\/sprint\/(\d{1,15}))?\/?$/;

const idOf = (digits: string | undefined): number | null => {
  const id = digits === undefined ? NaN : Number(digits);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** What to ask `retro/open` for on this path: its board and sprint, or nothing (the project's first board's sprint). */
export function payloadOfPath(pathname: string): RetroOpenPayload {
  const match = PATH.exec(pathname);
  const boardId = idOf(match?.[1]);
  if (boardId === null) return {};
  const sprintId = idOf(match?.[2]);
  return sprintId === null ? { boardId } : { boardId, sprintId };
}

/** The path that names what this view shows; null when it shows no board. */
export function pathOfView(view: Pick<RetroView, 'board' | 'sprint'>): string | null {
  if (!view.board) return null;
  return view.sprint ? `/board/${view.board.id}/sprint/${view.sprint.id}` : `/board/${view.board.id}`;
}

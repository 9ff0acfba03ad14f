/**
 * The board and sprint the retro view's URL keeps, relative to the app's URL, so a reload or a shared link
 * opens that sprint: `/board/12/sprint/34` names a closed (or future) sprint; `/board/12/active-sprint/34`
 * the sprint that was active when the view was shown, which opens while it stays active, and the board's
 * active sprint once it is not (a retro page bookmarked for the current sprint does not stick to an old one).
 * Anything else in the path reads as nothing named.
 */
import type { RetroOpenPayload, RetroView } from '../../../../src/contract/retro';

const PATH = /^\/board\/(\d{1,15})(?:\/(sprint|active-sprint)\/(\d{1,15}))?\/?$/;

const idOf = (digits: string | undefined): number | null => {
  const id = digits === undefined ? NaN : Number(digits);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** What to ask `retro/open` for on this path: its board and sprint, or nothing (the project's first board's sprint). */
export function payloadOfPath(pathname: string): RetroOpenPayload {
  const match = PATH.exec(pathname);
  const boardId = idOf(match?.[1]);
  if (boardId === null) return {};
  const sprintId = idOf(match?.[3]);
  if (sprintId === null) return { boardId };
  return match?.[2] === 'active-sprint' ? { boardId, activeSprintId: sprintId } : { boardId, sprintId };
}

/** The path that names what this view shows; null when it shows no board. */
export function pathOfView(view: Pick<RetroView, 'board' | 'sprint'>): string | null {
  if (!view.board) return null;
  if (!view.sprint) return `/board/${view.board.id}`;
  const kind = view.sprint.state === 'active' ? 'active-sprint' : 'sprint';
  return `/board/${view.board.id}/${kind}/${view.sprint.id}`;
}

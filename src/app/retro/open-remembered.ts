/**
 * The retro view's first call leaves before the page knows its project (the host's context and history are a
 * round trip away): it carries every project's board and sprint this browser remembers, and the backend, which
 * knows its project from the Forge context, opens its own. A remembered sprint that is gone or hidden from the
 * person opens the project's default sprint in the same opening (`orDefault`), from the lists already read.
 */
import type { RememberedSprint, RetroView } from '../../contract/retro';
import { openRetro, type RetroDeps, type RetroInput } from './open-retro';

export interface RetroOpening extends Omit<RetroInput, 'orDefault'> {
  remembered?: Record<string, RememberedSprint>;
}

const namesSomething = (input: RetroInput): boolean =>
  [input.boardId, input.sprintId, input.activeSprintId].some((id) => id !== null && id !== undefined);

/** What the payload names; with nothing named, the sprint remembered for the context's project, else the default. */
export function openRetroOrRemembered(deps: RetroDeps, { remembered, ...input }: RetroOpening): Promise<RetroView> {
  const mine = namesSomething(input) ? undefined : remembered?.[input.project.key];
  return openRetro(deps, mine ? { ...input, ...mine, orDefault: true } : input);
}

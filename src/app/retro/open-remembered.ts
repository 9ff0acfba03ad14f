/**
 * The retro view's first call leaves before the page knows its project (the host's context and history are a
 * round trip away): it carries every project's board and sprint this browser remembers, and the backend, which
 * knows its project from the Forge context, opens its own. A remembered sprint that is gone or hidden from the
 * person opens the project's default sprint in the same opening (`orDefault`), from the lists already read.
 */
import type { RememberedSprint, RetroView } from '../../contract/retro';
import { namesBoardOrSprint } from '../../domain/retro/sprint-choice';
import { openRetro, type RetroDeps, type RetroInput } from './open-retro';

export interface RetroOpening extends Omit<RetroInput, 'orDefault'> {
  remembered?: Record<string, RememberedSprint>;
}

/** What the payload names; with nothing named, the sprint remembered for the context's project, else the default. */
export function openRetroOrRemembered(deps: RetroDeps, { remembered, ...input }: RetroOpening): Promise<RetroView> {
  const mine = namesBoardOrSprint(input) ? undefined : remembered?.[input.project.key];
  return openRetro(deps, mine ? { ...input, ...mine, orDefault: true } : input);
}

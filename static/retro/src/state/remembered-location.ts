/**
 * The retro view's last board and sprint per Jira project, kept in the browser's localStorage, so that the
 * retro opened again from the project's sidebar (a URL that names nothing) names them in its first `retro/open`.
 * Only the path of ids is kept (`/board/12/sprint/34`), never a name. Forge's docs say nothing of storage in a
 * Custom UI frame (a browser may block or partition it in a third-party frame): every access is guarded, and
 * where there is none nothing is remembered and the view opens as it would without this.
 */
import type { RememberedSprint, RetroOpenPayload } from '../../../../src/contract/retro';
import { PROJECT_KEY_PATTERN } from '../../../../src/domain/record/identifiers';
import { RETRO_LIMITS } from '../../../../src/domain/retro/retro-query';
import { namesBoardOrSprint } from '../../../../src/domain/retro/sprint-choice';
import { payloadOfPath } from './retro-location';

/** What is used of the Web Storage API (a test passes its own). */
export interface PathStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const KEY_PREFIX = 'learning-loop.retro.';

const storageKeyOf = (projectKey: string): string => `${KEY_PREFIX}${projectKey}`;

/** Whether a payload names a board (else `retro/open` opens the project's first board's sprint). */
/** The page's localStorage, or null where the frame has none or reading it throws (blocked storage). */
export function browserStorage(): PathStorage | null {
  try {
    const scope = globalThis as { localStorage?: PathStorage | null };
    return typeof scope.localStorage === 'object' ? scope.localStorage : null;
  } catch {
    return null;
  }
}

/** The Jira project of a project page's context (`extension.project.key`), or null when it holds none. */
export function projectKeyOf(context: unknown): string | null {
  const extension = (context as { extension?: { project?: { key?: unknown } } } | null | undefined)?.extension;
  const key = extension?.project?.key;
  return typeof key === 'string' && PROJECT_KEY_PATTERN.test(key) ? key : null;
}

/** Keeps the path shown for this project; a path that names nothing is not kept. */
export function rememberPath(projectKey: string, path: string, storage = browserStorage()): void {
  if (!storage || !namesBoardOrSprint(payloadOfPath(path))) return;
  try {
    if (storage.getItem(storageKeyOf(projectKey)) !== path) storage.setItem(storageKeyOf(projectKey), path);
  } catch {
    // Full or blocked: the next opening from the sidebar names nothing, as before.
  }
}

/** The payload of the path kept for this project; `{}` when none, unreadable or not a path the view writes. */
export function rememberedPayload(projectKey: string, storage = browserStorage()): RetroOpenPayload {
  if (!storage) return {};
  try {
    const path = storage.getItem(storageKeyOf(projectKey));
    return typeof path === 'string' ? payloadOfPath(path) : {};
  } catch {
    return {};
  }
}

/** Drops the path kept for this project (its sprint is gone or hidden from this person). */
export function forgetPath(projectKey: string, storage = browserStorage()): void {
  try {
    storage?.removeItem(storageKeyOf(projectKey));
  } catch {
    // Nothing to do: the failed path is asked for once more next time and falls back again.
  }
}

/**
 * Every project's remembered board and sprint, for the page's first `retro/open`, sent before the page knows its
 * own project: at most `RETRO_LIMITS.rememberedProjects` (the backend refuses more), in the storage's order.
 */
export function rememberedSprints(storage = browserStorage()): Record<string, RememberedSprint> {
  const sprints: Record<string, RememberedSprint> = {};
  if (!storage) return sprints;
  try {
    for (let i = 0; i < storage.length && Object.keys(sprints).length < RETRO_LIMITS.rememberedProjects; i++) {
      const key = storage.key(i);
      const project = key?.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : '';
      if (!PROJECT_KEY_PATTERN.test(project)) continue;
      const { boardId, ...sprint } = rememberedPayload(project, storage);
      if (typeof boardId === 'number') sprints[project] = { boardId, ...sprint };
    }
  } catch {
    // Blocked storage: nothing is sent, and the page asks for what it names once it knows its project.
  }
  return sprints;
}

const sameIds = (a: RetroOpenPayload, b: RetroOpenPayload): boolean =>
  (a.boardId ?? null) === (b.boardId ?? null) &&
  (a.sprintId ?? null) === (b.sprintId ?? null) &&
  (a.activeSprintId ?? null) === (b.activeSprintId ?? null);

export interface FirstOpeningCheck {
  /** What the page asks for: the URL's board and sprint when it names them, else those remembered for its project. */
  payload: RetroOpenPayload;
  /** Whether the call sent at load (with `sent`) opened just that, so its answer is the one to show. */
  sentServes: boolean;
}

/**
 * Checks the call sent at load against what the page asks for once the host's history and context answered.
 * An unknown project (no context in time) keeps that call's answer unless the URL names a sprint.
 */
export function checkFirstOpening(
  urlPayload: RetroOpenPayload,
  projectKey: string | null,
  sent: Record<string, RememberedSprint>,
  storage = browserStorage(),
): FirstOpeningCheck {
  const urlNames = namesBoardOrSprint(urlPayload);
  const payload = urlNames || !projectKey ? urlPayload : rememberedPayload(projectKey, storage);
  if (!projectKey) return { payload, sentServes: !urlNames };
  return { payload, sentServes: sameIds(sent[projectKey] ?? {}, payload) };
}

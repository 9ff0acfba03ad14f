/**
 * The one file in static/ that imports @forge/bridge. Everything the Custom UI
 * resources need from the host goes through here, typed by the shared contract.
 */
import { makeInvoke, router, view } from '@forge/bridge';
import type { AppErrorBody } from '../../src/contract/errors';
import type { LearningLoopDefs } from '../../src/contract/resolvers';

/** Typed resolver call: a renamed resolver or a changed payload fails to compile. */
export const invoke = makeInvoke<LearningLoopDefs>();

/** The module's extension context (issue, project, macro config, locale…). */
export const getContext = (): ReturnType<typeof view.getContext> => view.getContext();

/**
 * Asks the host to inject the design-token CSS and set `data-color-mode`
 * (light/dark). Call before the first render. Never throws: an app without
 * theming still works on the token fallbacks.
 */
export async function enableTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // The host refused or does not support theming: carry on with defaults.
  }
}

/**
 * Opens a path of the product (e.g. `/issues/?jql=…`, `/browse/FLEX-112`) in a
 * new tab through the host's router. Never throws: answers false when the host refused.
 */
export async function openInProduct(path: string): Promise<boolean> {
  try {
    await router.open(path);
    return true;
  } catch {
    return false;
  }
}

type Defs = LearningLoopDefs;
type Key = Extract<keyof Defs, string>;
type Args<K extends Key> = Parameters<Defs[K]> extends [] ? [] : [Parameters<Defs[K]>[0]];

/**
 * Calls a resolver and always answers with the contract's envelope: a call
 * that throws (the bridge refused, the network dropped, the invocation timed
 * out) becomes an error the panel can show like any other.
 */
export async function call<K extends Key>(key: K, ...args: Args<K>): Promise<ReturnType<Defs[K]> | Unreachable> {
  try {
    const result = await invoke(key, ...args);
    if (isEnvelope(result)) return result;
    return unreachable('The app answered in a form this page does not understand. Reload the page.');
  } catch {
    return unreachable('Could not reach Learning Loop. Check your connection and try again.');
  }
}

/** The answer comes off the wire: check its shape at runtime whatever the contract's type says. */
function isEnvelope(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

export type Unreachable = { ok: false; error: AppErrorBody };

function unreachable(message: string): Unreachable {
  return { ok: false, error: { code: 'APP_UNREACHABLE', message } };
}

/**
 * The first screen's call, started when the module loads (before the theme and
 * the React mount), then taken once by the component that shows its answer.
 * Keyed by resolver key and payload: a component asking for something else, or
 * asking again once it is answered (retry, refresh), makes a call of its own.
 */
const startedAtLoad = new Map<string, Promise<unknown>>();

const startedKey = (key: string, args: readonly unknown[]): string => `${key} ${JSON.stringify(args)}`;

/** Starts `work` now under `id` (a view's own first call); `takeAtLoad` with the same id takes its answer. */
export function startAtLoad(id: string, work: Promise<unknown>): void {
  work.catch(() => undefined); // reported to whoever takes it, not as an unhandled rejection
  startedAtLoad.set(id, work);
}

/**
 * What was started at load under `id`, kept until a taker has it and it has settled (React's StrictMode runs a
 * first effect twice); taken after that, or never started, `begin` runs anew (a retry, a refresh).
 */
export function takeAtLoad<T>(id: string, begin: () => Promise<T>): Promise<T> {
  const started = startedAtLoad.get(id) as Promise<T> | undefined;
  if (!started) return begin();
  started
    .finally(() => {
      if (startedAtLoad.get(id) === started) startedAtLoad.delete(id);
    })
    .catch(() => undefined);
  return started;
}

/** Starts a resolver call now; `firstCall` with the same key and payload takes its answer. */
export function callAtStart<K extends Key>(key: K, ...args: Args<K>): void {
  startedAtLoad.set(startedKey(key, args), call(key, ...args));
}

/** The answer of the call started at load with this key and payload, until answered; otherwise a new call. */
export function firstCall<K extends Key>(key: K, ...args: Args<K>): Promise<ReturnType<Defs[K]> | Unreachable> {
  return takeAtLoad(startedKey(key, args), () => call(key, ...args));
}

/** Starts reading the extension context now; `firstContext` takes it. */
export function contextAtStart(): void {
  const reading = getContext();
  // Marked handled: a failure is reported to whoever takes it, not as an unhandled rejection.
  reading.catch(() => undefined);
  startedAtLoad.set('context', reading);
}

/** The context read at load, until it is answered; otherwise a new read. */
export const firstContext = (): ReturnType<typeof getContext> => takeAtLoad('context', getContext);

/** A macro's config view: stores the config in the page and closes the view. */
export async function submitConfig(config: unknown): Promise<{ ok: true } | Unreachable> {
  try {
    await view.submit({ config });
    return { ok: true };
  } catch {
    return unreachable('Confluence did not take the settings. Try again, or reload the page.');
  }
}

/** A macro's config view: closes it without saving. */
export async function closeView(): Promise<void> {
  try {
    await view.close();
  } catch {
    // Nothing to close outside a config view.
  }
}

/**
 * What the app uses of the host's history (`view.createHistory`, full-page modules such as a project page):
 * paths are relative to the app's URL, so a reload or a shared link brings them back.
 */
export interface AppHistory {
  location: { pathname: string };
  replace(path: string): void;
}

/** The host's history of the page's URL, or null where the module has none or the host refused. */
export async function pageHistory(): Promise<AppHistory | null> {
  try {
    const history = (await view.createHistory()) as AppHistory | null;
    return history && typeof history.location.pathname === 'string' && typeof history.replace === 'function' ? history : null;
  } catch {
    return null;
  }
}

/** `work`'s answer, or null if it has none within `waitMs` (`work` itself goes on). */
export async function within<T>(work: Promise<T>, waitMs: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      resolve(null);
    }, waitMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

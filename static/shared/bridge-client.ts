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

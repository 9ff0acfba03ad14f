/**
 * How every resource starts. The page's first module is small (the bridge and this file): it sends the
 * first screen's bridge call and asks for the host's theme before the app's code (React, Atlaskit, the
 * views) is even evaluated, so the call's round trip runs beside that work instead of after it. The app's
 * chunk is fetched at once too (index.html preloads it: scripts/ui-build.ts), and mounts once the theme
 * is applied: a dark page never shows a light frame (tokens' fallbacks) before it.
 */
import { enableTheme } from './bridge-client';

/** What a resource's root module (`./root.tsx`) exports. */
export interface AppRoot {
  /** Installs the page styles and renders the app into #root. */
  mount: () => void;
}

export interface StartOptions {
  /** Starts the first screen's call (`callAtStart`, `contextAtStart`) before anything else. */
  atStart?: () => void;
  /** The resource's root module: `() => import('./root')`. */
  load: () => Promise<AppRoot>;
}

export const LOAD_FAILED_MESSAGE = 'Learning Loop could not load this view. Check your connection, then reload the page.';

/** No React or tokens here: the chunk that has them is what failed to arrive. */
function showLoadFailure(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = LOAD_FAILED_MESSAGE;
  root.replaceChildren(message);
}

export function startApp({ atStart, load }: StartOptions): void {
  atStart?.();
  // enableTheme never rejects: a host without theming mounts with the defaults.
  const themed = enableTheme();
  void Promise.all([load(), themed]).then(
    ([root]) => {
      root.mount();
    },
    () => {
      showLoadFailure();
    },
  );
}

/**
 * How every resource starts: the first screen's bridge call leaves first, then
 * the host's theme is asked for, and the app mounts once the theme is applied:
 * the call's round trip is the longest wait and runs beside the theme's, and a
 * dark page never shows a light frame (tokens' fallbacks) before it.
 */
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from './bridge-client';
import { installPageStyles } from './page-styles';

export interface StartOptions {
  /** CSS rules this resource adds to the shared page styles. */
  pageCss?: string;
  /** Starts the first screen's call (`callAtStart`, `contextAtStart`) before anything else. */
  atStart?: () => void;
}

export function startApp(app: ReactElement, { pageCss, atStart }: StartOptions = {}): void {
  atStart?.();
  const themed = enableTheme();
  installPageStyles(pageCss);
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  // enableTheme never rejects: a host without theming mounts with the defaults.
  void themed.then(() => {
    createRoot(root).render(<StrictMode>{app}</StrictMode>);
  });
}

/**
 * How every resource starts: the host's theme first, then the page styles
 * (the shared rules and the resource's own), then the app under StrictMode.
 */
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from './bridge-client';
import { installPageStyles } from './page-styles';

export interface StartOptions {
  /** CSS rules this resource adds to the shared page styles. */
  pageCss?: string;
}

async function start(app: ReactElement, { pageCss }: StartOptions): Promise<void> {
  await enableTheme();
  installPageStyles(pageCss);
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}

export function startApp(app: ReactElement, options: StartOptions = {}): void {
  void start(app, options);
}

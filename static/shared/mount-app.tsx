/** The second half of a resource's start (start-app.ts): its page styles, then the app rendered into #root. */
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { installPageStyles } from './page-styles';

export function mountApp(app: ReactElement, pageCss?: string): void {
  installPageStyles(pageCss);
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}

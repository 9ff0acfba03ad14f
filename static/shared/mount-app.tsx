/** The second half of a resource's start (start-app.ts): its page styles, then the app rendered into #root. */
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { prepareDateFormats } from './format';
import { installPageStyles } from './page-styles';

export function mountApp(app: ReactElement, pageCss?: string): void {
  installPageStyles(pageCss);
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
  // After the first commit (React's scheduler runs before a timer), usually while the first call's answer is awaited.
  setTimeout(prepareDateFormats, 0);
}

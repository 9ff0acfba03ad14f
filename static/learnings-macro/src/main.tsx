import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from '../../shared/bridge-client';
import { installPageStyles } from '../../shared/learnings/page-styles';
import { App } from './app';

async function start(): Promise<void> {
  await enableTheme();
  installPageStyles();
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { token } from '@atlaskit/tokens';
import { enableTheme } from '../../shared/bridge-client';
import { PeopleNamesProvider } from '../../shared/people-names';
import { App } from './components/app';

/** Page-level styles, every colour a design token so light and dark both work. */
function installPageStyles(): void {
  const style = document.createElement('style');
  style.textContent = `
    html, body { margin: 0; padding: 0; }
    body {
      background: ${token('elevation.surface')};
      color: ${token('color.text')};
      font: ${token('font.body')};
    }
    a { color: ${token('color.link')}; }
    a:visited { color: ${token('color.link.visited')}; }
    a:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: 2px; }
    ul.ll-list, ol.ll-list { margin: 0; padding: 0; list-style: none; }
    .ll-icon-button {
      display: inline-flex; align-items: center; justify-content: center;
      inline-size: 24px; block-size: 24px; padding: 0; flex: none;
      border: none; border-radius: ${token('radius.small')};
      background: transparent; color: ${token('color.icon.subtle')}; cursor: pointer;
    }
    .ll-icon-button:hover { background: ${token('color.background.neutral.subtle.hovered')}; color: ${token('color.icon')}; }
    .ll-icon-button:active { background: ${token('color.background.neutral.subtle.pressed')}; }
    .ll-text-action {
      padding: 0; border: none; background: none; cursor: pointer;
      font: ${token('font.body')}; color: ${token('color.link')};
    }
    .ll-text-action:hover { text-decoration: underline; }
    .ll-text-action:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: ${token('radius.small')}; }
    .ll-icon-button:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; }
  `;
  document.head.appendChild(style);
}

async function start(): Promise<void> {
  await enableTheme();
  installPageStyles();
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <PeopleNamesProvider>
        <App />
      </PeopleNamesProvider>
    </StrictMode>,
  );
}

void start();

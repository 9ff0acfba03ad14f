import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { token } from '@atlaskit/tokens';
import { enableTheme } from '../../shared/bridge-client';
import { App } from './components/app';

/** Page-level styles, every colour a design token so light and dark both work. */
function installPageStyles(): void {
  const style = document.createElement('style');
  style.textContent = `
    html, body { margin: 0; padding: 0; }
    body { background: ${token('elevation.surface')}; color: ${token('color.text')}; font: ${token('font.body')}; }
    a { color: ${token('color.link')}; }
    ul.ll-list { margin: 0; padding: 0; list-style: none; }
    .ll-text-action { padding: 0; border: none; background: none; cursor: pointer; font: ${token('font.body')}; color: ${token('color.link')}; text-align: start; }
    .ll-text-action:hover { text-decoration: underline; }
    .ll-text-action:focus-visible, .ll-select:focus-visible, .ll-jql:focus-visible, .ll-presenter:focus-visible {
      outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: ${token('radius.small')};
    }
    .ll-select, .ll-jql {
      font: ${token('font.body')}; color: ${token('color.text')}; background: ${token('color.background.input')};
      border: ${token('border.width')} solid ${token('color.border.input')}; border-radius: ${token('radius.small')};
      padding: ${token('space.050')} ${token('space.100')}; min-block-size: 32px; box-sizing: border-box;
    }
    .ll-select:hover, .ll-jql:hover { background: ${token('color.background.input.hovered')}; }
    .ll-jql { font-family: ${token('font.family.code')}; inline-size: 100%; }
    .ll-select option:disabled { color: ${token('color.text.disabled')}; }
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
      <App />
    </StrictMode>,
  );
}

void start();

import { token } from '@atlaskit/tokens';
import { mountApp } from '../../shared/mount-app';
import { App } from './app';

/** The retro view's own page rules: text actions aligned to the start, the sprint picker, the JQL field, the figures' grid. */
const retroPageCss = `
    .ll-text-action { text-align: start; }
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
    .ll-figures { grid-template-columns: repeat(4, minmax(0, 1fr)); }
    @media (max-width: 720px) { .ll-figures { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
    @media (max-width: 360px) { .ll-figures { grid-template-columns: minmax(0, 1fr); } }
    .ll-presenter:fullscreen { min-block-size: 100vh; box-sizing: border-box; }
`;

export function mount(): void {
  mountApp(<App />, retroPageCss);
}

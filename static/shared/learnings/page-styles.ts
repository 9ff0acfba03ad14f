/** Page rules the "Learnings from Jira" views (the macro and its config) add to the shared page styles. */
import { token } from '@atlaskit/tokens';
import { learningListCss } from './list-styles';

export const learningsPageCss = `
    a:visited { color: ${token('color.link.visited')}; }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible {
      outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: ${token('radius.small')};
    }
    .ll-select {
      font: ${token('font.body')}; color: ${token('color.text')};
      background: ${token('color.background.input')};
      border: ${token('border.width')} solid ${token('color.border.input')};
      border-radius: ${token('radius.small')}; padding: ${token('space.050')} ${token('space.075')};
      min-block-size: 32px;
    }
    .ll-select:hover { background: ${token('color.background.input.hovered')}; }
    input[type="checkbox"], input[type="radio"] { accent-color: ${token('color.background.selected.bold')}; inline-size: 16px; block-size: 16px; margin: 0; }
    @media (prefers-reduced-motion: no-preference) { .ll-fade { animation: ll-fade 120ms ease-out; } }
    @keyframes ll-fade { from { opacity: 0.4; } to { opacity: 1; } }
${learningListCss}`;

/** Page-level styles for the learnings resources: every colour and space a design token, light and dark alike. */
import { token } from '@atlaskit/tokens';

export function installPageStyles(): void {
  const style = document.createElement('style');
  // No height: 100% on html/body: the host sizes the iframe to the document's height.
  style.textContent = `
    html, body { margin: 0; padding: 0; }
    body {
      background: ${token('elevation.surface')};
      color: ${token('color.text')};
      font: ${token('font.body')};
    }
    a { color: ${token('color.link')}; }
    a:visited { color: ${token('color.link.visited')}; }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible {
      outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: ${token('radius.small')};
    }
    ul.ll-list, ol.ll-list { margin: 0; padding: 0; list-style: none; }
    .ll-text-action {
      padding: 0; border: none; background: none; cursor: pointer;
      font: ${token('font.body')}; color: ${token('color.link')};
    }
    .ll-text-action:hover { text-decoration: underline; }
    .ll-table { border-collapse: collapse; inline-size: 100%; font: ${token('font.body.small')}; }
    .ll-table th, .ll-table td {
      text-align: start; vertical-align: top; padding: ${token('space.075')} ${token('space.100')};
      border-block-end: ${token('border.width')} solid ${token('color.border')};
    }
    .ll-table th { font: ${token('font.heading.xxsmall')}; color: ${token('color.text.subtle')}; }
    .ll-table tbody tr:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
    .ll-row:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
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
  `;
  document.head.appendChild(style);
}

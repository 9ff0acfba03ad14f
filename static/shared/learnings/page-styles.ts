/** Page rules the "Learnings from Jira" views (the macro and its config) add to the shared page styles. */
import { token } from '@atlaskit/tokens';

export const learningsPageCss = `
    a:visited { color: ${token('color.link.visited')}; }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible {
      outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: ${token('radius.small')};
    }
    .ll-table { border-collapse: collapse; inline-size: 100%; font: ${token('font.body.small')}; }
    .ll-table th, .ll-table td {
      text-align: start; vertical-align: top; padding: ${token('space.075')} ${token('space.100')};
      border-block-end: ${token('border.width')} solid ${token('color.border')};
    }
    .ll-table td { overflow-wrap: anywhere; }
    .ll-table-wrap { container-type: inline-size; }
    .ll-table-issue { min-inline-size: 7em; }
    .ll-table-entries { min-inline-size: 10em; }
    .ll-table-by { min-inline-size: 8em; overflow-wrap: normal; }
    .ll-table-folded { display: none; margin-block-start: ${token('space.050')}; }
    @container (max-width: 720px) {
      .ll-table .ll-table-wide { display: none; }
      .ll-table .ll-table-folded { display: block; }
      .ll-table { table-layout: fixed; }
      .ll-table th { overflow-wrap: anywhere; }
    }
    .ll-table th { font: ${token('font.heading.xxsmall')}; color: ${token('color.text.subtle')}; }
    .ll-table tbody tr:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
    /* Cards and rows out of view skip layout and paint (2,000 loaded stay cheap); find-in-page and assistive tech still see them. */
    .ll-card-box { content-visibility: auto; contain-intrinsic-size: auto 320px auto 240px; }
    .ll-row { content-visibility: auto; contain-intrinsic-size: auto 600px auto 72px; }
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

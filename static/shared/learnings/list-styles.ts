/**
 * The rules of the "Learnings from Jira" layouts (learning-list, learning-card,
 * compact-row, learning-table): static classes in the page's one stylesheet,
 * so a page of cards sets no style property one by one and inserts no rule.
 */
import { token } from '@atlaskit/tokens';

/** Estimated block-size of a block never drawn yet (BLOCK_ROWS rows); once drawn, its own size is remembered. */
const blockEstimate = { cards: '5000px', compact: '4400px', table: '6000px' };

const blocks = `
    /* Blocks of rows out of view skip style, layout and paint (2,000 loaded stay cheap); find-in-page and assistive tech still see them. */
    .ll-blocks { display: grid; }
    .ll-block { content-visibility: auto; }
    .ll-card-blocks { gap: ${token('space.150')}; }
    .ll-card-grid {
      /* Columns of at least 320px, at most six: a block's 60 cards then always fill its last row (no holes between blocks on wide screens). */
      display: grid; gap: ${token('space.150')};
      grid-template-columns: repeat(auto-fill, minmax(max(min(100%, 320px), calc((100% - 5 * ${token('space.150')}) / 6)), 1fr));
      contain-intrinsic-size: auto none auto ${blockEstimate.cards};
      /* A block clips what it contains: room for the cards' shadows. */
      padding: 4px; margin: -4px;
    }
    .ll-compact-block { contain-intrinsic-size: auto none auto ${blockEstimate.compact}; }
    .ll-table-block { contain-intrinsic-size: auto none auto ${blockEstimate.table}; }
    .ll-groups { display: grid; gap: ${token('space.300')}; }
    .ll-group { display: grid; gap: ${token('space.100')}; }
    .ll-group-heading { margin: 0; font: ${token('font.heading.small')}; display: flex; gap: ${token('space.100')}; align-items: baseline; }
    .ll-group-label { overflow-wrap: anywhere; }
    .ll-group-count { font: ${token('font.body')}; color: ${token('color.text.subtlest')}; }
`;

const parts = `
    .ll-label { font: ${token('font.heading.xxsmall')}; color: ${token('color.text.subtle')}; margin: 0; }
    .ll-body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
    .ll-small { font: ${token('font.body.small')}; color: ${token('color.text.subtlest')}; margin: 0; }
    .ll-stack-025 { display: grid; gap: ${token('space.025')}; }
    .ll-stack-050 { display: grid; gap: ${token('space.050')}; }
    .ll-issue-link { font-weight: ${token('font.weight.semibold')}; }
    .ll-entries { display: grid; gap: ${token('space.075')}; }
    .ll-entry {
      padding-inline-start: ${token('space.100')};
      border-inline-start: ${token('border.width.selected')} solid ${token('color.border')};
    }
    .ll-entry-surprise { border-inline-start-color: ${token('color.border.discovery')}; }
    .ll-entry-mark { margin-inline-start: ${token('space.075')}; white-space: nowrap; }
    .ll-tags { display: flex; gap: ${token('space.050')}; flex-wrap: wrap; align-items: center; }
    .ll-tag {
      display: inline-block; padding-inline: ${token('space.075')}; border-radius: ${token('radius.small')};
      background: ${token('color.background.neutral')}; color: ${token('color.text.subtle')};
      font: ${token('font.body.small')}; line-height: 20px;
    }
`;

const cards = `
    .ll-card-box {
      border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.medium')};
      padding: ${token('space.150')}; background: ${token('elevation.surface.raised')}; box-shadow: ${token('elevation.shadow.raised')};
      display: grid; gap: ${token('space.100')}; align-content: start; min-inline-size: 0;
    }
    .ll-card-head { display: flex; gap: ${token('space.100')}; align-items: start; justify-content: space-between; }
    .ll-card-title { margin: 0; font: ${token('font.heading.xsmall')}; overflow-wrap: anywhere; }
    .ll-card-summary { font-weight: ${token('font.weight.medium')}; }
    .ll-card-outcome { flex: none; }
    .ll-row {
      display: grid; gap: ${token('space.025')}; padding: ${token('space.075')} ${token('space.050')};
      border-block-end: ${token('border.width')} solid ${token('color.border')};
    }
    .ll-row:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
    .ll-row-head { display: flex; gap: ${token('space.100')}; align-items: center; flex-wrap: wrap; }
    .ll-row-summary { flex: 1 1 200px; overflow-wrap: anywhere; }
    .ll-small.ll-row-text { color: ${token('color.text.subtle')}; overflow-wrap: anywhere; }
`;

/** Every row a grid on the table's column template (learning-table's columnTracks), wide or narrow. */
const table = `
    .ll-table-wrap { container-type: inline-size; }
    .ll-table { font: ${token('font.body.small')}; }
    .ll-table-row {
      display: grid; grid-template-columns: var(--ll-table-columns);
      border-block-end: ${token('border.width')} solid ${token('color.border')};
    }
    .ll-table-row > [role="cell"], .ll-table-row > [role="columnheader"] {
      padding: ${token('space.075')} ${token('space.100')}; min-inline-size: 0; overflow-wrap: anywhere;
    }
    .ll-table-head > [role="columnheader"] { font: ${token('font.heading.xxsmall')}; color: ${token('color.text.subtle')}; }
    .ll-table-block .ll-table-row:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
    .ll-table .ll-table-by { overflow-wrap: normal; }
    .ll-table-outcome, .ll-table-nowrap { white-space: nowrap; }
    .ll-table-folded { display: none; margin-block-start: ${token('space.050')}; }
    @container (max-width: 720px) {
      .ll-table-row { grid-template-columns: var(--ll-table-columns-narrow); }
      .ll-table .ll-table-wide { display: none; }
      .ll-table .ll-table-folded { display: block; }
    }
`;

export const learningListCss = blocks + parts + cards + table;

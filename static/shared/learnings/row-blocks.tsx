/**
 * Rows drawn in fixed blocks of BLOCK_ROWS. Each block is a memoised component
 * and a contained box (`contain` + `content-visibility: auto`, learningsPageCss):
 * appending a page re-renders and lays out only the blocks that changed (the
 * last one and the new ones), and blocks out of view skip style, layout and
 * paint. One observed box per block, not per row: the browser checks each
 * `content-visibility: auto` box's visibility on every frame.
 */
import { memo, type ComponentType } from 'react';
import type { LearningCard } from '../../../src/domain/search/learning-cards';
import { rowProps, type Common, type RowProps } from './learning-parts';

/** Rows per block: a multiple of 1–6 (the card grid's most columns, list-styles.ts) and 10, so its rows never break across blocks. */
export const BLOCK_ROWS = 60;

/** Consecutive blocks of at most `size` items, in order. */
export function blocksOf<T>(items: readonly T[], size = BLOCK_ROWS): T[][] {
  const blocks: T[][] = [];
  for (let start = 0; start < items.length; start += size) blocks.push(items.slice(start, start + size));
  return blocks;
}

interface BlockProps extends Common {
  cards: readonly LearningCard[];
  Row: ComponentType<RowProps>;
  /** The block's class (its layout's box) and, for the table, its ARIA role. */
  className: string;
  role?: 'rowgroup';
}

const accountsOf = (card: LearningCard): string[] => [card.record.updatedBy, ...card.record.learnings.map((e) => e.authorAccountId)];

/**
 * Equal when the block would draw the same: the same cards in the same order,
 * and, when authors are shown, the same names for this block's people (names
 * arriving for another page's authors leave it alone).
 */
export function sameBlock(before: BlockProps, after: BlockProps): boolean {
  if (
    before.Row !== after.Row ||
    before.className !== after.className ||
    before.show !== after.show ||
    before.siteUrl !== after.siteUrl ||
    before.now !== after.now ||
    before.cards.length !== after.cards.length ||
    before.cards.some((card, i) => card !== after.cards[i])
  ) {
    return false;
  }
  if (before.names === after.names || !after.show.author) return true;
  return after.cards.every((card) => accountsOf(card).every((id) => before.names.get(id) === after.names.get(id)));
}

export const RowBlock = memo(function RowBlock({ cards, Row, className, role, ...common }: BlockProps) {
  return (
    <div className={className} role={role}>
      {cards.map((card) => (
        <Row key={card.issue.id} {...rowProps(card, common)} />
      ))}
    </div>
  );
}, sameBlock);

/** `cards` as RowBlocks of `Row`, each with `className`. */
export function RowBlocks({
  cards,
  Row,
  className,
  role,
  ...common
}: Common & { cards: readonly LearningCard[]; Row: ComponentType<RowProps>; className: string; role?: 'rowgroup' }) {
  return blocksOf(cards).map((block, i) => (
    // A block is its position: block i holds rows i·BLOCK_ROWS onwards, so its memo compares like with like.
    <RowBlock key={i} cards={block} Row={Row} className={className} role={role} {...common} />
  ));
}

/**
 * The first screen paints a dozen cards first and the rest of the page right after:
 * a page of 100 cards is one long commit, and the reader sees nothing until it ends.
 */
import { useEffect, useState } from 'react';
import { afterNextPaint } from '../after-paint';

/** Cards in the first commit: more than a tall frame shows above the fold. */
export const FIRST_PAINT_CARDS = 12;

/** How many cards to render: FIRST_PAINT_CARDS until the first paint after `ready`, then all. */
export function useFirstPaintLimit(ready: boolean): number {
  const [limit, setLimit] = useState(FIRST_PAINT_CARDS);
  useEffect(() => {
    if (!ready || limit === Number.POSITIVE_INFINITY) return;
    return afterNextPaint(() => {
      setLimit(Number.POSITIVE_INFINITY);
    });
  }, [ready, limit]);
  return limit;
}

/** Each group's cards cut so that at most `limit` cards are rendered in all, in order; groups keep their full counts. */
export function withinLimit<T extends { cards: readonly unknown[] }>(
  groups: readonly T[],
  limit: number,
): Array<{ group: T; shown: number }> {
  let left = limit;
  return groups.map((group) => {
    const shown = Math.max(0, Math.min(group.cards.length, left));
    left -= shown;
    return { group, shown };
  });
}

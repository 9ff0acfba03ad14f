/**
 * The reuse count an earlier issue carries in its own entity property (`learning-loop-reuse`,
 * indexed as `learningReuses`): how many tickets marked its learning "This helped". Kept apart from
 * the record so that the app's count never becomes a revision of what people wrote.
 */
export const REUSE_PROPERTY_KEY = 'learning-loop-reuse';

/** The property's value as stored: `{ "count": n }`. */
export const reuseProperty = (count: number): { count: number } => ({ count });

/** The count a stored value holds; 0 when there is none or it is not a whole number at least 0. */
export function reuseCountOf(value: unknown): number {
  const count = value && typeof value === 'object' ? (value as { count?: unknown }).count : undefined;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 0;
}

/**
 * A search hit becomes a card only when its property is a readable record.
 * Kept apart from learning-cards.ts because reading a record validates it
 * with zod (record-schema.ts): the UI groups and filters cards and must not
 * bundle the schemas; only the backend reads hits into cards.
 */
import type { CardIssue, LearningCard } from './learning-cards';
import { readStoredProperty } from '../record/record-schema';

export function cardOf(hit: CardIssue & { property: unknown }): LearningCard | null {
  const reading = readStoredProperty(hit.property);
  if (reading.kind !== 'record') return null;
  const { property: _raw, ...issue } = hit;
  return { issue, record: reading.record };
}

/**
 * Every learning's text, for `learningText ~ word`, in its own issue property
 * (`learning-loop-text`, indexed as `learningText`). Jira indexes an array of strings by path but
 * not the texts inside an array of objects, so the texts are copied into one field; kept apart
 * from the record, the copy is not read back by every search that carries the record (half its bytes).
 */
import type { LearningRecord } from './learning-record';

export const LEARNING_TEXT_PROPERTY_KEY = 'learning-loop-text';

/** The property's value as stored: `{ "text": "first learning\nsecond learning" }`. */
export interface StoredLearningText {
  text: string;
}

export function learningTextOf(record: Pick<LearningRecord, 'learnings'>): StoredLearningText {
  return { text: record.learnings.map((entry) => entry.text).join('\n') };
}

/** The text a stored value holds; null when there is none (never written, or not the app's shape). */
export function storedTextOf(value: unknown): string | null {
  const text = value && typeof value === 'object' ? (value as { text?: unknown }).text : undefined;
  return typeof text === 'string' ? text : null;
}

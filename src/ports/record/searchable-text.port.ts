import type { StoredLearningText } from '../../domain/record/text-index';

/** The learnings' texts property (`learning-loop-text`), rewritten as the app by the scheduled rebuild when it lags the record. */
export interface SearchableTextPort {
  /** The record's property as it is now (read again just before its texts are rewritten); undefined when absent. */
  currentRecord(issueId: string): Promise<unknown>;
  set(issueId: string, value: StoredLearningText): Promise<void>;
}

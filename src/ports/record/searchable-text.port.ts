import type { StoredLearningText } from '../../domain/record/text-index';

/** The learnings' texts property (`learning-loop-text`), rewritten as the app by the scheduled rebuild when it lags the record. */
export interface SearchableTextPort {
  set(issueId: string, value: StoredLearningText): Promise<void>;
}

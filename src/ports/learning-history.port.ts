/** One kept revision of an issue's learning record, as it was stored (it may be unreadable). */
export interface HistorySnapshot {
  revision: number;
  savedAt: string;
  savedBy: string;
  value: unknown;
}

/** Earlier revisions of each issue's record, newest last, capped per issue. */
export interface LearningHistoryPort {
  readonly cap: number;
  keep(issueId: string, snapshot: HistorySnapshot): Promise<void>;
  get(issueId: string, revision: number): Promise<HistorySnapshot | undefined>;
  forget(issueId: string, revision: number): Promise<void>;
  /** Oldest first. */
  list(issueId: string): Promise<HistorySnapshot[]>;
}

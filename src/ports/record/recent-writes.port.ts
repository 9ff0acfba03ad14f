/**
 * The issues a person wrote learnings on in the last few minutes. Jira's search is
 * eventually consistent, so a search right after a save may miss it; these ids go to
 * the search as `reconcileIssues`, so a person always sees what they just wrote.
 */
export interface RecentWritesPort {
  /**
   * Reads the person's list now and answers the write that puts an issue first on it: a save reads it beside its
   * other reads and writes once the record is written (one round after the write, not two).
   */
  readyToRemember(accountId: string): Promise<(issueId: string) => Promise<void>>;
  /** Newest first, at most 50 (Jira's cap on `reconcileIssues`). */
  recent(accountId: string): Promise<string[]>;
}

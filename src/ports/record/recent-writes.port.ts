/**
 * The issues a person wrote learnings on in the last few minutes. Jira's search is
 * eventually consistent, so a search right after a save may miss it; these ids go to
 * the search as `reconcileIssues`, so a person always sees what they just wrote.
 */
export interface RecentWritesPort {
  remember(accountId: string, issueId: string): Promise<void>;
  /** Newest first, at most 50 (Jira's cap on `reconcileIssues`). */
  recent(accountId: string): Promise<string[]>;
}

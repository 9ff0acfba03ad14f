/** "This helped": one earlier issue's learning, reused as evidence on a later ticket. */
export interface LearningReuse {
  sourceIssueId: string;
  sourceIssueKey: string;
  targetIssueId: string;
  /** The key and summary of the ticket it helped, as the person who said so saw them. */
  targetIssueKey: string;
  targetSummary: string;
  /** Who said it helped, and when. */
  accountId: string;
  at: string;
}

/** Reuses of learnings, kept per earlier issue (Forge KVS in production). */
export interface LearningReusePort {
  /** One write; saying it again for the same pair of issues replaces the earlier note. */
  record(reuse: LearningReuse): Promise<void>;
  /** The link was taken off the ticket again: the reuse no longer counts. */
  forget(sourceIssueId: string, targetIssueId: string): Promise<void>;
  /** Every reuse of one issue's learning, newest first. */
  listFor(sourceIssueId: string): Promise<LearningReuse[]>;
}

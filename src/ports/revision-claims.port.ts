/**
 * Jira issue properties have no compare-and-set, so two saves that read the
 * same revision could both write the next one and the first would be lost.
 * A save first claims the revision it is about to write; only one can.
 */
export interface RevisionClaimsPort {
  /** True when this save may write `revision`; false when another save has claimed it. */
  claim(issueId: string, revision: number, accountId: string): Promise<boolean>;
  /** Gives a claim back after a write that failed, so the next save is not held up. */
  release(issueId: string, revision: number): Promise<void>;
}

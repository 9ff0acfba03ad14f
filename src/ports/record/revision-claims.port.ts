/**
 * Jira issue properties have no compare-and-set, so two saves that read the
 * same revision could both write the next one and the first would be lost.
 * A save first claims the revision it is about to write; only one can.
 */
export interface RevisionClaimsPort {
  /**
   * True when this save may write `revision`: it created the claim, or the claim is
   * already its own (an earlier attempt of the same save). False while another save
   * holds it. A claim left by a save that died is taken over once its deadline passes.
   */
  claim(issueId: string, revision: number, accountId: string): Promise<boolean>;
  /**
   * Gives this save's claim back after Jira refused the write (nothing was written).
   * Not after a failure whose outcome is unknown (a timeout): the write may have
   * landed, so the claim is kept until its deadline.
   */
  release(issueId: string, revision: number): Promise<void>;
}

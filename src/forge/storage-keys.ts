/** Every Forge KVS key the app uses is built here, never written inline. */
const REVISION_DIGITS = 8;

export const storageKeys = {
  /** All kept revisions of one issue's record share this prefix. */
  historyPrefix: (issueId: string): string => `history:${issueId}:`,
  /** Zero-padded so that keys sort in revision order. */
  historyRevision: (issueId: string, revision: number): string =>
    `history:${issueId}:${String(revision).padStart(REVISION_DIGITS, '0')}`,
};

/**
 * A full rebuild asked for by a Jira admin whose "Rebuild now" could not finish inside a
 * resolver's time: kept until the five-minute trigger has run it. It names no person (no
 * account id to report or erase): only when it was asked.
 */
export interface RebuildRequest {
  /** ISO 8601 instant of the ask; also what tells two requests apart. */
  requestedAt: string;
}

export interface RebuildRequestPort {
  /** The request waiting, read strictly consistently; null when none. */
  pending(): Promise<RebuildRequest | null>;
  /** Stores the request (replacing any waiting one: the newest ask is what the rebuild must cover). */
  save(request: RebuildRequest): Promise<void>;
  /** Deletes the request only when it is still `served` (a newer one, asked during the rebuild, is kept); answers whether it did. */
  clear(served: RebuildRequest): Promise<boolean>;
}

import type { HistoryEntry, HistoryPolicy, PrunedRevision } from '../../domain/record/history-policy';
import type { RevisionChanges } from '../../domain/record/revision-changes';

/** One kept revision of an issue's learning record, as it was stored (it may be unreadable). */
export interface HistorySnapshot {
  revision: number;
  savedAt: string;
  savedBy: string;
  value: unknown;
}

/** A revision to keep, and what it changed against the revision before it, when known. */
export interface RevisionToKeep {
  snapshot: HistorySnapshot;
  changes?: RevisionChanges;
}

/** Keeping made ready: its reads are done, its one write is left for when the caller may make it. */
export interface ReadyToKeep {
  /** The newest revision kept before this keeping; 0 when history holds none. */
  newestKept: number;
  /** Stores the revisions not listed yet, with their lines, in one write; answers every line of the index after it. */
  write(): Promise<HistoryEntry[]>;
}

/**
 * Kept revisions of each issue's record. An index per issue lists them with a one-line
 * summary each (one read, consistent: never a query, which KVS answers eventually), beside
 * one value per revision.
 */
export interface LearningHistoryPort {
  /** What is kept: see domain/history-policy.ts. */
  readonly policy: HistoryPolicy;
  /**
   * Keeps a snapshot and its line in the index (writing nothing more when it is there already);
   * `changes`, when known, is what it changed against the revision before it.
   */
  keep(issueId: string, snapshot: HistorySnapshot, changes?: RevisionChanges): Promise<void>;
  /**
   * Keeping in two steps: now the reads (the people they name indexed, the index read), later one write of them
   * all. A save reads beside claiming its revision and writes once it holds it: one round less than `keep` after it.
   */
  prepareKeep(issueId: string, revisions: readonly RevisionToKeep[]): Promise<ReadyToKeep>;
  get(issueId: string, revision: number): Promise<HistorySnapshot | undefined>;
  /** Every kept revision, oldest first, from the index. */
  entries(issueId: string): Promise<HistoryEntry[]>;
  /** Drops revisions and their lines; `prunedAt` set means it was the policy, recorded in the index. */
  forget(issueId: string, revisions: readonly number[], prunedAt?: string): Promise<void>;
  /** What the policy dropped, newest first. */
  pruned(issueId: string): Promise<PrunedRevision[]>;
}

/**
 * Which revisions of a record history keeps, and a one-line summary of each. Pure.
 *
 * Pruning must not let one editor erase the others: 51 trivial saves by one person would push
 * every other author's revisions out of a plain "newest 50". History keeps the newest
 * revisions, and always each author's newest revision and each day's last one (up to a
 * ceiling); what it drops is recorded.
 */
import { readStoredProperty } from './record-schema';
import type { RevisionChanges } from './revision-changes';

export interface HistoryPolicy {
  /** The newest revisions always kept. */
  newest: number;
  /** Never more than this many kept per issue (the oldest days go first). */
  ceiling: number;
  /** Pruned revisions remembered in the index (who saved them, when, when dropped). */
  prunedLog: number;
}

export const HISTORY_POLICY: HistoryPolicy = { newest: 30, ceiling: 60, prunedLog: 50 };

export interface HistorySummary {
  learningCount: number;
  surpriseCount: number;
  outcome: string | null;
  hypothesis: string;
  unreadable: boolean;
  /** What this revision changed against the one before; absent on lines kept before it was recorded. */
  changes?: RevisionChanges;
}

export interface HistoryEntry {
  revision: number;
  savedAt: string;
  savedBy: string;
  summary: HistorySummary;
}

export interface PrunedRevision {
  revision: number;
  savedAt: string;
  savedBy: string;
  prunedAt: string;
}

const EXCERPT_CHARS = 140;

export function summaryOf(value: unknown): HistorySummary {
  const reading = readStoredProperty(value);
  if (reading.kind !== 'record') return { learningCount: 0, surpriseCount: 0, outcome: null, hypothesis: '', unreadable: true };
  const { record } = reading;
  const chars = Array.from(record.hypothesis);
  return {
    learningCount: record.learnings.length,
    surpriseCount: record.learnings.filter((e) => e.surprise).length,
    outcome: record.outcome,
    hypothesis: chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS - 1).join('')}…` : record.hypothesis,
    unreadable: false,
  };
}

/** The revisions to drop so that what is kept follows the policy (entries in any order). */
export function revisionsToPrune(entries: readonly HistoryEntry[], policy: HistoryPolicy = HISTORY_POLICY): number[] {
  const newestFirst = [...entries].sort((a, b) => b.revision - a.revision);
  const keep = new Set(newestFirst.slice(0, policy.newest).map((e) => e.revision));
  const seenAuthors = new Set<string>();
  const seenDays = new Set<string>();
  // Each author's newest and each day's last revision, newest first, until the ceiling.
  for (const entry of newestFirst) {
    const day = entry.savedAt.slice(0, 10);
    const protects = !seenAuthors.has(entry.savedBy) || !seenDays.has(day);
    seenAuthors.add(entry.savedBy);
    seenDays.add(day);
    if (protects && keep.size < policy.ceiling) keep.add(entry.revision);
  }
  return newestFirst.filter((e) => !keep.has(e.revision)).map((e) => e.revision);
}

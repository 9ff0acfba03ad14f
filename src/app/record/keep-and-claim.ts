/**
 * Before a revision is written: what is stored now is kept in history, and the next revision is
 * claimed, so no write loses a revision and no revision number is given out twice.
 */
import { AppError } from '../../contract/errors';
import type { LearningRecord } from '../../domain/record/learning-record';
import { toStoredProperty } from '../../domain/record/stored-format';
import { changesBetween } from '../../domain/record/revision-changes';
import type { StoredReading } from '../../domain/record/record-schema';
import type { HistorySnapshot, LearningHistoryPort, ReadyToKeep, RevisionToKeep } from '../../ports/record/learning-history.port';
import type { RevisionClaimsPort } from '../../ports/record/revision-claims.port';

/**
 * Another save holds the revision this one was about to write. A save reads
 * again and merges; when that keeps happening, or elsewhere, it answers BUSY.
 */
export class RevisionTaken extends AppError {
  constructor(readonly revision: number) {
    super(
      'BUSY',
      'Another save of this record is under way at the same moment (perhaps your own, still on its way). Try again in a few seconds: nothing you typed is lost.',
    );
  }
}

export interface KeepDeps {
  history: LearningHistoryPort;
  claims: RevisionClaimsPort;
}

export interface Claiming {
  issueId: string;
  accountId: string;
  /** What was read from Jira just before: the parsed reading and the raw value. */
  reading: StoredReading;
  raw: unknown;
  now: Date;
}

/** A revision as history keeps it. */
export const snapshotOf = (record: LearningRecord): HistorySnapshot => ({
  revision: record.revision,
  savedAt: record.updatedAt,
  savedBy: record.updatedBy,
  value: toStoredProperty(record),
});

/**
 * The reads for keeping `revisions` beside the claim of `next`'s revision (one round). The keeping is answered when
 * the claim is held and `usable` accepts it; otherwise a claim taken is given back, and null answered (or the reads'
 * error thrown).
 */
async function keepBesideClaim(
  deps: KeepDeps,
  input: Claiming,
  next: LearningRecord,
  revisions: RevisionToKeep[],
  usable: (ready: ReadyToKeep) => boolean = () => true,
): Promise<ReadyToKeep | null> {
  const [ready, claimed] = await Promise.allSettled([
    deps.history.prepareKeep(input.issueId, revisions),
    deps.claims.claim(input.issueId, next.revision, input.accountId),
  ]);
  const held = claimed.status === 'fulfilled' && claimed.value;
  if (ready.status === 'fulfilled' && usable(ready.value)) {
    if (claimed.status === 'rejected') throw claimed.reason;
    if (!held) throw new RevisionTaken(next.revision);
    return ready.value;
  }
  if (held) await deps.claims.release(input.issueId, next.revision).catch(() => undefined);
  if (ready.status === 'rejected') throw ready.reason;
  return null;
}

/**
 * Over a readable record, the next revision is known at once: the stored revision and the next are kept beside the
 * claim of the next, and written in one transaction once it is held.
 */
export async function keepAndClaim(
  deps: KeepDeps,
  input: Claiming & { stored: LearningRecord },
  next: LearningRecord,
): Promise<{ next: LearningRecord; ready: ReadyToKeep }> {
  const revisions = [{ snapshot: snapshotOf(input.stored) }, { snapshot: snapshotOf(next), changes: changesBetween(input.stored, next) }];
  const ready = await keepBesideClaim(deps, input, next, revisions);
  if (!ready) throw new Error('Keeping beside a claim answered nothing, though any keeping was usable.');
  return { next, ready };
}

/**
 * Nothing stored: the first revision, unless history kept some (a property deleted outside the app). It is claimed at
 * once, beside the reads for keeping it (two rounds fewer for a ticket's first record); when history proves to hold
 * revisions, that claim is given back and the numbering follows them.
 */
export async function claimFirst(
  deps: KeepDeps,
  input: Claiming,
  stamp: (revision: number) => LearningRecord,
): Promise<{ next: LearningRecord; ready: ReadyToKeep }> {
  const first = stamp(1);
  const revisions = [{ snapshot: snapshotOf(first), changes: changesBetween(null, first) }];
  const ready = await keepBesideClaim(deps, input, first, revisions, (r) => r.newestKept === 0);
  return ready ? { next: first, ready } : claimAfterKeeping(deps, input, stamp);
}

/**
 * Anything else stored (nothing, or a value that is not a readable record) is kept first: the revision follows the
 * newest kept one. Only from what is stored and kept, never from the client: a property deleted outside the app
 * continues after its newest kept revision, so no kept revision is ever overwritten.
 */
export async function claimAfterKeeping(
  deps: KeepDeps,
  input: Claiming,
  stamp: (revision: number) => LearningRecord,
): Promise<{ next: LearningRecord; ready: ReadyToKeep }> {
  const kept = await keepUnreadable(deps.history, input);
  const next = stamp((kept?.revision ?? (await newestKeptRevision(deps.history, input.issueId))) + 1);
  if (!(await deps.claims.claim(input.issueId, next.revision, input.accountId))) throw new RevisionTaken(next.revision);
  // An unreadable value before it: what changed cannot be said.
  const changes = input.reading.kind === 'unreadable' ? undefined : changesBetween(null, next);
  try {
    return { next, ready: await deps.history.prepareKeep(input.issueId, [{ snapshot: snapshotOf(next), changes }]) };
  } catch (error) {
    await deps.claims.release(input.issueId, next.revision).catch(() => undefined);
    throw error;
  }
}

/**
 * Keeps the value about to be overwritten when it is unreadable (foreign or broken JSON): under the next free
 * revision, unless it is already the newest kept. Nothing stored: nothing to keep.
 */
async function keepUnreadable(
  history: LearningHistoryPort,
  { issueId, reading, raw, now }: Claiming,
): Promise<HistorySnapshot | undefined> {
  if (reading.kind !== 'unreadable') return undefined;
  const entries = await history.entries(issueId);
  const newestEntry = entries[entries.length - 1];
  const newest = newestEntry ? await history.get(issueId, newestEntry.revision) : undefined;
  if (newest && JSON.stringify(newest.value) === JSON.stringify(raw)) return newest;
  const snapshot = { revision: (newestEntry?.revision ?? 0) + 1, savedAt: now.toISOString(), savedBy: 'unknown', value: raw };
  await history.keep(issueId, snapshot);
  return snapshot;
}

export async function newestKeptRevision(history: LearningHistoryPort, issueId: string): Promise<number> {
  return (await history.entries(issueId)).reduce((max, entry) => Math.max(max, entry.revision), 0);
}

/**
 * The one way a new revision reaches Jira, shared by save and restore:
 * validate, measure, keep what is stored now in history, claim the revision,
 * then write.
 */
import { AppError } from '../contract/errors';
import type { SavedView, TooLargeDetails } from '../contract/resolvers';
import {
  LIMITS,
  propertySizeOf,
  sizeReportOf,
  stampRevision,
  toStoredProperty,
  type LearningDraft,
  type LearningEntry,
  type LearningRecord,
} from '../domain/learning-record';
import { problemWith, readStoredProperty, type StoredReading } from '../domain/record-schema';
import type { IssueLearningsPort } from '../ports/issue-learnings.port';
import type { HistorySnapshot, LearningHistoryPort } from '../ports/learning-history.port';
import type { RevisionClaimsPort } from '../ports/revision-claims.port';

export interface WriteDeps {
  issueLearnings: IssueLearningsPort;
  history: LearningHistoryPort;
  claims: RevisionClaimsPort;
  now: () => Date;
}

/**
 * Another save claimed the revision this one was about to write. A save reads
 * again and merges; anything else answers CONFLICT with this sentence.
 */
export class RevisionTaken extends AppError {
  constructor(readonly revision: number) {
    super('CONFLICT', 'Someone else saved this record at the same moment. Try again: nothing you typed is lost.');
  }
}

export interface IssueRef {
  key: string;
  id: string;
}

/** What was read from Jira just before writing: the parsed reading and the raw value. */
export interface CurrentValue {
  reading: StoredReading;
  raw: unknown;
}

export async function readCurrent(deps: Pick<WriteDeps, 'issueLearnings'>, issueKey: string): Promise<CurrentValue> {
  const raw = await deps.issueLearnings.readProperty(issueKey);
  return { reading: readStoredProperty(raw), raw };
}

export async function writeRevision(
  deps: WriteDeps,
  input: {
    issue: IssueRef;
    accountId: string;
    current: CurrentValue;
    draft: LearningDraft;
    /** Revision to continue from when nothing readable is stored (a deleted property). */
    lastKnownRevision: number;
    knownEntries?: readonly LearningEntry[];
    mergedWithOthers: boolean;
  },
): Promise<SavedView> {
  const problem = problemWith(input.draft);
  if (problem) throw new AppError('INVALID_INPUT', problem);

  const { reading } = input.current;
  const previous = reading.kind === 'record' ? reading.record : null;
  const now = deps.now();
  const kept = await keepWhatIsStored(deps, input.issue.id, input.current, now);
  const revision = Math.max(previous?.revision ?? 0, kept?.revision ?? 0, input.lastKnownRevision) + 1;
  const next = stampRevision(previous, input.draft, {
    accountId: input.accountId,
    now,
    revision,
    knownEntries: input.knownEntries,
  });
  assertFits(next);

  if (!(await deps.claims.claim(input.issue.id, revision, input.accountId))) throw new RevisionTaken(revision);
  try {
    await deps.issueLearnings.writeProperty(input.issue.key, toStoredProperty(next));
  } catch (error) {
    await deps.claims.release(input.issue.id, revision);
    throw error;
  }
  await pruneHistory(deps.history, input.issue.id, kept?.revision);
  return { record: next, size: sizeReportOf(propertySizeOf(next)), mergedWithOthers: input.mergedWithOthers };
}

function assertFits(record: LearningRecord): void {
  const used = propertySizeOf(record);
  if (used <= LIMITS.propertyChars) return;
  const details: TooLargeDetails = { size: sizeReportOf(used) };
  throw new AppError(
    'LEARNING_TOO_LARGE',
    `This record would take ${used.toLocaleString('en-US')} characters, and Jira keeps at most ` +
      `${LIMITS.propertyChars.toLocaleString('en-US')} per issue. Shorten or remove some learnings or evidence, then save again.`,
    details,
  );
}

/**
 * Keeps the value about to be overwritten, before the write, so that no
 * write can lose it. A readable record is kept under its own revision (so
 * keeping it twice is harmless); an unreadable one (foreign or broken JSON)
 * under the next free revision, unless it is already the newest kept.
 */
async function keepWhatIsStored(
  deps: WriteDeps,
  issueId: string,
  current: CurrentValue,
  now: Date,
): Promise<HistorySnapshot | undefined> {
  const { reading, raw } = current;
  if (reading.kind === 'absent') return undefined;
  if (reading.kind === 'record') {
    const { record } = reading;
    const snapshot = {
      revision: record.revision,
      savedAt: record.updatedAt,
      savedBy: record.updatedBy,
      value: toStoredProperty(record),
    };
    await deps.history.keep(issueId, snapshot);
    return snapshot;
  }
  const all = await deps.history.list(issueId);
  const newest = all[all.length - 1];
  if (newest && JSON.stringify(newest.value) === JSON.stringify(raw)) return newest;
  const snapshot = { revision: (newest?.revision ?? 0) + 1, savedAt: now.toISOString(), savedBy: 'unknown', value: raw };
  await deps.history.keep(issueId, snapshot);
  return snapshot;
}

async function pruneHistory(history: LearningHistoryPort, issueId: string, keptRevision: number | undefined) {
  if (keptRevision === undefined || keptRevision <= history.cap) return;
  await history.forget(issueId, keptRevision - history.cap);
}

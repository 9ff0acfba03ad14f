/**
 * The one way a new revision reaches Jira, shared by save and restore:
 * validate, measure, keep what is stored now in history and claim the next
 * revision, then write.
 */
import { AppError, isAppError } from '../../contract/errors';
import type { SavedView, TooLargeDetails } from '../../contract/resolvers';
import {
  LIMITS,
  sizeReportOf,
  stampRevision,
  type IssueRef,
  type LearningDraft,
  type LearningRecord,
} from '../../domain/record/learning-record';
import { propertySizeOf, toStoredProperty } from '../../domain/record/stored-format';
import { revisionsToPrune, type HistoryEntry } from '../../domain/record/history-policy';
import { learningTextOf } from '../../domain/record/text-index';
import { problemWith, readStoredProperty, type StoredReading } from '../../domain/record/record-schema';
import type { IssueLearningsPort } from '../../ports/record/issue-learnings.port';
import type { BrowsePermissionPort } from '../../ports/search/issue-search.port';
import type { LearningHistoryPort } from '../../ports/record/learning-history.port';
import type { LearningReusePort } from '../../ports/learned-before/learning-reuse.port';
import type { RecentWritesPort } from '../../ports/record/recent-writes.port';
import type { RevisionClaimsPort } from '../../ports/record/revision-claims.port';
import { syncReuses } from '../learned-before/learning-reuse';
import { claimAfterKeeping, claimFirst, keepAndClaim, newestKeptRevision, RevisionTaken } from './keep-and-claim';
import type { IssueFields } from '../../domain/insights/issue-facts';
import { insightFieldsToAsk, insightsAfterWrite, type InsightsDeps } from '../insights/insights-after-write';

export interface WriteDeps {
  issueLearnings: IssueLearningsPort;
  history: LearningHistoryPort;
  claims: RevisionClaimsPort;
  /** Remembers the write, so the person's next searches reconcile it. */
  recentWrites: RecentWritesPort;
  /** What the person may browse: every record answered passes hideUnbrowsableLinks. */
  permissions: BrowsePermissionPort;
  /** "This helped" links added or taken off by a save are recorded here. */
  reuses: LearningReusePort;
  /** Insight aggregates, kept current after each write (absent: left to the rebuild). */
  insights?: InsightsDeps;
  now: () => Date;
}

export { RevisionTaken };
export type { IssueRef };

/** What was read from Jira just before writing: the parsed reading, the raw value, the issue's summary. */
export interface CurrentValue {
  reading: StoredReading;
  raw: unknown;
  summary: string;
  /** The fields insights count, read in the same call (absent when not asked or not readable). */
  fields?: IssueFields;
}

/** `forWrite`: also read the fields insights count, for the update after the write. */
export async function readCurrent(
  deps: Pick<WriteDeps, 'issueLearnings' | 'insights'>,
  issueKey: string,
  forWrite = false,
): Promise<CurrentValue> {
  const insight = forWrite ? await insightFieldsToAsk(deps.insights) : undefined;
  const { property, summary, fields } = await deps.issueLearnings.readIssue(issueKey, insight);
  return { reading: readStoredProperty(property), raw: property, summary, ...(fields ? { fields } : {}) };
}

export async function writeRevision(
  deps: WriteDeps,
  input: {
    issue: IssueRef;
    accountId: string;
    current: CurrentValue;
    draft: LearningDraft;
    /** The old revision a restore writes again: its entries' authors and its hypothesis's time are kept. */
    restored?: LearningRecord;
    mergedWithOthers: boolean;
  },
): Promise<SavedView> {
  const problem = problemWith(input.draft);
  if (problem) throw new AppError('INVALID_INPUT', problem);

  const { reading } = input.current;
  if (reading.kind === 'newer') throw new AppError('NEWER_VERSION', reading.reason);
  const previous = reading.kind === 'record' ? reading.record : null;
  const now = deps.now();
  const stamp = (revision: number) => {
    const stamped = stampRevision(previous, input.draft, { accountId: input.accountId, now, revision, restored: input.restored });
    assertFits(stamped);
    return stamped;
  };
  const claiming = { issueId: input.issue.id, accountId: input.accountId, reading, raw: input.current.raw, now };
  const recent = deps.recentWrites.readyToRemember(input.accountId);
  recent.catch(() => undefined); // awaited in the after-work, where its failure is ignored
  const { next, ready } = previous
    ? await keepAndClaim(deps, { ...claiming, stored: previous }, stamp(previous.revision + 1))
    : reading.kind === 'absent'
      ? await claimFirst(deps, claiming, stamp)
      : await claimAfterKeeping(deps, claiming, stamp);
  const { revision } = next;
  // The revision is forgotten before its claim is given back: a retry that claims it next must find nothing of this one.
  const forgetClaim = async () => {
    await deps.history.forget(input.issue.id, [revision]).catch(() => undefined);
    await deps.claims.release(input.issue.id, revision);
  };
  // The new revision is kept before it is written: history always holds the newest revision
  // the app wrote, so its number is never given out twice (even if the property is deleted).
  const entries = await ready.write().catch(async (error: unknown) => {
    // Nothing reached Jira: the revision is given back (and forgotten, should the write have landed unseen).
    await forgetClaim();
    throw error;
  });
  try {
    await deps.issueLearnings.writeProperty(input.issue.key, toStoredProperty(next));
  } catch (error) {
    const outcome = await outcomeOfFailedWrite(deps, input.issue.key, next, error);
    if (outcome === 'not-written') {
      await forgetClaim();
      throw error;
    }
    // Unknown: the write may still land, so the claim holds until its deadline.
    if (outcome === 'unknown') throw new AppError('JIRA_UNAVAILABLE', SAVE_UNCONFIRMED);
  }
  // After-work: a failure here must not turn a saved record into an error.
  const [, , , , warnings] = await Promise.all([
    pruneHistory(deps.history, input.issue.id, entries, now).catch(() => undefined),
    // After the record, so the texts never run ahead of it; one missed is rewritten by the scheduled rebuild.
    writeTextsIfChanged(deps.issueLearnings, input.issue.key, previous, next).catch(() => undefined),
    // A missed update is repaired by the scheduled rebuild: the person's save is done.
    insightsAfterWrite(deps.insights, input.current.fields, next).catch(() => undefined),
    recent.then((remember) => remember(input.issue.id)).catch(() => undefined),
    syncReuses(deps.reuses, {
      issue: input.issue,
      summary: input.current.summary,
      accountId: input.accountId,
      at: now.toISOString(),
      previous,
      next,
    }),
  ]);
  const saved: SavedView = { record: next, size: sizeReportOf(propertySizeOf(next)), mergedWithOthers: input.mergedWithOthers };
  return warnings.length > 0 ? { ...saved, warnings } : saved;
}

/** The learnings' texts property, written only when this revision changed the texts (an outcome or tag edit leaves them). */
async function writeTextsIfChanged(
  issueLearnings: IssueLearningsPort,
  issueKey: string,
  previous: LearningRecord | null,
  next: LearningRecord,
): Promise<void> {
  const texts = learningTextOf(next);
  if (previous && learningTextOf(previous).text === texts.text) return;
  await issueLearnings.writeText(issueKey, texts);
}

const SAVE_UNCONFIRMED =
  'Jira did not confirm the save in time, and it may still arrive. Wait half a minute, reopen the panel to check, then try again if it is not there; nothing you typed is lost.';

/**
 * What became of a write that failed: refused by Jira (not written), answered with a
 * server error (written only if the record reads back as this revision), or lost in
 * transit (a timeout: written, or perhaps still on its way).
 */
async function outcomeOfFailedWrite(
  deps: Pick<WriteDeps, 'issueLearnings'>,
  issueKey: string,
  next: LearningRecord,
  error: unknown,
): Promise<'written' | 'not-written' | 'unknown'> {
  if (!isAppError(error) || REFUSALS.has(error.code)) return 'not-written';
  const answered = typeof (error.details as { status?: unknown } | undefined)?.status === 'number';
  try {
    const stored = readStoredProperty(await deps.issueLearnings.readProperty(issueKey));
    if (
      stored.kind === 'record' &&
      stored.record.revision === next.revision &&
      stored.record.updatedAt === next.updatedAt &&
      stored.record.updatedBy === next.updatedBy
    ) {
      return 'written';
    }
    return answered ? 'not-written' : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Answers that mean Jira did not apply the write. */
const REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT', 'RATE_LIMITED', 'PRODUCT_NOT_CONNECTED']);

function assertFits(record: LearningRecord): void {
  const used = propertySizeOf(record);
  if (used <= LIMITS.propertyBytes) return;
  const details: TooLargeDetails = { size: sizeReportOf(used) };
  throw new AppError(
    'LEARNING_TOO_LARGE',
    `This record would take ${used.toLocaleString('en-US')} bytes, and Jira keeps at most ` +
      `${LIMITS.propertyBytes.toLocaleString('en-US')} per issue (accented letters and emoji take more than one). Shorten or remove some learnings or evidence, then save again.`,
    details,
  );
}

/**
 * The revision a person's edit started from must be one that exists: at most the stored one
 * (or, when the property was deleted outside the app, the newest kept one).
 */
export async function assertKnownBase(
  deps: Pick<WriteDeps, 'history'>,
  issueId: string,
  current: CurrentValue,
  baseRevision: number,
): Promise<void> {
  const stored = current.reading.kind === 'record' ? current.reading.record.revision : 0;
  if (baseRevision <= stored) return;
  if (current.reading.kind !== 'absent' || baseRevision > (await newestKeptRevision(deps.history, issueId))) {
    throw new AppError(
      'INVALID_INPUT',
      `This edit started from revision ${baseRevision}, which this issue never had. Reload the panel and make the change again.`,
    );
  }
}

/** Drops what the history policy no longer keeps, and records it (see domain/history-policy.ts). */
async function pruneHistory(history: LearningHistoryPort, issueId: string, entries: HistoryEntry[], now: Date) {
  const prune = revisionsToPrune(entries, history.policy);
  if (prune.length > 0) await history.forget(issueId, prune, now.toISOString());
}

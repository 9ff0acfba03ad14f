import { AppError } from '../../contract/errors';
import type { ConflictDetails, SavedView } from '../../contract/resolvers';
import { draftOf, normaliseDraft, sizeReportOf, type LearningDraft } from '../../domain/record/learning-record';
import { propertySizeOf } from '../../domain/record/stored-format';
import { restoreHiddenLinks } from '../../domain/record/evidence-visibility';
import { mergeDrafts } from '../../domain/record/merge-learnings';
import { readStoredProperty } from '../../domain/record/record-schema';
import type { LearningHistoryPort } from '../../ports/record/learning-history.port';
import { rethrowShownTo, savedViewShownTo } from './hide-unbrowsable-links';
import { assertKnownBase, readCurrent, RevisionTaken, writeRevision, type IssueRef, type WriteDeps } from './write-revision';

export interface SaveDeps extends WriteDeps {
  /** Waits before another attempt, while a concurrent save's write lands. */
  pause: (ms: number) => Promise<void>;
  /** In [0, 1): spreads the retries of savers who collided, so they do not collide again. */
  random: () => number;
}

/** At most this many attempts when other saves keep claiming the revision. */
export const SAVE_ATTEMPTS = 16;
/** Waiting stops well inside a resolver invocation's 25 s limit. */
export const SAVE_RETRY_BUDGET_MS = 8_000;
const FIRST_PAUSE_MS = 60;
const LONGEST_PAUSE_MS = 1_000;

/** Exponential backoff with full jitter: attempt n waits up to 60 ms × 2^(n-1), at most 1 s. */
export function retryPause(attempt: number, random: () => number): number {
  const ceiling = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 4 + random() * ceiling * 0.75);
}

/**
 * Saving the panel: at most two Jira calls (read what is stored, write the
 * next revision). When someone else saved in between, their changes and
 * these are merged; only a field both changed differently is a CONFLICT.
 * When another save is writing at this very moment, read again and merge.
 */
export async function saveLearning(
  deps: SaveDeps,
  input: { issue: IssueRef; accountId: string; baseRevision: number; draft: LearningDraft },
): Promise<SavedView> {
  try {
    return await savedViewShownTo(deps.permissions, input.accountId, await saveWithRetries(deps, input));
  } catch (error) {
    return rethrowShownTo(deps.permissions, input.accountId, error);
  }
}

async function saveWithRetries(
  deps: SaveDeps,
  input: { issue: IssueRef; accountId: string; baseRevision: number; draft: LearningDraft },
): Promise<SavedView> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveOnce(deps, input);
    } catch (error) {
      const pause = retryPause(attempt, deps.random);
      if (!(error instanceof RevisionTaken) || attempt >= SAVE_ATTEMPTS || waited + pause > SAVE_RETRY_BUDGET_MS) throw error;
      waited += pause;
      await deps.pause(pause);
    }
  }
}

async function saveOnce(
  deps: WriteDeps,
  input: { issue: IssueRef; accountId: string; baseRevision: number; draft: LearningDraft },
): Promise<SavedView> {
  const current = await readCurrent(deps, input.issue.key, true);
  await assertKnownBase(deps, input.issue.id, current, input.baseRevision);
  const { reading } = current;
  // Links the person saw hidden come back from what is stored, so hiding them loses nothing.
  const mine = restoreHiddenLinks(normaliseDraft(input.draft), reading.kind === 'record' ? reading.record : null);

  let draft = mine;
  let mergedWithOthers = false;
  if (reading.kind === 'record') {
    const stored = reading.record;
    if (stored.revision === input.baseRevision && sameDraft(draftOf(stored), mine)) {
      return { record: stored, size: sizeReportOf(propertySizeOf(stored)), mergedWithOthers: false };
    }
    if (stored.revision !== input.baseRevision) {
      const base = await baseDraft(deps.history, input.issue.id, input.baseRevision);
      const merge = mergeDrafts(base, mine, draftOf(stored));
      if (merge.kind === 'conflict') {
        const details: ConflictDetails = { conflicts: merge.conflicts, merged: merge.merged, current: stored };
        throw new AppError(
          'CONFLICT',
          `Someone else saved this record while you were editing, and ${merge.conflicts.length === 1 ? 'one change clashes' : `${merge.conflicts.length} changes clash`} with yours. Choose which version to keep for each, then save again.`,
          details,
        );
      }
      draft = merge.draft;
      mergedWithOthers = true;
    }
  }
  return writeRevision(deps, {
    issue: input.issue,
    accountId: input.accountId,
    current,
    draft,
    mergedWithOthers,
  });
}

/** The revision the person started from, when history still has it. */
async function baseDraft(history: LearningHistoryPort, issueId: string, revision: number): Promise<LearningDraft | null> {
  if (revision <= 0) return null;
  const snapshot = await history.get(issueId, revision);
  if (!snapshot) return null;
  const reading = readStoredProperty(snapshot.value);
  return reading.kind === 'record' ? draftOf(reading.record) : null;
}

function sameDraft(a: LearningDraft, b: LearningDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

import { AppError } from '../../contract/errors';
import type { SavedView } from '../../contract/resolvers';
import { draftOf } from '../../domain/record/learning-record';
import { readStoredProperty } from '../../domain/record/record-schema';
import { savedViewShownTo } from './hide-unbrowsable-links';
import { readCurrent, writeRevision, type IssueRef, type WriteDeps } from './write-revision';

/** Restoring writes the old content as a new revision, so a restore can itself be undone. */
export async function restoreRevision(
  deps: WriteDeps,
  input: { issue: IssueRef; accountId: string; revision: number; baseRevision: number },
): Promise<SavedView> {
  return savedViewShownTo(deps.permissions, input.accountId, await restore(deps, input));
}

async function restore(
  deps: WriteDeps,
  input: { issue: IssueRef; accountId: string; revision: number; baseRevision: number },
): Promise<SavedView> {
  const current = await readCurrent(deps, input.issue.key, true);
  const currentRevision = current.reading.kind === 'record' ? current.reading.record.revision : 0;
  if (currentRevision !== input.baseRevision) {
    throw new AppError(
      'CONFLICT',
      'Someone saved a newer version since you opened the history. Reload to see it, then choose what to restore.',
    );
  }
  const snapshot = await deps.history.get(input.issue.id, input.revision);
  if (!snapshot) {
    throw new AppError('NOT_FOUND', `Revision ${input.revision} is no longer kept for this issue. Pick another from the history.`);
  }
  const reading = readStoredProperty(snapshot.value);
  if (reading.kind !== 'record') {
    throw new AppError('INVALID_INPUT', `Revision ${input.revision} could not be read, so it cannot be restored.`);
  }
  return writeRevision(deps, {
    issue: input.issue,
    accountId: input.accountId,
    current,
    draft: draftOf(reading.record),
    restored: reading.record,
    mergedWithOthers: false,
  });
}

/**
 * Every record that leaves the backend passes here first: "This helped" links to issues
 * the reader cannot browse are shown as a placeholder (their key and summary never leave).
 * One permission call per answer, and only when such links exist.
 */
import { AppError } from '../../contract/errors';
import type { ConflictDetails, SavedView } from '../../contract/resolvers';
import { hideLink, hideLinkedIssues, linkedIssueIdsOf } from '../../domain/record/evidence-visibility';
import type { EvidenceLink, LearningRecord } from '../../domain/record/learning-record';
import type { FieldConflict } from '../../domain/record/merge-learnings';
import type { BrowsePermissionPort } from '../../ports/search/issue-search.port';

/** Of these linked issue ids, those the reader may not browse (one permission call, none without ids). */
export async function unbrowsableAmong(
  permissions: BrowsePermissionPort,
  accountId: string,
  linked: readonly string[],
): Promise<Set<string>> {
  if (linked.length === 0) return new Set();
  const allowed = await permissions.browsableIssueIds(accountId, [...linked]);
  return new Set(linked.filter((id) => !allowed.has(id)));
}

/** The linked issues among these the reader may not browse. */
const hiddenFor = (permissions: BrowsePermissionPort, accountId: string, holders: ReadonlyArray<{ evidence: readonly EvidenceLink[] }>) =>
  unbrowsableAmong(permissions, accountId, linkedIssueIdsOf(holders));

export async function hideUnbrowsableLinks(
  permissions: BrowsePermissionPort,
  accountId: string,
  records: readonly LearningRecord[],
): Promise<LearningRecord[]> {
  const hidden = await hiddenFor(permissions, accountId, records);
  return hidden.size === 0 ? [...records] : records.map((record) => hideLinkedIssues(record, hidden));
}

/** The same for cards (the macro, the retro view). */
export async function hideUnbrowsableLinksInCards<C extends { record: LearningRecord }>(
  permissions: BrowsePermissionPort,
  accountId: string,
  cards: readonly C[],
): Promise<C[]> {
  const records = await hideUnbrowsableLinks(
    permissions,
    accountId,
    cards.map((card) => card.record),
  );
  return cards.map((card, i) => {
    const record = records[i] ?? card.record;
    return record === card.record ? card : { ...card, record };
  });
}

/** A save's or a restore's answer, as its reader may see it. */
export async function savedViewShownTo(permissions: BrowsePermissionPort, accountId: string, view: SavedView): Promise<SavedView> {
  const [record = view.record] = await hideUnbrowsableLinks(permissions, accountId, [view.record]);
  return record === view.record ? view : { ...view, record };
}

/** Rethrows an error; a CONFLICT's details (what is stored, the merge, both sides of each clash) as the reader may see them. */
export async function rethrowShownTo(permissions: BrowsePermissionPort, accountId: string, error: unknown): Promise<never> {
  if (!(error instanceof AppError) || error.code !== 'CONFLICT' || !isConflictDetails(error.details)) throw error;
  const details = error.details;
  const conflictLinks = details.conflicts.flatMap((c) => (c.kind === 'evidence' ? [c.mine, c.theirs] : []));
  const hidden = await hiddenFor(permissions, accountId, [details.current, details.merged, { evidence: conflictLinks }]);
  if (hidden.size === 0) throw error;
  const shown: ConflictDetails = {
    current: hideLinkedIssues(details.current, hidden),
    merged: hideLinkedIssues(details.merged, hidden),
    conflicts: details.conflicts.map((c): FieldConflict =>
      c.kind === 'evidence' ? { ...c, mine: hideLink(c.mine, hidden), theirs: hideLink(c.theirs, hidden) } : c,
    ),
  };
  throw new AppError('CONFLICT', error.message, shown);
}

function isConflictDetails(details: unknown): details is ConflictDetails {
  const d = details as Partial<ConflictDetails> | undefined;
  return !!d && Array.isArray(d.conflicts) && !!d.current && !!d.merged;
}

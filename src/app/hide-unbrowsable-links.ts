import { hideLinkedIssues, linkedIssueIdsOf } from '../domain/evidence-visibility';
import type { LearningRecord } from '../domain/learning-record';
import type { BrowsePermissionPort } from '../ports/issue-search.port';

/**
 * Hides, in records about to be shown, the "This helped" links to issues the
 * reader cannot browse. One permission call, and only when such links exist.
 */
export async function hideUnbrowsableLinks(
  permissions: BrowsePermissionPort,
  accountId: string,
  records: readonly LearningRecord[],
): Promise<LearningRecord[]> {
  const linked = linkedIssueIdsOf(records);
  if (linked.length === 0) return [...records];
  const allowed = await permissions.browsableIssueIds(accountId, linked);
  const hidden = new Set(linked.filter((id) => !allowed.has(id)));
  return hidden.size === 0 ? [...records] : records.map((record) => hideLinkedIssues(record, hidden));
}

/** The same for cards (the macro, the retro view). */
export async function hideUnbrowsableLinksInCards<C extends { record: LearningRecord }>(
  permissions: BrowsePermissionPort,
  accountId: string,
  cards: readonly C[],
): Promise<C[]> {
  const records = await hideUnbrowsableLinks(permissions, accountId, cards.map((card) => card.record));
  return cards.map((card, i) => (records[i] === card.record ? card : { ...card, record: records[i]! }));
}

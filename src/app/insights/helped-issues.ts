/**
 * "Learnings reused at least once": a ticket's "This helped" link makes the earlier issue's
 * learnings reused. When a save (or a deletion) adds or takes away such links, each earlier
 * issue's list of tickets it helped is updated (a KVS key read at once: KVS queries lag behind
 * writes) and, when it starts or stops being reused, its facts are folded again. A missed update
 * is repaired by the daily rebuild, which counts the links from every record. The earlier issue's
 * count is also written where Jira can order by it (`learningReuses`, the library's "Most reused").
 */
import type { IssueFacts } from '../../domain/insights/issue-facts';
import type { InsightsStorePort } from '../../ports/insights/insights-store.port';
import type { ReuseCountPort } from '../../ports/learned-before/reuse-count.port';
import { foldChange } from './fold-change';

/** The earlier issues whose links the ticket gained (true) or lost (false) from `before` to `after`. */
export function helpedChanges(before: IssueFacts | null, after: IssueFacts | null): Map<string, boolean> {
  const was = new Set(before?.helpedIssueIds ?? []);
  const now = new Set(after?.helpedIssueIds ?? []);
  return new Map([
    ...[...now].filter((id) => !was.has(id)).map((id) => [id, true] as const),
    ...[...was].filter((id) => !now.has(id)).map((id) => [id, false] as const),
  ]);
}

export async function tellHelpedIssues(
  store: InsightsStorePort,
  ticketId: string,
  before: IssueFacts | null,
  after: IssueFacts | null,
  reuseCounts?: ReuseCountPort,
): Promise<void> {
  // One after the other: two earlier issues may share a period's counts.
  for (const [sourceIssueId, helps] of helpedChanges(before, after)) {
    const tickets = new Set(await store.helpedTickets(sourceIssueId));
    if (helps) tickets.add(ticketId);
    else tickets.delete(ticketId);
    await store.setHelpedTickets(sourceIssueId, [...tickets].sort());
    // Not fatal: a count Jira refused (the app may not edit that project) is set again by the rebuild.
    await reuseCounts?.set(sourceIssueId, tickets.size).catch(() => undefined);
    const facts = await store.factsOf(sourceIssueId);
    // Never folded (no record yet): its first save reads the list.
    if (facts && (facts.reused === true) !== tickets.size > 0) {
      await foldChange(store, sourceIssueId, facts, { ...facts, reused: tickets.size > 0 });
    }
  }
}

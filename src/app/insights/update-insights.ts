/**
 * Keeps the insight aggregates current when an issue's record changes (save, restore) or the
 * issue is deleted: its facts last folded are taken away, its new facts added. KVS has no
 * compare-and-set on plain values, so two updates of the same period at the same instant can
 * lose one; the scheduled rebuild repairs that (see README, "Insights (backend)").
 */
import type { IssueFacts } from '../../domain/insights/issue-facts';
import type { InsightsStorePort } from '../../ports/insights/insights-store.port';
import type { ReuseCountPort } from '../../ports/learned-before/reuse-count.port';
import { foldChange, readAggregatesOf } from './fold-change';
import { tellHelpedIssues } from './helped-issues';

/** `after`: the issue's new facts (whether it is reused is read here), or null when it is deleted. */
export async function updateInsights(
  store: InsightsStorePort,
  issueId: string,
  after: IssueFacts | null,
  reuseCounts?: ReuseCountPort,
): Promise<void> {
  // The aggregates the new facts fall in are read beside the issue's old facts: a save rarely moves an issue to
  // another period or project, so the fold usually needs no read of its own (one call too many when nothing changed).
  const [before, helped, known] = await Promise.all([
    store.factsOf(issueId),
    after ? store.helpedTickets(issueId) : [],
    after ? readAggregatesOf(store, after) : undefined,
  ]);
  const next = after && { ...after, reused: helped.length > 0 };
  await foldChange(store, issueId, before, next, known);
  // The earlier issues its "This helped" links gained or lost: their learnings' reuse may change.
  await tellHelpedIssues(store, issueId, before, next, reuseCounts);
  if (!after) await store.setHelpedTickets(issueId, []);
}

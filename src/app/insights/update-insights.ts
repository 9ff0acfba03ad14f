/**
 * Keeps the insight aggregates current when an issue's record changes (save, restore) or the
 * issue is deleted: its facts last folded are taken away, its new facts added. KVS has no
 * compare-and-set on plain values, so two updates of the same period at the same instant can
 * lose one; the scheduled rebuild repairs that (see README, "Insights (backend)").
 */
import type { IssueFacts } from '../../domain/insights/issue-facts';
import { applyChange, aggregateIdOf } from '../../domain/insights/period-aggregate';
import { summariesAfter } from '../../domain/insights/project-summary';
import type { InsightsStorePort } from '../../ports/insights/insights-store.port';

export async function updateInsights(store: InsightsStorePort, issueId: string, after: IssueFacts | null): Promise<void> {
  const before = await store.factsOf(issueId);
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const touched = [before, after].filter((facts): facts is IssueFacts => facts !== null);
  const { aggregates, summaries } = await store.read(
    [...new Set(touched.map(aggregateIdOf))],
    [...new Set(touched.map((facts) => facts.projectKey))],
  );
  const changedAggregates = applyChange(aggregates, before, after);
  const projectIds = new Map(touched.map((facts) => [facts.projectKey, facts.projectId]));
  const changedSummaries = summariesAfter(summaries, changedAggregates, (id) => {
    const cut = id.indexOf(':');
    const projectKey = id.slice(0, cut);
    return { projectKey, projectId: projectIds.get(projectKey) ?? '', periodKey: id.slice(cut + 1) };
  });
  await store.write({ issueId, facts: after, aggregates: changedAggregates, summaries: changedSummaries });
}

/** One issue's facts changing in the aggregates: remove `before`, add `after`, with the project summaries they change. */
import type { IssueFacts } from '../../domain/insights/issue-facts';
import { applyChange, aggregateIdOf } from '../../domain/insights/period-aggregate';
import { summariesAfter } from '../../domain/insights/project-summary';
import type { InsightsStorePort } from '../../ports/insights/insights-store.port';

/** Takes `before` away and adds `after`, with the project summaries they change, in one write. */
export async function foldChange(
  store: InsightsStorePort,
  issueId: string,
  before: IssueFacts | null,
  after: IssueFacts | null,
): Promise<void> {
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

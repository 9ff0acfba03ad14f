/** One issue's facts changing in the aggregates: remove `before`, add `after`, with the project summaries they change. */
import type { IssueFacts } from '../../domain/insights/issue-facts';
import { applyChange, aggregateIdOf } from '../../domain/insights/period-aggregate';
import { summariesAfter } from '../../domain/insights/project-summary';
import type { InsightsStorePort } from '../../ports/insights/insights-store.port';

type Found = Awaited<ReturnType<InsightsStorePort['read']>>;

/** What one `read` asked for and found (missing ones left out), to be used by a fold that needs them. */
export interface AggregatesRead {
  aggregateIds: readonly string[];
  projectKeys: readonly string[];
  found: Found;
}

/** Reads the aggregates and summaries of these facts' period and project, to fold a change into them later. */
export async function readAggregatesOf(store: InsightsStorePort, facts: IssueFacts): Promise<AggregatesRead> {
  const aggregateIds = [aggregateIdOf(facts)];
  const projectKeys = [facts.projectKey];
  return { aggregateIds, projectKeys, found: await store.read(aggregateIds, projectKeys) };
}

/** The aggregates and summaries asked for: from `known` where it asked for them, the rest read now (none left: no read). */
async function readWith(store: InsightsStorePort, aggregateIds: string[], projectKeys: string[], known?: AggregatesRead): Promise<Found> {
  const missingIds = aggregateIds.filter((id) => !known?.aggregateIds.includes(id));
  const missingKeys = projectKeys.filter((key) => !known?.projectKeys.includes(key));
  const read = missingIds.length + missingKeys.length > 0 ? await store.read(missingIds, missingKeys) : null;
  // Each id comes from one of them: `known` where it asked, the read otherwise.
  const pick = <T>(ids: string[], fromKnown: Map<string, T> | undefined, fromRead: Map<string, T> | undefined) => {
    const picked = new Map<string, T>();
    for (const id of ids) {
      const value = fromKnown?.get(id) ?? fromRead?.get(id);
      if (value !== undefined) picked.set(id, value);
    }
    return picked;
  };
  return {
    aggregates: pick(aggregateIds, known?.found.aggregates, read?.aggregates),
    summaries: pick(projectKeys, known?.found.summaries, read?.summaries),
  };
}

/** Takes `before` away and adds `after`, with the project summaries they change, in one write. */
export async function foldChange(
  store: InsightsStorePort,
  issueId: string,
  before: IssueFacts | null,
  after: IssueFacts | null,
  known?: AggregatesRead,
): Promise<void> {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const touched = [before, after].filter((facts): facts is IssueFacts => facts !== null);
  const { aggregates, summaries } = await readWith(
    store,
    [...new Set(touched.map(aggregateIdOf))],
    [...new Set(touched.map((facts) => facts.projectKey))],
    known,
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

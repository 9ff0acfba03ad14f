/**
 * The rebuild: every issue with a record read as the app, its facts recounted and every
 * aggregate replaced. It repairs whatever an update missed (a lost race between two saves of
 * the same period, a failed update, an issue moved to another sprint, records written before
 * the app counted them).
 */
import { factsOf, type IssueFacts } from '../../domain/insights/issue-facts';
import { aggregateAll } from '../../domain/insights/period-aggregate';
import { summariesOf } from '../../domain/insights/project-summary';
import { readStoredProperty } from '../../domain/record/record-schema';
import type { InsightsSourcePort, InsightsStorePort } from '../../ports/insights/insights-store.port';

export interface RebuildDeps {
  source: InsightsSourcePort;
  store: InsightsStorePort;
  /** The site's Sprint field id, asked of Jira when not cached (null without Jira Software). */
  sprintFieldId: () => Promise<string | null>;
}

export interface RebuildSummary {
  issues: number;
  periods: number;
  projects: number;
  pages: number;
}

export async function rebuildInsights(deps: RebuildDeps): Promise<RebuildSummary> {
  const sprintFieldId = await deps.sprintFieldId();
  const facts: IssueFacts[] = [];
  let pageToken: string | null = null;
  let pages = 0;
  do {
    const page = await deps.source.page(sprintFieldId, pageToken);
    pages++;
    for (const issue of page.issues) {
      const reading = readStoredProperty(issue.property);
      if (reading.kind === 'record') facts.push(factsOf(issue.fields, reading.record));
    }
    pageToken = page.nextPageToken;
  } while (pageToken);
  const helped = helpedTicketsOf(facts);
  const counted = facts.map((f) => ({ ...f, reused: helped.has(f.issueId) }));
  const aggregates = aggregateAll(counted);
  const summaries = summariesOf(aggregates.values());
  await deps.store.replaceAll(counted, aggregates, summaries, helped);
  return { issues: facts.length, periods: aggregates.size, projects: summaries.size, pages };
}

/** Each earlier issue with the tickets whose "This helped" links point at it, from every record. */
function helpedTicketsOf(facts: readonly IssueFacts[]): Map<string, string[]> {
  const helped = new Map<string, string[]>();
  for (const ticket of facts) {
    for (const sourceIssueId of ticket.helpedIssueIds ?? [])
      helped.set(sourceIssueId, [...(helped.get(sourceIssueId) ?? []), ticket.issueId]);
  }
  for (const tickets of helped.values()) tickets.sort();
  return helped;
}

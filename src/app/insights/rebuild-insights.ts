/**
 * The rebuild: every issue with a record read as the app, its facts recounted, the resolved
 * issues without a record of the same projects added to coverage's denominator, and every
 * aggregate replaced. It repairs whatever an update missed (a lost race between two saves of
 * the same period, a failed update, an issue moved to another sprint, records written before
 * the app counted them), and rewrites the reuse counts and searchable texts that lag the records.
 */
import { factsOf, factsWithoutRecord, type IssueFacts } from '../../domain/insights/issue-facts';
import { aggregateAll } from '../../domain/insights/period-aggregate';
import { summariesOf } from '../../domain/insights/project-summary';
import { readStoredProperty } from '../../domain/record/record-schema';
import { learningTextOf } from '../../domain/record/text-index';
import type { InsightsSourcePort, InsightsStorePort } from '../../ports/insights/insights-store.port';
import type { ReuseCountPort } from '../../ports/learned-before/reuse-count.port';
import type { SearchableTextPort } from '../../ports/record/searchable-text.port';

export interface RebuildDeps {
  source: InsightsSourcePort;
  store: InsightsStorePort;
  /** The site's Sprint field id, asked of Jira when not cached (null without Jira Software). */
  sprintFieldId: () => Promise<string | null>;
  /**
   * When reading must stop (ms since the epoch): checked before each search page, so that a
   * rebuild that cannot finish in time gives up before writing anything. None: read to the end.
   */
  deadlineAt?: number;
  /** The clock the deadline is checked against (ms since the epoch). */
  now?: () => number;
  /** Where each record's reuse count is set when it differs from the count read (none: not set). */
  reuseCounts?: ReuseCountPort;
  /** Where a record's searchable texts are rewritten when they differ from its learnings (none: not written). */
  searchableText?: SearchableTextPort;
}

/** The rebuild would not have read every page by its deadline; nothing was written. */
export class RebuildTooLong extends Error {
  constructor(readonly pagesRead: number) {
    super(`The rebuild had read ${pagesRead} search pages when its time ran out; nothing was written.`);
    this.name = 'RebuildTooLong';
  }
}

export interface RebuildSummary {
  issues: number;
  periods: number;
  projects: number;
  pages: number;
  /** Reuse counts and texts Jira refused to write this time (the next rebuild tries again). */
  writesRefused: number;
}

export async function rebuildInsights(deps: RebuildDeps): Promise<RebuildSummary> {
  const sprintFieldId = await deps.sprintFieldId();
  const facts: IssueFacts[] = [];
  /** The reuse count each record's issue carries now, to set only those that differ. */
  const countsRead = new Map<string, number>();
  /** The records whose searchable texts lag them (a write after the save failed, or never made). */
  const staleTexts = new Set<string>();
  let pageToken: string | null = null;
  let pages = 0;
  do {
    checkDeadline(deps, pages);
    const page = await deps.source.page(sprintFieldId, pageToken, deps.searchableText !== undefined);
    pages++;
    for (const issue of page.issues) {
      const reading = readStoredProperty(issue.property);
      if (reading.kind !== 'record') continue;
      facts.push(factsOf(issue.fields, reading.record));
      countsRead.set(issue.fields.issueId, issue.reuses ?? 0);
      if (deps.searchableText && issue.text !== learningTextOf(reading.record).text) staleTexts.add(issue.fields.issueId);
    }
    pageToken = page.nextPageToken;
  } while (pageToken);
  pages += await addResolvedWithoutRecord(deps, sprintFieldId, facts, pages);
  const helped = helpedTicketsOf(facts);
  const counted = facts.map((f) => ({ ...f, reused: helped.has(f.issueId) }));
  const aggregates = aggregateAll(counted);
  const summaries = summariesOf(aggregates.values());
  await deps.store.replaceAll(counted, aggregates, summaries, helped);
  const refusedCounts = deps.reuseCounts ? await setReuseCounts(deps.reuseCounts, countsRead, helped) : 0;
  const refusedTexts = deps.searchableText ? await setTexts(deps.searchableText, staleTexts) : 0;
  return {
    issues: facts.filter((f) => f.hasRecord !== false).length,
    periods: aggregates.size,
    projects: summaries.size,
    pages,
    writesRefused: refusedCounts + refusedTexts,
  };
}

/** Appends the facts of the resolved issues without a record in the projects that hold records; answers the pages read. */
async function addResolvedWithoutRecord(
  deps: RebuildDeps,
  sprintFieldId: string | null,
  facts: IssueFacts[],
  pagesBefore: number,
): Promise<number> {
  const projectKeys = [...new Set(facts.map((f) => f.projectKey))].sort();
  if (projectKeys.length === 0) return 0;
  const withRecord = new Set(facts.map((f) => f.issueId));
  let pageToken: string | null = null;
  let pages = 0;
  do {
    checkDeadline(deps, pagesBefore + pages);
    const page = await deps.source.resolvedWithoutRecord(projectKeys, sprintFieldId, pageToken);
    pages++;
    for (const fields of page.issues) {
      // A record saved since the first read is already counted from it.
      const bare = withRecord.has(fields.issueId) ? null : factsWithoutRecord(fields);
      if (bare) facts.push(bare);
    }
    pageToken = page.nextPageToken;
  } while (pageToken);
  return pages;
}

function checkDeadline(deps: RebuildDeps, pagesRead: number): void {
  if (deps.deadlineAt !== undefined && (deps.now ?? Date.now)() >= deps.deadlineAt) throw new RebuildTooLong(pagesRead);
}

/** How many reuse counts or texts one rebuild sets at a time (each one Jira call). */
const WRITES_AT_ONCE = 10;

/** Runs the writes WRITES_AT_ONCE at a time; one refused is left for the next rebuild. Answers how many were refused. */
async function inBatches<T>(items: readonly T[], write: (item: T) => Promise<void>): Promise<number> {
  let refused = 0;
  for (let i = 0; i < items.length; i += WRITES_AT_ONCE) {
    const settled = await Promise.allSettled(items.slice(i, i + WRITES_AT_ONCE).map(write));
    refused += settled.filter((s) => s.status === 'rejected').length;
  }
  return refused;
}

/**
 * Rewrites the texts that lagged their records when read, each from its record read again just before: a save
 * between the rebuild's read and this write is not undone (its own write of the texts comes after its record).
 */
const setTexts = (port: SearchableTextPort, stale: ReadonlySet<string>) =>
  inBatches([...stale], async (issueId) => {
    const reading = readStoredProperty(await port.currentRecord(issueId));
    if (reading.kind === 'record') await port.set(issueId, learningTextOf(reading.record));
  });

/** Sets the counts that differ from what the records' issues carry. */
async function setReuseCounts(
  reuseCounts: ReuseCountPort,
  countsRead: ReadonlyMap<string, number>,
  helped: ReadonlyMap<string, readonly string[]>,
): Promise<number> {
  const changed = [...countsRead]
    .map(([issueId, count]) => ({ issueId, count, wanted: helped.get(issueId)?.length ?? 0 }))
    .filter(({ count, wanted }) => count !== wanted);
  return inBatches(changed, ({ issueId, wanted }) => reuseCounts.set(issueId, wanted));
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

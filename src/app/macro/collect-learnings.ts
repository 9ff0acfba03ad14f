import { AppError } from '../../contract/errors';
import { cardOf } from '../../domain/search/card-of';
import type { Grouping, LearningCard } from '../../domain/search/learning-cards';
import { buildLearningJql, type LearningQuery } from '../../domain/search/learning-query';
import type { BrowsePermissionPort, IssuePart, IssueSearchPort } from '../../ports/search/issue-search.port';
import type { RecentWritesPort } from '../../ports/record/recent-writes.port';
import type { SiteFactsPort } from '../../ports/search/site-facts.port';
import { hideUnbrowsableLinksInCards } from '../record/hide-unbrowsable-links';

export interface CollectDeps {
  /** Search as the person: Jira filters by their permissions. Never as the app: see README, "Read as the viewer". */
  userSearch: IssueSearchPort;
  permissions: BrowsePermissionPort;
  recentWrites: RecentWritesPort;
  site: SiteFactsPort;
  now: () => Date;
}

export interface CollectedPage {
  cards: LearningCard[];
  nextPageToken: string | null;
  jql: string;
  asOf: string;
}

/**
 * Jira's cap for a search that asks for fields: every page, the first included, is full, so the
 * whole set is as few searches as Jira allows. With only the summary and the property per issue,
 * a first page of 100 weighs what 50 issues with every field did.
 */
export const DEFAULT_PAGE_SIZE = 100;

/** Fields the cards need beyond the summary: only what the grouping shows (cards show summary and record). */
export function partsForGrouping(groupBy: Grouping | undefined): IssuePart[] {
  if (groupBy === 'project') return ['project'];
  if (groupBy === 'epic') return ['parent'];
  return [];
}

/**
 * A first page leaves beside the read of the person's recent writes: most viewers wrote nothing in the last minutes,
 * and someone who did has it searched again with their writes reconciled (one search more, for them only). Later
 * pages wait for the read: a writer scrolling the whole set would pay a search twice per page.
 */
async function firstPage<T>(searchReconciling: (ids: string[]) => Promise<T>, recent: Promise<string[]>): Promise<T> {
  const unreconciled = searchReconciling([]);
  unreconciled.catch(() => undefined); // awaited only when the person wrote nothing lately
  const ids = await recent;
  return ids.length > 0 ? searchReconciling(ids) : unreconciled;
}

/**
 * One page of learnings for a query: one JQL search call as the person, with the
 * records in `properties=`. When the person has not yet granted the app access,
 * `@forge/api` throws a consent error that is left to leave the function, so that
 * Forge prompts them; nothing is read as the app instead.
 */
export async function collectLearnings(
  deps: CollectDeps,
  input: { accountId: string; query: LearningQuery; pageToken?: string | null; pageSize?: number; groupBy?: Grouping },
): Promise<CollectedPage> {
  const built = buildLearningJql(input.query);
  if (!built.ok) throw new AppError('INVALID_INPUT', built.message);
  // Beside the search: the site's Sprint field when grouping by sprint, and what the person just wrote (so it shows).
  const sprintFieldId = input.groupBy === 'sprint' ? deps.site.sprintFieldId() : Promise.resolve(null);
  sprintFieldId.catch(() => undefined); // its failure reaches the search that awaits it
  const recent = deps.recentWrites.recent(input.accountId).catch(() => [] as string[]);
  const searchReconciling = async (reconcileIssueIds: string[]) =>
    deps.userSearch.search({
      jql: built.jql,
      pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE,
      pageToken: input.pageToken,
      reconcileIssueIds,
      sprintFieldId: await sprintFieldId,
      parts: partsForGrouping(input.groupBy),
    });
  const { hits, nextPageToken } = await (input.pageToken ? searchReconciling(await recent) : firstPage(searchReconciling, recent));
  const cards = hits.map(cardOf).filter((card): card is LearningCard => card !== null);
  return {
    cards: await hideUnbrowsableLinksInCards(deps.permissions, input.accountId, cards),
    nextPageToken,
    jql: built.jql,
    asOf: deps.now().toISOString(),
  };
}

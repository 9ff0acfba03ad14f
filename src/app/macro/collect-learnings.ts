import { AppError } from '../../contract/errors';
import { cardOf } from '../../domain/search/card-of';
import type { LearningCard } from '../../domain/search/learning-cards';
import { buildLearningJql, type LearningQuery } from '../../domain/search/learning-query';
import type { BrowsePermissionPort, IssueSearchPort } from '../../ports/search/issue-search.port';
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

export const DEFAULT_PAGE_SIZE = 50;

/**
 * One page of learnings for a query: one JQL search call as the person, with the
 * records in `properties=`. When the person has not yet granted the app access,
 * `@forge/api` throws a consent error that is left to leave the function, so that
 * Forge prompts them; nothing is read as the app instead.
 */
export async function collectLearnings(
  deps: CollectDeps,
  input: { accountId: string; query: LearningQuery; pageToken?: string | null; pageSize?: number; withSprints?: boolean },
): Promise<CollectedPage> {
  const built = buildLearningJql(input.query);
  if (!built.ok) throw new AppError('INVALID_INPUT', built.message);
  // In parallel: what the person just wrote (so the search shows it), and the site's Sprint field when grouping by sprint.
  const [reconcileIssueIds, sprintFieldId] = await Promise.all([
    deps.recentWrites.recent(input.accountId).catch(() => []),
    input.withSprints ? deps.site.sprintFieldId() : Promise.resolve(null),
  ]);
  const request = {
    jql: built.jql,
    pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE,
    pageToken: input.pageToken,
    reconcileIssueIds,
    sprintFieldId,
  };

  const { hits, nextPageToken } = await deps.userSearch.search(request);
  const cards = hits.map(cardOf).filter((card): card is LearningCard => card !== null);
  return {
    cards: await hideUnbrowsableLinksInCards(deps.permissions, input.accountId, cards),
    nextPageToken,
    jql: built.jql,
    asOf: deps.now().toISOString(),
  };
}

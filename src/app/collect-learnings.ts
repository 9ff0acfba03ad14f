import { AppError } from '../contract/errors';
import { cardOf } from '../domain/card-of';
import type { LearningCard } from '../domain/learning-cards';
import { buildLearningJql, type LearningQuery } from '../domain/learning-query';
import type { BrowsePermissionPort, IssueSearchPort, LearningHit } from '../ports/issue-search.port';
import { hideUnbrowsableLinksInCards } from './hide-unbrowsable-links';

export interface CollectDeps {
  /** Search as the person: Jira filters by their permissions. */
  userSearch: IssueSearchPort;
  /** Search as the app, for where Forge refuses to act as the person (Confluence). */
  appSearch: IssueSearchPort;
  permissions: BrowsePermissionPort;
  now: () => Date;
}

export interface CollectedPage {
  cards: LearningCard[];
  nextPageToken: string | null;
  jql: string;
  asOf: string;
  /** How the page was read: as the person, or as the app filtered by the person's Browse permission. */
  readAs: 'user' | 'app-filtered';
}

export const DEFAULT_PAGE_SIZE = 50;

/**
 * One page of learnings for a query: one JQL search call with the records in
 * `properties=`. Where Forge will not act as the person, the page is read as
 * the app and every issue the person cannot browse is dropped before anything
 * is returned.
 */
export async function collectLearnings(
  deps: CollectDeps,
  input: { accountId: string; query: LearningQuery; pageToken?: string | null; pageSize?: number },
): Promise<CollectedPage> {
  const built = buildLearningJql(input.query);
  if (!built.ok) throw new AppError('INVALID_INPUT', built.message);
  const request = { jql: built.jql, pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE, pageToken: input.pageToken };

  let hits: LearningHit[];
  let nextPageToken: string | null;
  let readAs: CollectedPage['readAs'] = 'user';
  try {
    ({ hits, nextPageToken } = await deps.userSearch.search(request));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CONSENT_REQUIRED') throw error;
    ({ hits, nextPageToken } = await deps.appSearch.search(request));
    const allowed = await deps.permissions.browsableIssueIds(input.accountId, hits.map((hit) => hit.id));
    hits = hits.filter((hit) => allowed.has(hit.id));
    readAs = 'app-filtered';
  }
  const cards = hits.map(cardOf).filter((card): card is LearningCard => card !== null);
  return {
    cards: await hideUnbrowsableLinksInCards(deps.permissions, input.accountId, cards),
    nextPageToken,
    jql: built.jql,
    asOf: deps.now().toISOString(),
    readAs,
  };
}

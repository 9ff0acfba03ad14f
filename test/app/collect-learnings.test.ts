/** Collecting learnings for the macro: one JQL search per page, and nobody sees an issue they cannot browse. */
import { collectLearnings, type CollectDeps } from '../../src/app/macro/collect-learnings';
import { AppError } from '../../src/contract/errors';
import { toStoredProperty } from '../../src/domain/record/stored-format';
import type {
  BrowsePermissionPort,
  IssueSearchPort,
  LearningHit,
  SearchPage,
  SearchRequest,
} from '../../src/ports/search/issue-search.port';
import { aDraft, aRecord } from '../support/learning-mother';
import { FixedSiteFacts, InMemoryRecentWrites } from '../support/in-memory-ports';

/** Jira's search over a fixed list of hits, paged by an opaque token; counts what each call would cost. */
class InMemoryIssueSearch implements IssueSearchPort {
  calls = { search: 0, validate: 0, approximateCount: 0 };
  lastJql: string | null = null;
  lastRequest: SearchRequest | null = null;
  refuse: Error | null = null;

  constructor(private readonly hits: LearningHit[]) {}

  search(input: SearchRequest): Promise<SearchPage> {
    this.calls.search++;
    if (this.refuse) return Promise.reject(this.refuse);
    this.lastJql = input.jql;
    this.lastRequest = input;
    const start = input.pageToken ? Number(input.pageToken.replace('page-', '')) : 0;
    const end = start + input.pageSize;
    return Promise.resolve({
      hits: structuredClone(this.hits.slice(start, end)),
      nextPageToken: end < this.hits.length ? `page-${end}` : null,
    });
  }

  validate(): Promise<string[]> {
    this.calls.validate++;
    return Promise.resolve([]);
  }

  approximateCount(): Promise<number> {
    this.calls.approximateCount++;
    return Promise.resolve(this.hits.length);
  }
}

class InMemoryPermissions implements BrowsePermissionPort {
  calls = 0;
  asked: string[][] = [];
  constructor(private readonly browsable: Record<string, ReadonlySet<string>>) {}

  browsableIssueIds(accountId: string, issueIds: readonly string[]): Promise<Set<string>> {
    this.calls++;
    this.asked.push([...issueIds]);
    const allowed = this.browsable[accountId] ?? new Set();
    return Promise.resolve(new Set(issueIds.filter((id) => allowed.has(id))));
  }
}

function aHit(n: number, project = 'FLEX', property: unknown = toStoredProperty(aRecord())): LearningHit {
  return {
    id: String(10000 + n),
    key: `${project}-${n}`,
    summary: `Issue ${n}`,
    project: { key: project, name: project },
    status: 'Done',
    parent: null,
    sprints: [],
    created: '2026-10-01T09:00:00.000Z',
    property,
  };
}

const query = { jql: 'learningTags = pricing', surprisesOnly: false, outcomes: [], sort: 'updated' as const };

function depsWith(hits: LearningHit[], browsable: Record<string, ReadonlySet<string>> = {}) {
  const userSearch = new InMemoryIssueSearch(hits);
  const permissions = new InMemoryPermissions(browsable);
  const recentWrites = new InMemoryRecentWrites();
  const site = new FixedSiteFacts();
  const deps: CollectDeps = { userSearch, permissions, recentWrites, site, now: () => new Date('2026-11-21T09:00:00.000Z') };
  return { deps, userSearch, permissions, recentWrites, site };
}

describe('collectLearnings', () => {
  it('reads one page with one search as the person, and says when it was read', async () => {
    const { deps, userSearch, permissions } = depsWith([aHit(1), aHit(2), aHit(3)]);
    const page = await collectLearnings(deps, { accountId: 'acc-alice', query });
    expect(userSearch.calls.search).toBe(1);
    expect(permissions.calls).toBe(0);
    expect(page.cards.map((c) => c.issue.key)).toEqual(['FLEX-1', 'FLEX-2', 'FLEX-3']);
    expect(page.asOf).toBe('2026-11-21T09:00:00.000Z');
    expect(page.nextPageToken).toBeNull();
    expect(page.jql).toContain('learningTags = pricing');
    expect(page.jql).toMatch(/learningOutcome IS NOT EMPTY/i);
    expect(userSearch.lastJql).toBe(page.jql);
  });

  it("passes the person's recent writes to the search to reconcile, and asks for the Sprint field only when grouping by sprint", async () => {
    const { deps, userSearch, recentWrites, site } = depsWith([aHit(1)]);
    await recentWrites.remember('acc-alice', '10042');
    await collectLearnings(deps, { accountId: 'acc-alice', query });
    expect(userSearch.lastRequest).toMatchObject({ reconcileIssueIds: ['10042'], sprintFieldId: null });
    expect(site.calls).toBe(0);
    await collectLearnings(deps, { accountId: 'acc-bob', query, groupBy: 'sprint' });
    expect(userSearch.lastRequest).toMatchObject({ reconcileIssueIds: [], sprintFieldId: 'customfield_10020' });
  });

  it("sends a first page's search before the recent writes are read, and again, reconciled, only for someone who wrote lately", async () => {
    const { deps, userSearch, recentWrites } = depsWith([aHit(1)]);
    await recentWrites.remember('acc-alice', '10042');
    const readRecent = recentWrites.recent.bind(recentWrites);
    const held: Array<() => void> = [];
    recentWrites.recent = (accountId) =>
      new Promise((resolve) => {
        held.push(() => {
          resolve(readRecent(accountId));
        });
      });
    const reader = collectLearnings(deps, { accountId: 'acc-dan', query });
    await new Promise((resolve) => setImmediate(resolve));
    expect(userSearch.calls.search).toBe(1);
    held.splice(0).forEach((answer) => {
      answer();
    });
    await reader;
    expect(userSearch.calls.search).toBe(1);
    expect(userSearch.lastRequest).toMatchObject({ reconcileIssueIds: [] });

    const writer = collectLearnings(deps, { accountId: 'acc-alice', query });
    await new Promise((resolve) => setImmediate(resolve));
    held.splice(0).forEach((answer) => {
      answer();
    });
    await writer;
    expect(userSearch.calls.search).toBe(3);
    expect(userSearch.lastRequest).toMatchObject({ reconcileIssueIds: ['10042'] });
  });

  it('waits for the recent writes before a later page: one search a page, reconciled', async () => {
    const hits = Array.from({ length: 120 }, (_, i) => aHit(i + 1));
    const { deps, userSearch, recentWrites } = depsWith(hits);
    await recentWrites.remember('acc-alice', '10042');
    const first = await collectLearnings(deps, { accountId: 'acc-alice', query });
    const searchesBefore = userSearch.calls.search;
    await collectLearnings(deps, { accountId: 'acc-alice', query, pageToken: first.nextPageToken });
    expect(userSearch.calls.search - searchesBefore).toBe(1);
    expect(userSearch.lastRequest).toMatchObject({ reconcileIssueIds: ['10042'], pageToken: first.nextPageToken });
  });

  it('asks for no field beyond the summary unless the grouping shows it (project name, epic)', async () => {
    const { deps, userSearch } = depsWith([aHit(1)]);
    await collectLearnings(deps, { accountId: 'acc-alice', query, groupBy: 'outcome' });
    expect(userSearch.lastRequest?.parts).toEqual([]);
    await collectLearnings(deps, { accountId: 'acc-alice', query, groupBy: 'project' });
    expect(userSearch.lastRequest?.parts).toEqual(['project']);
    await collectLearnings(deps, { accountId: 'acc-alice', query, groupBy: 'epic' });
    expect(userSearch.lastRequest?.parts).toEqual(['parent']);
  });

  it('makes cards only of readable records', async () => {
    const hits = [aHit(1), aHit(2, 'FLEX', null), aHit(3, 'FLEX', { schemaVersion: 99 }), aHit(4, 'FLEX', 'nonsense'), aHit(5)];
    const { deps } = depsWith(hits);
    const page = await collectLearnings(deps, { accountId: 'acc-alice', query });
    expect(page.cards.map((c) => c.issue.key)).toEqual(['FLEX-1', 'FLEX-5']);
    expect(page.cards[0]!.record.hypothesis).toMatch(/Flex as a refund option/);
    expect(page.cards[0]!.issue).not.toHaveProperty('property');
  });

  it('pages by token: every page is one search, the last page has no token', async () => {
    const hits = Array.from({ length: 120 }, (_, i) => aHit(i + 1));
    const { deps, userSearch } = depsWith(hits);
    const keys: string[] = [];
    let token: string | null | undefined;
    let pages = 0;
    do {
      const page = await collectLearnings(deps, { accountId: 'acc-alice', query, pageToken: token, pageSize: 50 });
      keys.push(...page.cards.map((c) => c.issue.key));
      token = page.nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(userSearch.calls.search).toBe(3);
    expect(keys).toHaveLength(120);
    expect(new Set(keys).size).toBe(120);
  });

  it('lets a consent error through untouched, so Forge can ask the person for access, and reads nothing as the app', async () => {
    const { deps, userSearch, permissions } = depsWith([aHit(1, 'FLEX'), aHit(2, 'GROW')]);
    const consent = Object.assign(new Error('Authentication Required'), { name: 'NEEDS_AUTHENTICATION_ERR' });
    userSearch.refuse = consent;
    await expect(collectLearnings(deps, { accountId: 'acc-carol', query })).rejects.toBe(consent);
    expect(userSearch.calls.search).toBe(1);
    expect(permissions.calls).toBe(0);
  });

  it('passes any other failure on as it is', async () => {
    const { deps, userSearch } = depsWith([aHit(1)]);
    userSearch.refuse = new AppError('JIRA_UNAVAILABLE', 'Jira is down.');
    await expect(collectLearnings(deps, { accountId: 'acc-alice', query })).rejects.toMatchObject({ code: 'JIRA_UNAVAILABLE' });
  });

  it('answers a JQL syntax error with INVALID_INPUT before any call', async () => {
    const { deps, userSearch } = depsWith([aHit(1)]);
    await expect(collectLearnings(deps, { accountId: 'acc-alice', query: { ...query, jql: 'project = (' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/JQL/),
    });
    expect(userSearch.calls.search).toBe(0);
  });

  it("passes Jira's own JQL error through as INVALID_INPUT", async () => {
    const { deps, userSearch } = depsWith([aHit(1)]);
    userSearch.refuse = new AppError('INVALID_INPUT', "Field 'sprnt' does not exist or you do not have permission to view it.");
    await expect(collectLearnings(deps, { accountId: 'acc-alice', query: { ...query, jql: 'sprnt = 4' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('sprnt'),
    });
  });

  it('narrows by surprises and outcomes in the JQL, not after the search', async () => {
    const { deps, userSearch } = depsWith([
      aHit(1, 'FLEX', toStoredProperty(aRecord(aDraft().withSurprise('Wow').withOutcome('invalidated').build()))),
    ]);
    await collectLearnings(deps, { accountId: 'acc-alice', query: { ...query, surprisesOnly: true, outcomes: ['invalidated'] } });
    expect(userSearch.lastJql).toMatch(/learningSurprise = "true"/);
    expect(userSearch.lastJql).toMatch(/learningOutcome IN \(invalidated\)/);
  });
});

/** Collecting learnings for the macro: one JQL search per page, and nobody sees an issue they cannot browse. */
import { collectLearnings, type CollectDeps } from '../../src/app/collect-learnings';
import { AppError } from '../../src/contract/errors';
import { toStoredProperty } from '../../src/domain/learning-record';
import type { BrowsePermissionPort, IssueSearchPort, LearningHit, SearchPage } from '../../src/ports/issue-search.port';
import { aDraft, aRecord } from '../support/learning-mother';

/** Jira's search over a fixed list of hits, paged by an opaque token; counts what each call would cost. */
class InMemoryIssueSearch implements IssueSearchPort {
  calls = { search: 0, validate: 0, approximateCount: 0 };
  lastJql: string | null = null;
  refuse: AppError | null = null;

  constructor(private readonly hits: LearningHit[]) {}

  async search(input: { jql: string; pageSize: number; pageToken?: string | null }): Promise<SearchPage> {
    this.calls.search++;
    if (this.refuse) throw this.refuse;
    this.lastJql = input.jql;
    const start = input.pageToken ? Number(input.pageToken.replace('page-', '')) : 0;
    const end = start + input.pageSize;
    return { hits: structuredClone(this.hits.slice(start, end)), nextPageToken: end < this.hits.length ? `page-${end}` : null };
  }

  async validate(): Promise<string[]> {
    this.calls.validate++;
    return [];
  }

  async approximateCount(): Promise<number> {
    this.calls.approximateCount++;
    return this.hits.length;
  }
}

class InMemoryPermissions implements BrowsePermissionPort {
  calls = 0;
  asked: string[][] = [];
  constructor(private readonly browsable: Record<string, ReadonlySet<string>>) {}

  async browsableIssueIds(accountId: string, issueIds: readonly string[]): Promise<Set<string>> {
    this.calls++;
    this.asked.push([...issueIds]);
    const allowed = this.browsable[accountId] ?? new Set();
    return new Set(issueIds.filter((id) => allowed.has(id)));
  }
}

function aHit(n: number, project = 'FLEX', property: unknown = toStoredProperty(aRecord())): LearningHit {
  return {
    id: String(10000 + n),
    key: `${project}-${n}`,
    summary: `Issue ${n}`,
    project: { key: project, name: project },
    status: 'Done',
    issueType: 'Story',
    parent: null,
    sprints: [],
    created: '2026-10-01T09:00:00.000Z',
    updated: '2026-11-01T09:00:00.000Z',
    property,
  };
}

const query = { jql: 'learningTags = pricing', surprisesOnly: false, outcomes: [], sort: 'updated' as const };

function depsWith(hits: LearningHit[], browsable: Record<string, ReadonlySet<string>> = {}) {
  const userSearch = new InMemoryIssueSearch(hits);
  const appSearch = new InMemoryIssueSearch(hits);
  const permissions = new InMemoryPermissions(browsable);
  const deps: CollectDeps = { userSearch, appSearch, permissions, now: () => new Date('2026-11-21T09:00:00.000Z') };
  return { deps, userSearch, appSearch, permissions };
}

describe('collectLearnings', () => {
  it('reads one page with one search as the person, and says when it was read', async () => {
    const { deps, userSearch, appSearch, permissions } = depsWith([aHit(1), aHit(2), aHit(3)]);
    const page = await collectLearnings(deps, { accountId: 'acc-alice', query });
    expect(userSearch.calls.search).toBe(1);
    expect(appSearch.calls.search).toBe(0);
    expect(permissions.calls).toBe(0);
    expect(page.cards.map((c) => c.issue.key)).toEqual(['FLEX-1', 'FLEX-2', 'FLEX-3']);
    expect(page.readAs).toBe('user');
    expect(page.asOf).toBe('2026-11-21T09:00:00.000Z');
    expect(page.nextPageToken).toBeNull();
    expect(page.jql).toContain('learningTags = pricing');
    expect(page.jql).toMatch(/learningOutcome IS NOT EMPTY/i);
    expect(userSearch.lastJql).toBe(page.jql);
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

  it('where Forge will not act as the person, reads as the app and drops every issue they cannot browse', async () => {
    const hits = [aHit(1, 'FLEX'), aHit(2, 'GROW'), aHit(3, 'FLEX'), aHit(4, 'GROW')];
    const carolMay = new Set(['10001', '10003']);
    const { deps, userSearch, appSearch, permissions } = depsWith(hits, { 'acc-carol': carolMay });
    userSearch.refuse = new AppError('CONSENT_REQUIRED', 'The app may not act as this person here.');
    const page = await collectLearnings(deps, { accountId: 'acc-carol', query });
    expect(page.readAs).toBe('app-filtered');
    expect(page.cards.map((c) => c.issue.key)).toEqual(['FLEX-1', 'FLEX-3']);
    expect(page.cards.some((c) => c.issue.project.key === 'GROW')).toBe(false);
    // One search as the person (refused), one as the app, one permission check for the whole page.
    expect(userSearch.calls.search).toBe(1);
    expect(appSearch.calls.search).toBe(1);
    expect(permissions.calls).toBe(1);
    expect(permissions.asked[0]).toEqual(['10001', '10002', '10003', '10004']);
  });

  it('shows nothing read as the app to someone who may browse nothing', async () => {
    const { deps, userSearch } = depsWith([aHit(1), aHit(2)]);
    userSearch.refuse = new AppError('CONSENT_REQUIRED', 'refused');
    const page = await collectLearnings(deps, { accountId: 'acc-nobody', query });
    expect(page.cards).toEqual([]);
  });

  it('keeps the paging token in the app-filtered mode, even when a page is filtered empty', async () => {
    const hits = [...Array.from({ length: 3 }, (_, i) => aHit(i + 1, 'GROW')), aHit(4, 'FLEX')];
    const { deps, userSearch } = depsWith(hits, { 'acc-carol': new Set(['10004']) });
    userSearch.refuse = new AppError('CONSENT_REQUIRED', 'refused');
    const first = await collectLearnings(deps, { accountId: 'acc-carol', query, pageSize: 3 });
    expect(first.cards).toEqual([]);
    expect(first.nextPageToken).toBe('page-3');
    const second = await collectLearnings(deps, { accountId: 'acc-carol', query, pageSize: 3, pageToken: first.nextPageToken });
    expect(second.cards.map((c) => c.issue.key)).toEqual(['FLEX-4']);
    expect(second.nextPageToken).toBeNull();
  });

  it('does not fall back to the app for any other failure', async () => {
    const { deps, userSearch, appSearch } = depsWith([aHit(1)]);
    userSearch.refuse = new AppError('JIRA_UNAVAILABLE', 'Jira is down.');
    await expect(collectLearnings(deps, { accountId: 'acc-alice', query })).rejects.toMatchObject({ code: 'JIRA_UNAVAILABLE' });
    expect(appSearch.calls.search).toBe(0);
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
    const { deps, userSearch } = depsWith([aHit(1, 'FLEX', toStoredProperty(aRecord(aDraft().withSurprise('Wow').withOutcome('invalidated').build())))]);
    await collectLearnings(deps, { accountId: 'acc-alice', query: { ...query, surprisesOnly: true, outcomes: ['invalidated'] } });
    expect(userSearch.lastJql).toMatch(/learningSurprise = "true"/);
    expect(userSearch.lastJql).toMatch(/learningOutcome IN \(invalidated\)/);
  });
});

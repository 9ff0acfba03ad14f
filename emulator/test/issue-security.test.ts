/**
 * Issue security levels on the local site: an issue with a level is seen only by its members
 * (and the app) in the search, its count, the issue GET and permissions/check; an issue property
 * alias is EMPTY on issues without the property, as the app's rebuild asks.
 */
import { useDemoSite } from './support/demo-site';

const site = useDemoSite({ resetBeforeEach: 'demo-data-and-calls' });
beforeEach(() => {
  site.jira.search.setIndexDelay(0);
});

const count = async (as: string, jql: string) =>
  (await site.requestJira(as, 'POST', '/rest/api/3/search/approximate-count', JSON.stringify({ jql }))).body as { count: number };

describe('issue security', () => {
  it('hides an issue from everyone but its level’s members and the app', async () => {
    const issue = site.store.listIssues('FLEX')[0]!;
    const before = { bob: await count('bob', 'project = FLEX'), app: await count('app', 'project = FLEX') };
    expect(before.bob).toEqual(before.app);
    site.store.issueSecurity.restrict(issue.id, [site.user('alice').accountId]);
    expect(await count('bob', 'project = FLEX')).toEqual({ count: before.bob.count - 1 });
    expect(await count('alice', 'project = FLEX')).toEqual(before.app);
    expect(await count('app', 'project = FLEX')).toEqual(before.app);
    expect((await site.requestJira('bob', 'GET', `/rest/api/3/issue/${issue.key}`)).status).toBe(404);
    expect((await site.requestJira('alice', 'GET', `/rest/api/3/issue/${issue.key}`)).status).toBe(200);
    const check = await site.requestJira(
      'bob',
      'POST',
      '/rest/api/3/permissions/check',
      JSON.stringify({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [Number(issue.id)] }] }),
    );
    expect(check.body).toMatchObject({ projectPermissions: [{ permission: 'BROWSE_PROJECTS', issues: [] }] });
    site.store.issueSecurity.restrict(issue.id, null);
    expect(await count('bob', 'project = FLEX')).toEqual(before.bob);
  });

  it('finds issues without a learning record with `learningCount IS EMPTY`', async () => {
    const all = site.store.listIssues('FLEX');
    const without = all.filter((i) => !site.store.getProperty(i.id, 'learning-loop')).length;
    expect(without).toBeGreaterThan(0);
    expect(without).toBeLessThan(all.length);
    expect(await count('app', 'project = FLEX AND learningCount IS EMPTY')).toEqual({ count: without });
  });
});

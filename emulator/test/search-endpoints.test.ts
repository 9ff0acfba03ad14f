/**
 * The enhanced search on the demo site: paging, caps, fields, properties,
 * reconcileIssues with the index delay, Browse permission, approximate-count,
 * jql/parse and permissions/check; every call accounted.
 */
import { SEARCH_LIMITS } from '../jira/search/search-service';
import { useDemoSite } from './support/demo-site';
import { at } from './support/json-path';

/** The property the demo's records live in (the app's key: the emulator's tests name it, they do not import it). */
const LEARNING_PROPERTY_KEY = 'learning-loop';

const site = useDemoSite({ resetBeforeEach: 'demo-data-and-calls' });
beforeEach(() => {
  site.jira.search.setIndexDelay(0);
});

type SearchIssue = { id: string; key?: string; fields: Record<string, unknown>; properties: Record<string, unknown> };
type Page = { issues: SearchIssue[]; nextPageToken?: string; isLast: boolean; total?: number };
const post = async (as: string, body: Record<string, unknown>) =>
  site.requestJira(as, 'POST', '/rest/api/3/search/jql', JSON.stringify(body));
const page = async (as: string, body: Record<string, unknown>) => {
  const res = await post(as, body);
  if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  return res.body as Page;
};
async function allKeys(as: string, jql: string, maxResults = 40): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  for (;;) {
    const p = await page(as, { jql, fields: ['key'], maxResults, ...(token ? { nextPageToken: token } : {}) });
    out.push(...p.issues.map((i) => i.key as string));
    if (p.isLast) return out;
    token = p.nextPageToken;
  }
}

describe('paging', () => {
  it('pages with opaque tokens to the last page, without total, and agrees with approximate-count', async () => {
    const first = await page('alice', { jql: 'project = FLEX ORDER BY key', fields: ['summary'], maxResults: 30 });
    expect(first.issues).toHaveLength(30);
    expect(first.isLast).toBe(false);
    expect(typeof first.nextPageToken).toBe('string');
    expect(first).not.toHaveProperty('total');
    const keys = await allKeys('alice', 'project = FLEX ORDER BY key', 30);
    expect(new Set(keys).size).toBe(keys.length);
    const count = await site.requestJira(
      'alice',
      'POST',
      '/rest/api/3/search/approximate-count',
      JSON.stringify({ jql: 'project = FLEX' }),
    );
    expect(count.body).toEqual({ count: keys.length });
    const last = await page('alice', {
      jql: 'project = FLEX ORDER BY key',
      maxResults: 30,
      nextPageToken: Buffer.from(JSON.stringify({ v: 1, o: 60, q: 'x' })).toString('base64url'),
    }).catch((e: unknown) => e);
    expect(String(last)).toMatch(/^Error: 400/);
  });

  it('defaults to 50, caps pages at 100 with fields or properties and at 5,000 with ids only', async () => {
    const jql = 'project in (FLEX, CHK, GROW, SRCH, PLAT)';
    expect((await page('alice', { jql })).issues).toHaveLength(SEARCH_LIMITS.defaultMaxResults);
    expect((await page('alice', { jql, maxResults: 1000, fields: ['summary'] })).issues).toHaveLength(100);
    expect((await page('alice', { jql, maxResults: 1000, properties: [LEARNING_PROPERTY_KEY] })).issues).toHaveLength(100);
    const ids = await page('alice', { jql, maxResults: 10_000 });
    expect(ids.issues.length).toBe(site.store.listIssues().length);
    expect(ids.isLast).toBe(true);
    expect(ids).not.toHaveProperty('nextPageToken');
    expect(ids.issues[0]).toEqual({ id: expect.stringMatching(/^\d+$/) });
  });

  it('answers the same through GET', async () => {
    const res = await site.requestJira(
      'alice',
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent('key = FLEX-112')}&fields=summary,status&properties=${LEARNING_PROPERTY_KEY}`,
    );
    expect(res.status).toBe(200);
    const issue = (res.body as Page).issues[0]!;
    expect(Object.keys(issue.fields)).toEqual(['summary', 'status']);
    expect(at(issue.properties, LEARNING_PROPERTY_KEY, 'hypothesis')).toMatch(/^Presenting Flex/);
    expect(site.accounting.count('GET /rest/api/3/search/jql')).toBe(1);
  });
});

describe('fields and properties', () => {
  it('returns only ids by default, and the asked fields, *all and exclusions otherwise', async () => {
    expect((await page('alice', { jql: 'key = FLEX-112' })).issues).toEqual([{ id: site.store.getIssue('FLEX-112')!.id }]);
    const all = (await page('alice', { jql: 'key = FLEX-118', fields: ['*all', '-description'] })).issues[0]!;
    expect(all.key).toBe('FLEX-118');
    expect(all.fields).not.toHaveProperty('description');
    expect(all.fields.parent).toMatchObject({ key: expect.stringMatching(/^FLEX-/), fields: { summary: expect.any(String) } });
    expect(all.fields.priority).toMatchObject({ name: expect.any(String) });
    expect(at(all.fields, 'customfield_10104', 0)).toMatchObject({ name: 'FLEX Sprint 22', state: 'closed' });
  });

  it('returns each asked property as stored, up to 5 keys', async () => {
    const stored = JSON.parse(site.store.getProperty(site.store.getIssue('FLEX-112')!.id, LEARNING_PROPERTY_KEY)!.valueText);
    const issue = (await page('alice', { jql: 'key = FLEX-112', fields: ['key'], properties: [LEARNING_PROPERTY_KEY, 'absent'] }))
      .issues[0]!;
    expect(issue.properties).toEqual({ [LEARNING_PROPERTY_KEY]: stored });
    const tooMany = await post('alice', { jql: 'key = FLEX-112', properties: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as { errorMessages: string[] }).errorMessages[0]).toMatch(/limit of 5/);
  });
});

describe('index delay and reconcileIssues', () => {
  const write = (as: string, key: string, value: unknown) =>
    site.requestJira(as, 'PUT', `/rest/api/3/issue/${key}/properties/${LEARNING_PROPERTY_KEY}`, JSON.stringify(value));

  it('hides a fresh write from JQL until the delay passes, unless the issue is reconciled', async () => {
    const issue = site.store.getIssue('FLEX-112')!;
    const value = { ...JSON.parse(site.store.getProperty(issue.id, LEARNING_PROPERTY_KEY)!.valueText), outcome: 'validated' };
    const control = await fetch(`${site.url}/__local/search-index`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ delayMs: 60_000 }),
    });
    expect(await control.json()).toEqual({ delayMs: 60_000 });
    expect((await write('alice', 'FLEX-112', value)).status).toBe(200);

    const jql = 'learningOutcome = validated AND key = FLEX-112';
    expect((await page('alice', { jql })).issues).toEqual([]);
    expect((await page('alice', { jql: 'learningOutcome = inconclusive AND key = FLEX-112' })).issues).toHaveLength(1);
    expect((await page('alice', { jql, reconcileIssues: [Number(issue.id)] })).issues).toEqual([{ id: issue.id }]);
    // The properties returned are always the stored value.
    const stale = await page('alice', { jql: 'key = FLEX-112', properties: [LEARNING_PROPERTY_KEY] });
    expect(at(stale.issues[0]!.properties, LEARNING_PROPERTY_KEY, 'outcome')).toBe('validated');

    site.jira.search.setIndexDelay(0);
    expect((await page('alice', { jql })).issues).toEqual([{ id: issue.id }]);
  });

  it('sees a first write only after the delay too, and refuses more than 50 issues to reconcile', async () => {
    site.jira.search.settings.indexDelayMs = 60_000;
    await write('alice', 'FLEX-114', { outcome: 'open', tags: ['brand-new-tag'] });
    expect((await page('alice', { jql: 'learningTags = brand-new-tag' })).issues).toEqual([]);
    expect(
      (await page('alice', { jql: 'learningTags = brand-new-tag', reconcileIssues: [Number(site.store.getIssue('FLEX-114')!.id)] })).issues,
    ).toHaveLength(1);
    const tooMany = await post('alice', { jql: 'project = FLEX', reconcileIssues: Array.from({ length: 51 }, (_, i) => i + 1) });
    expect(tooMany.status).toBe(400);
  });
});

describe('reads kept between searches', () => {
  const count = async (jql: string) =>
    (await site.requestJira('alice', 'POST', '/rest/api/3/search/approximate-count', JSON.stringify({ jql }))).body as { count: number };

  it('sees a property written, a property deleted and an issue deleted straight after a search read the rows', async () => {
    const jql = 'project = FLEX AND learningCount >= 0';
    const before = (await count(jql)).count;
    const without = (await allKeys('alice', 'project = FLEX ORDER BY key', 100)).length - before;
    expect(without).toBeGreaterThan(0);
    const withRecord = new Set(await allKeys('alice', `${jql} ORDER BY key`, 100));
    const bare = (await allKeys('alice', 'project = FLEX ORDER BY key', 100)).find((key) => !withRecord.has(key));
    const recorded = [...withRecord][0];
    if (!bare || !recorded) throw new Error('The demo has FLEX issues with and without a record.');
    const record = { index: { count: 1 } };
    expect(
      (await site.requestJira('alice', 'PUT', `/rest/api/3/issue/${bare}/properties/${LEARNING_PROPERTY_KEY}`, JSON.stringify(record)))
        .status,
    ).toBeLessThan(300);
    expect((await count(jql)).count).toBe(before + 1);
    expect((await site.requestJira('alice', 'DELETE', `/rest/api/3/issue/${recorded}/properties/${LEARNING_PROPERTY_KEY}`)).status).toBe(
      204,
    );
    expect((await count(jql)).count).toBe(before);
    const flexIssues = (await count('project = FLEX')).count;
    site.store.deleteIssue(bare);
    expect((await count('project = FLEX')).count).toBe(flexIssues - 1);
  });
});

describe('Browse permission', () => {
  it('never gives carol a GROW issue, on any page; the app and dan see them', async () => {
    const carol = await allKeys('carol', 'learningTags = pricing OR labels = experiment', 100);
    const alice = await allKeys('alice', 'learningTags = pricing OR labels = experiment', 100);
    expect(carol.length).toBeGreaterThan(20);
    expect(carol.some((k) => k.startsWith('GROW-'))).toBe(false);
    expect(alice.some((k) => k.startsWith('GROW-'))).toBe(true);
    expect(new Set(await allKeys('dan', 'learningTags = pricing OR labels = experiment', 100))).toEqual(new Set(alice));
    expect(new Set(await allKeys('app', 'learningTags = pricing OR labels = experiment', 100))).toEqual(new Set(alice));
    const count = async (as: string) =>
      (
        (await site.requestJira(as, 'POST', '/rest/api/3/search/approximate-count', JSON.stringify({ jql: 'learningTags = pricing' })))
          .body as { count: number }
      ).count;
    expect(await count('carol')).toBeLessThan(await count('alice'));
  });

  it('lets dan find everything but edit nothing', async () => {
    const keys = await allKeys('dan', 'project = GROW');
    expect(keys.length).toBeGreaterThan(50);
    const res = await site.requestJira('dan', 'PUT', `/rest/api/3/issue/${keys[0]}/properties/${LEARNING_PROPERTY_KEY}`, '{}');
    expect(res.status).toBe(403);
  });
});

describe('jql/parse', () => {
  it('answers the structure and Jira-like errors per query', async () => {
    const res = await site.requestJira(
      'alice',
      'POST',
      '/rest/api/3/jql/parse?validation=strict',
      JSON.stringify({ queries: ['project = FLEX AND sprint in openSprints() ORDER BY created DESC', 'foo = 1', 'project = '] }),
    );
    expect(res.status).toBe(200);
    const [ok, unknown, broken] = (res.body as { queries: Array<Record<string, unknown>> }).queries;
    expect(ok).toEqual({
      query: 'project = FLEX AND sprint in openSprints() ORDER BY created DESC',
      structure: {
        where: {
          operator: 'and',
          clauses: [
            { field: { name: 'project' }, operator: '=', operand: { value: 'FLEX', encodedValue: 'FLEX' } },
            {
              field: { name: 'sprint' },
              operator: 'in',
              operand: { function: 'openSprints', arguments: [], encodedOperand: 'openSprints()' },
            },
          ],
        },
        orderBy: { fields: [{ field: { name: 'created' }, direction: 'desc' }] },
      },
      errors: [],
    });
    expect(unknown!.errors).toEqual(["Field 'foo' does not exist or you do not have permission to view it."]);
    expect(broken).toEqual({
      query: 'project = ',
      errors: [expect.stringMatching(/^Error in the JQL Query: Expecting either a value, list or function/)],
    });
    const warn = await site.requestJira('alice', 'POST', '/rest/api/3/jql/parse?validation=warn', JSON.stringify({ queries: ['foo = 1'] }));
    expect(at(warn.body, 'queries', 0)).toMatchObject({
      errors: [],
      warnings: ["Field 'foo' does not exist or you do not have permission to view it."],
    });
    const none = await site.requestJira('alice', 'POST', '/rest/api/3/jql/parse?validation=none', JSON.stringify({ queries: ['foo = 1'] }));
    expect(at(none.body, 'queries', 0, 'errors')).toEqual([]);
    expect((await site.requestJira('alice', 'POST', '/rest/api/3/jql/parse', JSON.stringify({ queries: [] }))).status).toBe(400);
  });
});

describe('permissions/check', () => {
  const check = (as: string, body: unknown) => site.requestJira(as, 'POST', '/rest/api/3/permissions/check', JSON.stringify(body));

  it('tells the app which issues another user may browse or edit', async () => {
    const ids = ['GROW-9', 'FLEX-112', 'CHK-42'].map((k) => Number(site.store.getIssue(k)!.id));
    const res = await check('app', {
      accountId: site.user('carol').accountId,
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], issues: ids, projects: [10001, 10003] }],
      globalPermissions: ['ADMINISTER'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', issues: [ids[1], ids[2]], projects: [10001] },
        { permission: 'EDIT_ISSUES', issues: [ids[1], ids[2]], projects: [10001] },
      ],
    });
    const dan = await check('app', {
      accountId: site.user('dan').accountId,
      projectPermissions: [{ permissions: ['EDIT_ISSUES', 'BROWSE_PROJECTS'], issues: ids }],
    });
    expect(at(dan.body, 'projectPermissions')).toEqual([
      { permission: 'EDIT_ISSUES', issues: [], projects: [] },
      { permission: 'BROWSE_PROJECTS', issues: ids, projects: [] },
    ]);
  });

  it('refuses a non-admin checking someone else, and unknown permissions', async () => {
    expect((await check('bob', { accountId: site.user('carol').accountId, projectPermissions: [] })).status).toBe(403);
    expect((await check('app', { accountId: site.user('carol').accountId, projectPermissions: [{ permissions: ['FLY'] }] })).status).toBe(
      400,
    );
  });
});

describe('the old search and the accounting', () => {
  it('answers 410 on /rest/api/3/search and counts every endpoint by template', async () => {
    expect((await site.requestJira('alice', 'GET', '/rest/api/3/search?jql=project=FLEX')).status).toBe(410);
    await post('alice', { jql: 'project = FLEX' });
    await site.requestJira('alice', 'POST', '/rest/api/3/search/approximate-count', JSON.stringify({ jql: 'project = FLEX' }));
    expect(site.accounting.totals()).toMatchObject({
      'GET /rest/api/3/search': 1,
      'POST /rest/api/3/search/jql': 1,
      'POST /rest/api/3/search/approximate-count': 1,
    });
  });
});

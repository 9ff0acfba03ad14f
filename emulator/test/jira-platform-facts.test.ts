/**
 * Jira facts an app meets on real sites, checked against Atlassian's documentation: a workflow
 * status where nothing is editable, the date formats the entity property index reads, the
 * site-specific Sprint field, payloads nested too deep, and a search index that lags behind writes.
 */
import { startDemoSite, useDemoSite } from './support/demo-site';

/** The property the demo's records live in (the app's key: the emulator's tests name it, they do not import it). */
const LEARNING_PROPERTY_KEY = 'learning-loop';

const site = useDemoSite({ resetBeforeEach: 'demo-data' });

const put = (as: string, key: string, value: unknown) =>
  site.requestJira(as, 'PUT', `/rest/api/3/issue/${key}/properties/${LEARNING_PROPERTY_KEY}`, JSON.stringify(value), {
    'content-type': 'application/json',
  });
const search = async (as: string, body: Record<string, unknown>) => {
  const res = await site.requestJira(as, 'POST', '/rest/api/3/search/jql', JSON.stringify({ fields: ['key'], maxResults: 100, ...body }));
  if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  return (res.body as { issues: Array<{ key: string }> }).issues.map((i) => i.key);
};
const idOf = (key: string) => Number(site.store.getIssue(key)!.id);

describe('a workflow status whose issues are not editable (jira.issue.editable=false)', () => {
  it('offers no field to edit on a Closed issue, even to alice who holds Edit issues, yet lets her write its properties', async () => {
    const closed = await site.requestJira('alice', 'GET', '/rest/api/3/issue/FLEX-108?fields=status&expand=editmeta');
    expect(closed.body).toMatchObject({
      editmeta: { fields: {} },
      fields: { status: { name: 'Closed', statusCategory: { key: 'done' } } },
    });
    const open = await site.requestJira('alice', 'GET', '/rest/api/3/issue/FLEX-112?expand=editmeta');
    expect(Object.keys((open.body as { editmeta: { fields: object } }).editmeta.fields)).toContain('summary');
    const mine = await site.requestJira('alice', 'GET', '/rest/api/3/mypermissions?issueKey=FLEX-108&permissions=EDIT_ISSUES');
    expect(mine.body).toMatchObject({ permissions: { EDIT_ISSUES: { havePermission: true } } });
    expect((await put('alice', 'FLEX-108', { hypothesis: 'still writable' })).status).toBe(200);
    expect((await put('dan', 'FLEX-108', { hypothesis: 'no Edit issues' })).status).toBe(403);
  });

  it('searches Closed as a status of the Done category, resolved', async () => {
    expect(await search('alice', { jql: 'project = FLEX AND status = Closed ORDER BY key' })).toEqual(['FLEX-103', 'FLEX-104', 'FLEX-108']);
    const done = await search('alice', { jql: 'project = FLEX AND statusCategory = Done AND resolution = Done' });
    expect(done).toEqual(expect.arrayContaining(['FLEX-103', 'FLEX-102']));
  });
});

describe('the entity property index reads dates only in the documented formats', () => {
  // jira:entityProperty, type date: "[YYYY]-[MM]-[DD]" or "[YYYY]-[MM]-[DD]T[hh]:[mm]:[ss][TZ]", TZ "+/-[hh]:[mm]" or "Z".
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  const seconds = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const cases: Array<[string, string, boolean]> = [
    ['FLEX-113', now.toISOString(), false], // toISOString(): milliseconds
    ['FLEX-114', seconds, true],
    ['FLEX-107', seconds.replace('Z', '+00:00'), true],
    ['FLEX-111', day, true],
    ['FLEX-106', seconds.replace('T', ' '), false],
    ['FLEX-101', seconds.replace('Z', '+0000'), false],
  ];

  it('finds only values in those formats by learningUpdated; the others are empty to JQL', async () => {
    for (const [key, updatedAt] of cases) expect((await put('alice', key, { updatedAt, tags: ['date-probe'] })).status).toBeLessThan(300);
    const reconcileIssues = cases.map(([key]) => idOf(key));
    const found = await search('alice', { jql: 'learningTags = date-probe AND learningUpdated >= -2d ORDER BY key', reconcileIssues });
    expect(found).toEqual(
      cases
        .filter(([, , indexed]) => indexed)
        .map(([key]) => key)
        .sort(),
    );
    const empty = await search('alice', { jql: 'learningTags = date-probe AND learningUpdated is EMPTY ORDER BY key', reconcileIssues });
    expect(empty).toEqual(
      cases
        .filter(([, , indexed]) => !indexed)
        .map(([key]) => key)
        .sort(),
    );
  });
});

describe('the Sprint field', () => {
  it('is a custom field with a site-specific id, found in GET /field by its schema type', async () => {
    const fields = (await site.requestJira('app', 'GET', '/rest/api/3/field')).body as Array<{
      id: string;
      custom: boolean;
      schema?: { custom?: string };
    }>;
    const sprint = fields.filter((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint');
    expect(sprint).toEqual([expect.objectContaining({ id: 'customfield_10104', custom: true })]);
    expect(fields.some((f) => f.id === 'customfield_10020')).toBe(false);
  });
});

describe('JSON nested deeper than the platform parses', () => {
  const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  it('answers 400 to a property value or a search body 5,000 levels deep, and still takes 1,000', async () => {
    const deep = await site.requestJira('alice', 'PUT', `/rest/api/3/issue/FLEX-101/properties/${LEARNING_PROPERTY_KEY}`, nested(5000), {
      'content-type': 'application/json',
    });
    expect(deep.status).toBe(400);
    const body = `{"jql":"project = FLEX","x":${nested(5000)}}`;
    expect((await site.requestJira('alice', 'POST', '/rest/api/3/search/jql', body)).status).toBe(400);
    const edge = await site.requestJira('alice', 'PUT', '/rest/api/3/issue/FLEX-101/properties/deep-probe', nested(1000), {
      'content-type': 'application/json',
    });
    expect(edge.status).toBe(201);
    expect((await site.requestJira('alice', 'GET', '/rest/api/3/issue/FLEX-101/properties/deep-probe')).status).toBe(200);
  });

  it('answers 400 from KVS too, instead of failing on the value', () => {
    const res = site.kvs.handle({
      method: 'POST',
      path: '/api/v1/set',
      headers: new Headers(),
      bodyText: `{"key":"k","value":${nested(5000)}}`,
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body!)).toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('the search index lags behind property writes by default', () => {
  const count = async (jql: string) =>
    (await site.requestJira('alice', 'POST', '/rest/api/3/search/approximate-count', JSON.stringify({ jql }))).body;

  it('misses a write for 2 s (search and approximate count), except for the issues in reconcileIssues', async () => {
    expect(site.jira.search.settings.indexDelayMs).toBe(2000);
    expect((await put('bob', 'FLEX-113', { tags: ['fresh-tag'] })).status).toBe(201);
    expect(await search('alice', { jql: 'learningTags = fresh-tag' })).toEqual([]);
    expect(await count('learningTags = fresh-tag')).toEqual({ count: 0 });
    expect(await search('alice', { jql: 'learningTags = fresh-tag', reconcileIssues: [idOf('FLEX-113')] })).toEqual(['FLEX-113']);
    // A second write during the lag: the index still holds what it had before the first.
    await put('bob', 'FLEX-113', { tags: ['fresher-tag'] });
    expect(await search('alice', { jql: 'learningTags in (fresh-tag, fresher-tag)' })).toEqual([]);
    site.jira.search.setIndexDelay(0);
    expect(await search('alice', { jql: 'learningTags in (fresh-tag, fresher-tag)' })).toEqual(['FLEX-113']);
    site.jira.search.setIndexDelay(2000);
  });

  it("sees every write at once on a site started with consistency: 'instant'", async () => {
    const instant = await startDemoSite({ port: 0, consistency: 'instant' });
    try {
      expect([instant.jira.search.settings.indexDelayMs, instant.kvs.settings.queryDelayMs]).toEqual([0, 0]);
      const res = await instant.requestJira(
        'bob',
        'PUT',
        `/rest/api/3/issue/FLEX-113/properties/${LEARNING_PROPERTY_KEY}`,
        '{"tags":["now"]}',
        { 'content-type': 'application/json' },
      );
      expect(res.status).toBe(201);
      const found = await instant.requestJira(
        'alice',
        'POST',
        '/rest/api/3/search/jql',
        JSON.stringify({ jql: 'learningTags = now', fields: ['key'] }),
      );
      expect((found.body as { issues: Array<{ key: string }> }).issues.map((i) => i.key)).toEqual(['FLEX-113']);
    } finally {
      await instant.close();
    }
  });
});

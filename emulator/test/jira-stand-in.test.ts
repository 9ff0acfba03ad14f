/**
 * The Jira stand-in answers as Jira Cloud does, through the real @forge/api
 * (asUser/asApp → __forge_fetch__), with each demo user's permissions.
 */
import api, { route } from '@forge/api';
import { useDemoSite } from './support/demo-site';
import { at } from './support/json-path';

/** The property the demo's records live in (the app's key: the emulator's tests name it, they do not import it). */
const LEARNING_PROPERTY_KEY = 'learning-loop';

const site = useDemoSite({ resetBeforeEach: 'demo-data-and-calls' });

/** GET an issue as a user through @forge/api, as the app does. */
async function getIssueAs(user: string, key: string) {
  return site.runAs(user, async () => {
    const res = await api
      .asUser()
      .requestJira(route`/rest/api/3/issue/${key}?fields=summary&properties=${LEARNING_PROPERTY_KEY}&expand=editmeta`);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
  });
}

describe('GET /rest/api/3/issue/{key}', () => {
  it('returns the summary, the property and editmeta for someone who can edit', async () => {
    const { status, type, body } = await getIssueAs('alice', 'FLEX-112');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      key: 'FLEX-112',
      fields: { summary: 'Offer Flex as a refund option in low-price journeys' },
    });
    expect(at(body, 'fields')).toEqual({ summary: expect.any(String) });
    expect(at(body, 'properties', LEARNING_PROPERTY_KEY, 'hypothesis')).toBe(
      'Presenting Flex as a refund option will reduce drop-off in low-price journeys.',
    );
    expect(at(body, 'editmeta', 'fields', 'summary')).toMatchObject({ required: true, name: 'Summary', operations: ['set'] });
  });

  it('gives an empty editmeta to someone who can only browse', async () => {
    expect(at((await getIssueAs('dan', 'FLEX-112')).body, 'editmeta')).toEqual({ fields: {} });
    expect(at((await getIssueAs('bob', 'CHK-42')).body, 'editmeta')).toEqual({ fields: {} });
    expect(at((await getIssueAs('bob', 'FLEX-112')).body, 'editmeta', 'fields')).toHaveProperty('summary');
  });

  it('answers 404 alike for a missing issue and one the user cannot browse', async () => {
    const hidden = await getIssueAs('carol', 'GROW-9');
    const missing = await getIssueAs('carol', 'NOPE-1');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    expect(missing).toEqual(hidden);
    expect((await getIssueAs('alice', 'GROW-9')).status).toBe(200);
  });

  it('gives an empty properties object when the issue has none', async () => {
    expect(at((await getIssueAs('alice', 'FLEX-114')).body, 'properties')).toEqual({});
  });

  it('finds issues by id and by lower-case key, and supports fields lists, *all and exclusions', async () => {
    const byKey = await site.requestJira('alice', 'GET', '/rest/api/3/issue/flex-112?fields=summary,status,assignee,labels');
    const body = byKey.body as { id: string; fields: Record<string, unknown> };
    expect(Object.keys(body.fields).sort()).toEqual(['assignee', 'labels', 'status', 'summary']);
    expect(body.fields.status).toMatchObject({ name: 'In Progress', statusCategory: { key: 'indeterminate' } });
    expect(body.fields.assignee).toMatchObject({ accountId: site.user('alice').accountId, displayName: 'Alice Moreau' });
    const byId = await site.requestJira('alice', 'GET', `/rest/api/3/issue/${body.id}?fields=*all,-description`);
    const all = at(byId.body, 'fields');
    expect(all).toHaveProperty('project.key', 'FLEX');
    expect(all).toHaveProperty('created', expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/));
    expect(all).not.toHaveProperty('description');
  });

  it('acts with full permissions for asApp()', async () => {
    const res = await api.asApp().requestJira(route`/rest/api/3/issue/${'GROW-9'}?fields=summary&expand=editmeta`);
    expect(res.status).toBe(200);
    expect(at(await res.json(), 'editmeta', 'fields')).toHaveProperty('summary');
    expect(site.accounting.calls().at(-1)).toMatchObject({ provider: 'app', endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}' });
  });

  it('refuses asUser() when no user is acting (outside an invocation)', async () => {
    const res = await api.asUser().requestJira(route`/rest/api/3/issue/${'FLEX-112'}`);
    expect(res.status).toBe(401);
  });
});

describe('issue properties', () => {
  const put = (user: string, key: string, body: string, headers?: Record<string, string>) =>
    site.requestJira(user, 'PUT', `/rest/api/3/issue/${key}/properties/${LEARNING_PROPERTY_KEY}`, body, headers);

  it('reads a property, and answers 404 when it is absent', async () => {
    const found = await site.requestJira('dan', 'GET', `/rest/api/3/issue/FLEX-112/properties/${LEARNING_PROPERTY_KEY}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ key: LEARNING_PROPERTY_KEY, value: { schemaVersion: 2 } });
    const absent = await site.requestJira('dan', 'GET', `/rest/api/3/issue/FLEX-114/properties/${LEARNING_PROPERTY_KEY}`);
    expect(absent.status).toBe(404);
    expect(absent.body).toEqual({ errorMessages: [`The property with key '${LEARNING_PROPERTY_KEY}' does not exist.`], errors: {} });
    expect((await site.requestJira('carol', 'GET', `/rest/api/3/issue/GROW-9/properties/${LEARNING_PROPERTY_KEY}`)).status).toBe(404);
  });

  it('creates (201), then updates (200), as a user who can edit', async () => {
    expect((await put('bob', 'FLEX-114', '{"a":1}')).status).toBe(201);
    expect((await put('bob', 'FLEX-114', '{"a":2}')).status).toBe(200);
    const read = await site.requestJira('bob', 'GET', `/rest/api/3/issue/FLEX-114/properties/${LEARNING_PROPERTY_KEY}`);
    expect(read.body).toEqual({ key: LEARNING_PROPERTY_KEY, value: { a: 2 } });
  });

  it('answers 403 to someone who can browse but not edit, and 404 to someone who cannot browse', async () => {
    const browseOnly = await put('dan', 'FLEX-112', '{"a":1}');
    expect(browseOnly.status).toBe(403);
    expect((browseOnly.body as { errorMessages: string[] }).errorMessages[0]).toMatch(/permission/);
    expect((await put('bob', 'CHK-42', '{"a":1}')).status).toBe(403);
    expect((await put('carol', 'GROW-9', '{"a":1}')).status).toBe(404);
    expect((await put('carol', 'FLEX-112', '{"a":1}')).status).toBe(200);
  });

  it('accepts exactly 32,768 characters and refuses one more', async () => {
    const valueOf = (chars: number) => JSON.stringify({ text: 'x'.repeat(chars - '{"text":""}'.length) });
    expect(valueOf(32768)).toHaveLength(32768);
    expect((await put('alice', 'FLEX-114', valueOf(32768))).status).toBe(201);
    const tooLong = await put('alice', 'FLEX-114', valueOf(32769));
    expect(tooLong.status).toBe(400);
    expect((tooLong.body as { errorMessages: string[] }).errorMessages[0]).toMatch(/too long.*32768/);
  });

  it('refuses a body that is not JSON, or not sent as JSON', async () => {
    expect((await put('alice', 'FLEX-114', '{not json')).status).toBe(400);
    expect((await put('alice', 'FLEX-114', '{"a":1}', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('writes through @forge/api as the invoking user', async () => {
    const write = (user: string) =>
      site.runAs(
        user,
        async () =>
          (
            await api.asUser().requestJira(route`/rest/api/3/issue/${'SRCH-210'}/properties/${'demo'}`, {
              method: 'PUT',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ ok: true }),
            })
          ).status,
      );
    expect(await write('dan')).toBe(403);
    expect(await write('carol')).toBe(201);
  });

  it('deletes (204), then answers 404', async () => {
    // deleteIssueProperty documents 404 (not 403) for someone who may see the issue but not edit it.
    expect((await site.requestJira('dan', 'DELETE', `/rest/api/3/issue/FLEX-112/properties/${LEARNING_PROPERTY_KEY}`)).status).toBe(404);
    expect((await site.requestJira('alice', 'DELETE', `/rest/api/3/issue/FLEX-112/properties/${LEARNING_PROPERTY_KEY}`)).status).toBe(204);
    expect((await site.requestJira('alice', 'DELETE', `/rest/api/3/issue/FLEX-112/properties/${LEARNING_PROPERTY_KEY}`)).status).toBe(404);
  });

  it('hands a malformed stored value to the app as it is (for fault tests)', async () => {
    const issue = site.store.getIssue('FLEX-112')!;
    site.store.setPropertyText(issue.id, LEARNING_PROPERTY_KEY, '{"schemaVersion": 1, broken');
    const res = await site.requestJira('alice', 'GET', `/rest/api/3/issue/FLEX-112/properties/${LEARNING_PROPERTY_KEY}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe(`{"key":"${LEARNING_PROPERTY_KEY}","value":{"schemaVersion": 1, broken}`);
  });
});

describe('permissions and users', () => {
  const myPermissions = async (user: string, issueKey: string) => {
    const res = await site.requestJira(
      user,
      'GET',
      `/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=EDIT_ISSUES,BROWSE_PROJECTS`,
    );
    const perms = (res.body as { permissions?: Record<string, { key: string; havePermission: boolean }> }).permissions;
    return { status: res.status, edit: perms?.EDIT_ISSUES?.havePermission, browse: perms?.BROWSE_PROJECTS?.havePermission };
  };

  it.each([
    ['alice', 'GROW-9', { status: 200, edit: true, browse: true }],
    ['bob', 'FLEX-112', { status: 200, edit: true, browse: true }],
    ['bob', 'CHK-42', { status: 200, edit: false, browse: true }],
    ['carol', 'SRCH-203', { status: 200, edit: true, browse: true }],
    ['carol', 'GROW-9', { status: 404, edit: undefined, browse: undefined }],
    ['dan', 'FLEX-112', { status: 200, edit: false, browse: true }],
  ])('mypermissions for %s on %s', async (user, issueKey, expected) => {
    expect(await myPermissions(user, issueKey)).toEqual(expected);
  });

  it('answers /myself as the acting user, and /user and /user/bulk for anyone', async () => {
    const bob = site.user('bob');
    const me = await site.runAs('bob', async () => (await api.asUser().requestJira(route`/rest/api/3/myself`)).json() as Promise<unknown>);
    expect(me).toMatchObject({ accountId: bob.accountId, displayName: 'Bob Okafor' });
    const one = await site.requestJira('dan', 'GET', `/rest/api/3/user?accountId=${bob.accountId}`);
    expect(one.body).toMatchObject({ accountId: bob.accountId, displayName: 'Bob Okafor', avatarUrls: { '48x48': expect.any(String) } });
    const carol = site.user('carol');
    const bulk = await site.requestJira(
      'dan',
      'GET',
      `/rest/api/3/user/bulk?accountId=${bob.accountId}&accountId=${carol.accountId}&accountId=unknown`,
    );
    expect((bulk.body as { values: Array<{ displayName: string }> }).values.map((u) => u.displayName)).toEqual([
      'Bob Okafor',
      'Carol Jiménez',
    ]);
  });
});

describe('accounting', () => {
  it('counts each call by endpoint template and provider', async () => {
    await getIssueAs('alice', 'FLEX-112');
    await site.requestJira('alice', 'PUT', '/rest/api/3/issue/FLEX-114/properties/x', '{}');
    await site.requestJira('alice', 'GET', '/rest/api/3/not-served');
    expect(site.accounting.totals()).toEqual({
      'GET /rest/api/3/issue/{issueIdOrKey}': 1,
      'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': 1,
      'GET /rest/api/3/not-served': 1,
    });
    const [first] = site.accounting.calls();
    expect(first).toMatchObject({ provider: 'user', status: 200, path: expect.stringContaining('FLEX-112') });
    expect(first!.bytes).toBeGreaterThan(100);
    // No operation of Atlassian's specs has that path: 404, as Jira's REST layer answers it.
    expect(site.accounting.calls().at(-1)!.status).toBe(404);
  });
});

describe('planted faults', () => {
  it('fails the next matching call as asked, then answers normally', async () => {
    site.jira.injectFault({ endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}', status: 429, headers: { 'Retry-After': '2' } });
    const throttled = await site.runAs('alice', () => api.asUser().requestJira(route`/rest/api/3/issue/${'FLEX-112'}`));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect((await getIssueAs('alice', 'FLEX-112')).status).toBe(200);
  });
});

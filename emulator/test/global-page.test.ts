/**
 * A jira:globalPage module (Jira's Apps menu), hosted from the fixture manifest at
 * /jira/apps/{appId}/{envId} with the extension context the Forge reference documents
 * (`type`, `location`), its invocations run by the function its resolver names; and
 * GET /rest/api/3/project/search, which lists only the projects the person may browse.
 */
import path from 'node:path';
import type { ForgeFunctionHandler } from '../index';
import { GLOBAL_PAGE_PATH } from '../index';
import { ModuleRegistry } from '../hosting/module-registry';
import { useDemoSite } from './support/demo-site';
import { at, postJson } from './support/json-path';

const FIXTURE = path.join(__dirname, 'fixtures', 'probe-app');
const MANIFEST = path.join(FIXTURE, 'manifest.yml');

const echo: ForgeFunctionHandler = (request, backend) =>
  Promise.resolve({ functionKey: request.call.functionKey, context: request.context, accountId: backend.principal.accountId });

const site = useDemoSite({ start: { handler: echo, manifestPath: MANIFEST, staticRoot: FIXTURE } });
const asUser = (handle: string) => ({ headers: { cookie: `ll_user=${handle}` } });

describe('a jira:globalPage module', () => {
  it('is read from the manifest with its resource and resolver function', () => {
    const registry = new ModuleRegistry({ manifestPath: MANIFEST });
    expect(registry.modules('jira:globalPage')).toEqual([
      { type: 'jira:globalPage', key: 'probe-global', title: 'Probe global page', resource: 'probe-page', resolverFunction: 'resolver' },
    ]);
    expect(registry.resolverHandlerOf('probe-global')).toEqual(registry.functionHandler('resolver'));
  });

  it('is linked from the index and served at /jira/apps/{appId}/{envId} with the documented context', async () => {
    expect(GLOBAL_PAGE_PATH).toBe('/jira/apps/local-learning-loop/local-development');
    const index = await (await fetch(`${site.url}/`, asUser('bob'))).text();
    expect(index).toContain(`href="${GLOBAL_PAGE_PATH}">Probe global page</a>`);
    const html = await (await fetch(`${site.url}${GLOBAL_PAGE_PATH}`, asUser('bob'))).text();
    expect(html).toContain('<h1>Probe global page</h1>');
    const src = /<iframe[^>]+src="([^"]+)"/.exec(html)![1]!;
    expect(src).toMatch(/^\/forge\/resources\/probe-page\/index\.html\?frame=[\w-]+$/);
    const token = /data-frame-token="([\w-]+)"/.exec(html)![1]!;
    const { body } = await postJson(`${site.url}/__local/bridge/context`, { token });
    expect(at(body, 'value')).toMatchObject({
      cloudId: 'local',
      siteUrl: site.url,
      localId: 'ari:cloud:ecosystem::extension/local-learning-loop/local-development/static/probe-global',
      moduleKey: 'probe-global',
      extension: { type: 'jira:globalPage', location: `${site.url}${GLOBAL_PAGE_PATH}` },
      accountId: site.user('bob').accountId,
    });
    // Nothing of a project or an issue: a global page belongs to no project.
    expect(Object.keys(at(body, 'value', 'extension') as object).sort()).toEqual(['location', 'type']);
  });

  it("runs the page's invocations as the person, through its resolver function, in Jira", async () => {
    const hosted = site.hosts.openGlobalPage(site.user('carol').accountId)!;
    const invoked = await postJson(`${site.url}/__local/bridge/invoke`, {
      token: hosted.opened.grant.token,
      functionKey: 'probe',
      payload: {},
    });
    expect(at(invoked.body, 'value')).toMatchObject({
      functionKey: 'probe',
      accountId: site.user('carol').accountId,
      context: { moduleKey: 'probe-global', extension: { type: 'jira:globalPage' } },
    });
  });
});

describe('GET /rest/api/3/project/search', () => {
  const keys = async (as: string, query: string) => {
    const res = await site.requestJira(as, 'GET', `/rest/api/3/project/search${query}`);
    expect(res.status).toBe(200);
    return (res.body as { values: Array<{ key: string }> }).values.map((p) => p.key);
  };

  it('lists only the projects the person may browse (action=browse), ordered as asked', async () => {
    const all = site.store.listProjects().map((p) => p.key);
    expect(await keys('alice', '?action=browse&orderBy=key')).toEqual([...all].sort());
    expect(await keys('carol', '?action=browse&orderBy=key')).not.toContain('GROW');
    expect(await keys('bob', '?action=browse')).toEqual(
      all.filter((k) => site.store.permissionLevel(site.user('bob').accountId, k) !== 'none').sort(),
    );
    expect(await keys('bob', '?action=edit')).toEqual(
      all.filter((k) => ['edit', 'manage-sprints'].includes(site.store.permissionLevel(site.user('bob').accountId, k))).sort(),
    );
    const byName = site.store.listProjects().map((p) => p.name);
    const named = (await site.requestJira('alice', 'GET', '/rest/api/3/project/search?orderBy=-name')).body as {
      values: Array<{ name: string }>;
    };
    expect(named.values.map((p) => p.name)).toEqual([...byName].sort((a, b) => b.localeCompare(a, 'en')));
  });

  it('pages with startAt and maxResults, and says where the next page is', async () => {
    const res = await site.requestJira('alice', 'GET', '/rest/api/3/project/search?orderBy=key&maxResults=2');
    const page = res.body as { values: unknown[]; isLast: boolean; total: number; nextPage?: string };
    expect(page.values).toHaveLength(2);
    expect(page.isLast).toBe(false);
    expect(page.total).toBe(site.store.listProjects().length);
    expect(page.nextPage).toMatch(/startAt=2&maxResults=2$/);
    expect((await site.requestJira('alice', 'GET', '/rest/api/3/project/search?maxResults=101')).status).toBe(400);
  });
});

/**
 * The local site as a whole: frame tokens (the page cannot choose its
 * context), the bridge endpoints, pages, persistence across restarts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kvs } from '@forge/kvs';
import type { ForgeFunctionHandler, LocalSite } from '../index';
import { startDemoSite } from './support/demo-site';
import { at } from './support/json-path';

/** The property the demo's records live in (the app's key: the emulator's tests name it, they do not import it). */
const LEARNING_PROPERTY_KEY = 'learning-loop';

const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `ll-${name}-`));

/** A resolver that tells what Forge handed it. */
const echo: ForgeFunctionHandler = (request, backend) =>
  Promise.resolve({
    functionKey: request.call.functionKey,
    payload: request.call.payload,
    context: request.context,
    accountId: backend.principal.accountId,
  });

const postJson = async (url: string, body: unknown, cookie?: string) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

/** A site whose issue panel build is a stub page (in a temp static dir), for the frame and bridge tests of one describe block. */
let site: LocalSite;
function useStubPanelSite(): void {
  let staticDir: string;

  beforeAll(async () => {
    staticDir = tempDir('static');
    fs.mkdirSync(path.join(staticDir, 'issue-panel', 'build', 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(staticDir, 'issue-panel', 'build', 'index.html'),
      '<!doctype html><html><head><meta charset="UTF-8"><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    fs.writeFileSync(path.join(staticDir, 'issue-panel', 'build', 'assets', 'app.js'), 'console.log("app")');
    site = await startDemoSite({ port: 0, handler: echo, staticDir });
  });

  afterAll(async () => {
    await site.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });
}

describe('frames', () => {
  useStubPanelSite();

  it('invokes with the context and user the server gave the frame, whatever the payload says', async () => {
    const { grant } = site.openIssuePanel('dan', 'FLEX-112');
    const forged = { context: { extension: { issue: { key: 'GROW-9' } } }, accountId: site.user('alice').accountId, issueKey: 'GROW-9' };
    const { status, body } = await postJson(`${site.url}/__local/bridge/invoke`, {
      token: grant.token,
      functionKey: 'learning/get',
      payload: forged,
    });
    expect(status).toBe(200);
    expect(at(body, 'ok')).toBe(true);
    expect(at(body, 'value', 'accountId')).toBe(site.user('dan').accountId);
    expect(at(body, 'value', 'context')).toMatchObject({
      cloudId: 'local',
      moduleKey: 'learning-panel',
      extension: {
        type: 'jira:issuePanel',
        issue: { key: 'FLEX-112', type: 'Story', typeId: '10001' },
        project: { key: 'FLEX', type: 'software' },
        isNewToIssue: false,
      },
    });
    expect(at(body, 'value', 'payload')).toEqual(forged);
    expect(site.accounting.invocations().at(-1)).toMatchObject({
      functionKey: 'learning/get',
      source: 'bridge',
      accountId: site.user('dan').accountId,
    });
  });

  it('refuses an unknown token', async () => {
    for (const op of ['invoke', 'context', 'fetch-product']) {
      const { status, body } = await postJson(`${site.url}/__local/bridge/${op}`, { token: 'made-up', functionKey: 'learning/get' });
      expect(status).toBe(403);
      expect(body).toEqual({ ok: false, error: { message: expect.stringMatching(/not known/) } });
    }
  });
});

describe('the bridge endpoints', () => {
  useStubPanelSite();

  it('answers getContext with the full issue panel context', async () => {
    const { grant } = site.openIssuePanel('carol', 'SRCH-203', 'dark');
    const { body } = await postJson(`${site.url}/__local/bridge/context`, { token: grant.token });
    expect(at(body, 'value')).toMatchObject({
      accountId: site.user('carol').accountId,
      cloudId: 'local',
      siteUrl: site.url,
      localId: expect.any(String),
      moduleKey: 'learning-panel',
      environmentType: 'DEVELOPMENT',
      environmentId: expect.any(String),
      locale: 'en-US',
      timezone: 'Europe/Madrid',
      theme: { colorMode: 'dark' },
      extension: { issue: { key: 'SRCH-203' }, project: { key: 'SRCH' } },
    });
  });

  it('proxies fetchProduct to Jira as the frame user', async () => {
    const { grant } = site.openIssuePanel('carol', 'FLEX-112');
    const fetchProduct = (restPath: string) =>
      postJson(`${site.url}/__local/bridge/fetch-product`, {
        token: grant.token,
        product: 'jira',
        restPath,
        fetchRequestInit: { method: 'GET', headers: [['accept', 'application/json']] },
      });
    const own = await fetchProduct('/rest/api/3/issue/FLEX-112?fields=summary');
    expect(at(own.body, 'value')).toMatchObject({
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': expect.stringMatching(/json/) },
    });
    expect(JSON.parse(String(at(own.body, 'value', 'body')))).toMatchObject({ key: 'FLEX-112' });
    expect(at((await fetchProduct('/rest/api/3/issue/GROW-9')).body, 'value', 'status')).toBe(404);
    expect(site.accounting.calls().at(-1)).toMatchObject({ provider: 'bridge', status: 404 });
  });

  it('serves the Custom UI with the bridge stand-in first in <head>, and its assets', async () => {
    const page = await fetch(`${site.url}/jira/browse/FLEX-112`, { headers: { cookie: 'll_user=bob' } });
    const html = await page.text();
    const src = /<iframe[^>]+src="([^"]+)"/.exec(html)?.[1] ?? 'no iframe';
    expect(src).toMatch(/^\/forge\/resources\/issue-panel\/index\.html\?frame=[\w-]+$/);
    const frameHtml = await (await fetch(site.url + src)).text();
    expect(frameHtml).toMatch(
      /<head>\s*<script src="\/__local\/public\/bridge-stand-in\.js" data-frame-token="[\w-]+"><\/script>\s*<meta charset/,
    );
    const token = /data-frame-token="([\w-]+)"/.exec(frameHtml)![1]!;
    expect(site.frames.get(token)).toMatchObject({
      accountId: site.user('bob').accountId,
      context: { extension: { issue: { key: 'FLEX-112' } } },
    });
    const asset = await fetch(site.url + src.replace('index.html', 'assets/app.js'));
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('console.log');
    expect((await fetch(site.url + src.replace('index.html', '../../../../local/site.ts'))).status).toBe(404);
    expect((await fetch(`${site.url}/__local/public/bridge-stand-in.js`)).status).toBe(200);
  });

  it('refuses to serve a frame for an unknown token', async () => {
    expect((await fetch(`${site.url}/forge/resources/issue-panel/index.html?frame=made-up`)).status).toBe(403);
  });
});

describe('pages', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startDemoSite({ port: 0, handler: echo });
  });
  afterAll(async () => {
    await site.close();
  });

  const get = async (pathname: string, user?: string) => {
    const res = await fetch(site.url + pathname, { headers: user ? { cookie: `ll_user=${user}` } : {} });
    return { status: res.status, html: await res.text() };
  };

  it('lists the demo issues by project, hiding what the user cannot browse', async () => {
    const alice = await get('/', 'alice');
    expect(alice.status).toBe(200);
    expect(alice.html).toContain('FLEX-112');
    expect(alice.html).toContain('GROW-9');
    const carol = await get('/', 'carol');
    expect(carol.html).toContain('FLEX-112');
    expect(carol.html).not.toContain('GROW-9');
  });

  it('shows an issue with the panel frame, and a 404 page when the user cannot browse it', async () => {
    const ok = await get('/jira/browse/FLEX-112', 'carol');
    expect(ok.status).toBe(200);
    expect(ok.html).toContain('Offer Flex as a refund option in low-price journeys');
    expect(ok.html).toContain('Hypothesis / What we learned');
    const hidden = await get('/jira/browse/GROW-9', 'carol');
    expect(hidden.status).toBe(404);
    expect(hidden.html).toContain("You can't view this issue");
    expect(hidden.html).not.toContain('Referral credit');
    expect((await get('/jira/browse/NOPE-1', 'alice')).status).toBe(404);
  });

  it('answers an app\'s "open in Jira" link with the issue navigator, as the user, with Jira\'s JQL errors', async () => {
    const jql = encodeURIComponent('learningTags = pricing ORDER BY key');
    const alice = await get(`/jira/issues?jql=${jql}`, 'alice');
    expect(alice.status).toBe(200);
    expect(alice.html).toMatch(/GROW-\d+/);
    const carol = await get(`/issues/?jql=${jql}`, 'carol');
    expect(carol.status).toBe(200);
    expect(carol.html).toContain('FLEX-');
    expect(carol.html).not.toMatch(/GROW-\d+/);
    const broken = await get(`/jira/issues?jql=${encodeURIComponent('projcet = FLEX')}`, 'alice');
    expect(broken.status).toBe(400);
    expect(broken.html).toContain('role="alert"');
  });

  it('serves the design tokens and the accounting', async () => {
    const css = await get('/__local/tokens.css');
    expect(css.html).toContain('html[data-color-mode="dark"]');
    expect(css.html).toContain('--ds-surface');
    const accounting = await fetch(`${site.url}/__local/accounting`);
    expect(await accounting.json()).toMatchObject({
      totals: expect.any(Object),
      totalCalls: expect.any(Number),
      calls: expect.any(Array),
      invocations: expect.any(Array),
    });
  });

  it('resets the demo data on POST', async () => {
    const issue = site.store.getIssue('FLEX-112')!;
    site.store.deleteProperty(issue.id, LEARNING_PROPERTY_KEY);
    const res = await fetch(`${site.url}/__local/reset`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(site.store.getProperty(issue.id, LEARNING_PROPERTY_KEY)).toBeDefined();
  });
});

describe('persistence', () => {
  it('keeps properties and KVS across a restart on the same data dir, without re-seeding', async () => {
    const dataDir = tempDir('data');
    const first = await startDemoSite({ port: 0, dataDir, handler: echo });
    expect((await first.requestJira('alice', 'PUT', '/rest/api/3/issue/FLEX-114/properties/note', '{"kept":true}')).status).toBe(201);
    await kvs.set('restart:check', { n: 1 });
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'learning-loop.sqlite'))).toBe(true);

    const second = await startDemoSite({ port: 0, dataDir, handler: echo });
    try {
      expect((await second.requestJira('alice', 'GET', '/rest/api/3/issue/FLEX-114/properties/note')).body).toEqual({
        key: 'note',
        value: { kept: true },
      });
      expect(await kvs.get('restart:check')).toEqual({ n: 1 });
      second.reset();
      expect((await second.requestJira('alice', 'GET', '/rest/api/3/issue/FLEX-114/properties/note')).status).toBe(404);
      expect(await kvs.get('restart:check')).toBeUndefined();
    } finally {
      await second.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the real resolvers through site.invoke', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startDemoSite({ port: 0 });
  });
  afterAll(async () => {
    await site.close();
  });

  it("opens the panel in one invocation: the issue and Edit permission, then the editor's name, as the invoking user", async () => {
    const { result, calls } = await site.invoke({ functionKey: 'learning/get', as: 'dan', issueKey: 'FLEX-112' });
    expect(result).toMatchObject({
      ok: true,
      value: { issue: { key: 'FLEX-112' }, canEdit: false, viewerAccountId: site.user('dan').accountId },
    });
    expect(calls.map((c) => c.endpoint).sort()).toEqual([
      'GET /rest/api/3/issue/{issueIdOrKey}',
      'GET /rest/api/3/mypermissions',
      'GET /rest/api/3/user/bulk',
    ]);
    expect(calls.every((c) => c.provider === 'user')).toBe(true);
  });

  it('answers NOT_FOUND to a user who cannot browse the issue', async () => {
    const { result } = await site.invoke({ functionKey: 'learning/get', as: 'carol', issueKey: 'GROW-9' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

/**
 * The Confluence side of the local site: seeded space and pages, creating a
 * page, inserting a macro, the config flow (view.submit / view.close) at the
 * HTTP and store level, persistence across restarts, Confluence REST, and
 * cross-product calls from a macro's resolver (asUser refusal, asApp fallback).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import api, { NeedsAuthenticationError, route } from '@forge/api';
import type { ForgeFunctionHandler, LocalSite } from '../index';
import { startDemoSite } from './support/demo-site';
import { at, firstMacro, postJson } from './support/json-path';

const FIXTURE = path.join(__dirname, 'fixtures', 'probe-app');
const MANIFEST = path.join(FIXTURE, 'manifest.yml');
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'll-confluence-'));

/** A macro resolver that reads Jira as the user, falling back to asApp when Forge refuses asUser. */
const handler: ForgeFunctionHandler = async (request, backend) => {
  if (request.call.functionKey === 'whoami') {
    try {
      const res = await api.asUser().requestJira(route`/rest/api/3/myself`);
      return { as: 'user', status: res.status, body: await res.json(), installContext: backend.installContext };
    } catch (error) {
      if (!(error instanceof NeedsAuthenticationError)) throw error;
      const res = await api.asApp().requestJira(route`/rest/api/3/myself`);
      return {
        as: 'app',
        refusedWith: { name: error.name, status: error.status },
        status: res.status,
        body: await res.json(),
        installContext: backend.installContext,
      };
    }
  }
  if (request.call.functionKey === 'page') {
    const id = (request.context.extension as { content: { id: string } }).content.id;
    const res = await api.asUser().requestConfluence(route`/wiki/api/v2/pages/${id}?body-format=atlas_doc_format`);
    return { status: res.status, body: await res.json() };
  }
  return { context: request.context };
};

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (url: string, fields: Record<string, string>, user = 'alice') =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `ll_user=${user}` },
    body: form(fields),
  });
const tokensIn = (html: string) => [...html.matchAll(/data-frame-token="([\w-]+)"/g)].map((m) => m[1]!);

let site: LocalSite;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir();
  site = await startDemoSite({ port: 0, handler, dataDir, manifestPath: MANIFEST, staticRoot: FIXTURE });
});

afterAll(async () => {
  await site.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Confluence pages and the macro config flow', () => {
  it('seeds the Product Learnings space with pages of text and macro slots', async () => {
    expect(site.confluence.listSpaces()).toEqual([{ id: '98305', key: 'PL', name: 'Product Learnings', description: expect.any(String) }]);
    const titles = site.confluence.listPages('PL').map((p) => p.title);
    expect(titles).toEqual([
      'Pricing experiments — what we learned',
      'Sprint retro — FLEX Sprint 23',
      'How we run experiments',
      'Learning insights',
    ]);
    const html = await (await fetch(`${site.url}/wiki/spaces/PL/pages/65601`)).text();
    expect(html).toContain('Pricing experiments — what we learned');
    expect(html).toMatch(/<iframe[^>]+src="\/forge\/resources\/probe-macro\//);
    expect(html).toContain('data-action="edit-macro"');
    expect(await (await fetch(`${site.url}/wiki`)).text()).toContain('href="/wiki/spaces/PL/pages/65602"');
  });

  it('creates a page, inserts a macro, opens its config on insert, stores the submitted config', async () => {
    const created = await post(`${site.url}/wiki/spaces/PL/pages`, {
      title: 'Checkout learnings',
      body: 'First paragraph.\n\nSecond paragraph.',
    });
    expect(created.status).toBe(303);
    const pageUrl = created.headers.get('location')!;
    expect(pageUrl).toMatch(/^\/wiki\/spaces\/PL\/pages\/\d+$/);
    const pageId = pageUrl.split('/').at(-1)!;
    expect(site.confluence.getPage(pageId)).toMatchObject({
      title: 'Checkout learnings',
      blocks: [
        { type: 'paragraph', text: 'First paragraph.' },
        { type: 'paragraph', text: 'Second paragraph.' },
      ],
      authorAccountId: site.user('alice').accountId,
    });

    // openOnInsert: the insert sends the person to the page with the config view open.
    const inserted = await post(`${site.url}${pageUrl}/macros`, { moduleKey: 'probe-macro' });
    expect(inserted.status).toBe(303);
    const configureUrl = inserted.headers.get('location')!;
    const localId = /configure=([\w-]+)&inserting=1$/.exec(configureUrl)![1]!;
    expect(site.confluence.getMacro(pageId, localId)).toEqual({ type: 'macro', localId, moduleKey: 'probe-macro', config: null });

    const html = await (await fetch(site.url + configureUrl, { headers: { cookie: 'll_user=alice' } })).text();
    expect(html).toContain('role="dialog"');
    expect(html).toContain('Configure the probe');
    const configSrc = /<iframe[^>]+src="(\/forge\/resources\/probe-config\/[^"]+)"[^>]+data-role="macro-config"/.exec(html)![1]!;
    const configToken = new URL(configSrc, site.url).searchParams.get('frame')!;
    const [macroToken] = tokensIn(html);
    const configContext = at((await postJson(`${site.url}/__local/bridge/context`, { token: configToken })).body, 'value');
    expect(configContext).toMatchObject({
      localId,
      moduleKey: 'probe-macro',
      extension: { type: 'macro', isEditing: true, macro: { isConfiguring: true, isInserting: true } },
    });
    expect(at(configContext, 'extension', 'config')).toBeUndefined();

    // view.submit from the macro itself is refused, as in the page view: the bridge then throws.
    expect(
      (await postJson(`${site.url}/__local/bridge/submit`, { token: macroToken, payload: { config: { hacked: true } } })).body,
    ).toEqual({ ok: true, value: false });
    expect(at((await postJson(`${site.url}/__local/bridge/close`, { token: macroToken })).body, 'value')).toBe(false);

    // view.submit({ config }) from the config view stores it in the page.
    const version = site.confluence.getPage(pageId)!.version;
    const submitted = await postJson(`${site.url}/__local/bridge/submit`, {
      token: configToken,
      payload: { config: { jql: 'project = FLEX' } },
    });
    expect(submitted.body).toMatchObject({ ok: true, value: true });
    expect(site.confluence.getMacro(pageId, localId)!.config).toEqual({ jql: 'project = FLEX' });
    expect(site.confluence.getPage(pageId)!.version).toBe(version + 1);

    // The page renders again: the macro's new frame sees the config; the old frame does not change.
    const again = await (await fetch(site.url + pageUrl)).text();
    expect(again).not.toContain('role="dialog"');
    const [fresh] = tokensIn(again);
    const macroContext = at((await postJson(`${site.url}/__local/bridge/context`, { token: fresh })).body, 'value');
    expect(at(macroContext, 'extension')).toMatchObject({
      config: { jql: 'project = FLEX' },
      macro: { isConfiguring: false },
      isEditing: false,
    });

    // Edit again, then cancel: view.close answers true and nothing changes.
    const edit = site.hosts.openMacroConfig(site.user('alice').accountId, pageId, localId);
    expect(
      at((await postJson(`${site.url}/__local/bridge/context`, { token: edit.grant.token })).body, 'value', 'extension'),
    ).toMatchObject({
      config: { jql: 'project = FLEX' },
      macro: { isConfiguring: true, isInserting: false },
    });
    expect(at((await postJson(`${site.url}/__local/bridge/close`, { token: edit.grant.token })).body, 'value')).toBe(true);
    expect(site.confluence.getMacro(pageId, localId)!.config).toEqual({ jql: 'project = FLEX' });
  });
});

describe('Confluence: errors, macros without config, REST', () => {
  it('rejects bad config and bad pages with clear errors', async () => {
    const page = site.confluence.listPages('PL')[0]!;
    const slot = firstMacro(page);
    const { grant } = site.hosts.openMacroConfig(site.user('alice').accountId, page.id, slot.localId);
    const notObject = await postJson(`${site.url}/__local/bridge/submit`, { token: grant.token, payload: { config: 'jql' } });
    expect(notObject.status).toBe(400);
    expect(at(notObject.body, 'error', 'message')).toMatch(/must be an object/);
    const tooBig = await postJson(`${site.url}/__local/bridge/submit`, {
      token: grant.token,
      payload: { config: { jql: 'x'.repeat(20_000) } },
    });
    expect(tooBig.status).toBe(400);
    expect((await post(`${site.url}/wiki/spaces/PL/pages`, { title: '', body: 'x' })).status).toBe(400);
    expect((await post(`${site.url}/wiki/spaces/PL/pages`, { title: 'How we run experiments', body: '' })).status).toBe(400);
    expect((await post(`${site.url}/wiki/spaces/PL/pages/${page.id}/macros`, { moduleKey: 'nope' })).status).toBe(400);
    expect((await postJson(`${site.url}/__local/bridge/submit`, { token: 'made-up', payload: {} })).status).toBe(403);
  });

  it('inserts a macro without openOnInsert straight into the page, and removes it', async () => {
    const res = await post(`${site.url}/wiki/spaces/PL/pages/65603/macros`, { moduleKey: 'learnings-macro' });
    expect(res.headers.get('location')).toBe('/wiki/spaces/PL/pages/65603');
    const macro = site.confluence.getPage('65603')!.blocks.at(-1)!;
    expect(macro).toMatchObject({ type: 'macro', moduleKey: 'learnings-macro', config: null });
    if (macro.type !== 'macro') throw new Error('no macro');
    expect((await post(`${site.url}/wiki/spaces/PL/pages/65603/macros/${macro.localId}/delete`, {})).status).toBe(303);
    expect(site.confluence.getMacro('65603', macro.localId)).toBeUndefined();
  });

  it('serves Confluence REST to requestConfluence, from a macro invocation', async () => {
    const result = await site.invoke({
      functionKey: 'page',
      as: 'bob',
      context: site.hosts.openMacro(site.user('bob').accountId, '65601', '4f6c1a52-2b0e-4d7a-9a51-7c3e2f1d0a11').grant.context,
    });
    const { status, body } = result.result as { status: number; body: unknown };
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: '65601',
      title: 'Pricing experiments — what we learned',
      spaceId: '98305',
      version: { number: expect.any(Number) },
    });
    const adf: unknown = JSON.parse(String(at(body, 'body', 'atlas_doc_format', 'value')));
    expect(at(adf, 'content')).toContainEqual(
      expect.objectContaining({ type: 'extension', attrs: expect.objectContaining({ localId: '4f6c1a52-2b0e-4d7a-9a51-7c3e2f1d0a11' }) }),
    );
    expect(result.calls).toEqual([expect.objectContaining({ endpoint: 'GET /wiki/api/v2/pages/{id}', provider: 'user', status: 200 })]);
  });
});

describe('Confluence: cross-product calls and persistence', () => {
  it('refuses asUser() Jira calls from Confluence modules when the setting says so; asApp still works', async () => {
    const context = site.hosts.openMacro(site.user('carol').accountId, '65601', '4f6c1a52-2b0e-4d7a-9a51-7c3e2f1d0a11').grant.context;
    const granted = await site.invoke({ functionKey: 'whoami', as: 'carol', context });
    expect(granted.result).toMatchObject({
      as: 'user',
      status: 200,
      body: { accountId: site.user('carol').accountId },
      installContext: 'ari:cloud:confluence::site/local',
    });

    const switched = await postJson(`${site.url}/__local/settings`, { confluenceAsUserJira: 'needs-auth' });
    expect(at(switched.body, 'value')).toEqual({ confluenceAsUserJira: 'needs-auth', confluenceConnected: true });
    try {
      const refused = await site.invoke({ functionKey: 'whoami', as: 'carol', context });
      expect(refused.result).toMatchObject({
        as: 'app',
        refusedWith: { name: 'NEEDS_AUTHENTICATION_ERR', status: 401 },
        status: 200,
        body: { accountType: 'app' },
      });
      expect(refused.calls.map((c) => [c.provider, c.status])).toEqual([
        ['user', 401],
        ['app', 200],
      ]);
      // Jira modules are not affected: only the Confluence installation lacks the grant.
      const fromJira = await site.invoke({ functionKey: 'whoami', as: 'carol', issueKey: 'FLEX-112' });
      expect(fromJira.result).toMatchObject({ as: 'user', installContext: 'ari:cloud:jira::site/local' });
    } finally {
      site.settings.confluenceAsUserJira = 'granted';
    }
  });

  it('keeps pages, macros and their config across a restart; a demo reset puts the seed back', async () => {
    const created = site.confluence.createPage({
      spaceKey: 'PL',
      title: 'Kept page',
      body: 'Stays.',
      authorAccountId: site.user('bob').accountId,
    });
    const macro = site.confluence.insertMacro(created.id, 'probe-macro');
    site.confluence.setMacroConfig(created.id, macro.localId, { jql: 'learningSurprise = "true"' });
    await site.close();
    site = await startDemoSite({ port: 0, handler, dataDir, manifestPath: MANIFEST, staticRoot: FIXTURE });
    expect(site.confluence.getPage(created.id)).toMatchObject({
      title: 'Kept page',
      blocks: [
        { type: 'paragraph', text: 'Stays.' },
        { type: 'macro', localId: macro.localId, config: { jql: 'learningSurprise = "true"' } },
      ],
    });
    const html = await (await fetch(`${site.url}/wiki/spaces/PL/pages/${created.id}`)).text();
    const [token] = tokensIn(html);
    expect(at((await postJson(`${site.url}/__local/bridge/context`, { token })).body, 'value', 'extension', 'config')).toEqual({
      jql: 'learningSurprise = "true"',
    });
    site.reset();
    expect(site.confluence.getPage(created.id)).toBeUndefined();
    expect(site.confluence.listPages('PL')).toHaveLength(4);
  });
});

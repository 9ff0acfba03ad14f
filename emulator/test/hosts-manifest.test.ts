/**
 * Manifest-driven hosting: the modules of a (fixture) manifest are hosted
 * with their own resources and the context Forge gives each module type.
 */
import path from 'node:path';
import type { ForgeFunctionHandler } from '../index';
import { ModuleRegistry } from '../hosting/module-registry';
import { useDemoSite } from './support/demo-site';
import { at, firstMacro, postJson } from './support/json-path';

const FIXTURE = path.join(__dirname, 'fixtures', 'probe-app');
const MANIFEST = path.join(FIXTURE, 'manifest.yml');

/** Tells what Forge handed the resolver. */
const echo: ForgeFunctionHandler = (request, backend) =>
  Promise.resolve({
    functionKey: request.call.functionKey,
    context: request.context,
    accountId: backend.principal.accountId,
    installContext: backend.installContext,
  });

describe('the module registry', () => {
  it('reads macro (with config) and jira:projectPage modules and their resources from the manifest', () => {
    const registry = new ModuleRegistry({ manifestPath: MANIFEST });
    expect(registry.modules('macro').map((m) => m.key)).toEqual(['probe-macro', 'learnings-macro', 'plain-macro']);
    expect(registry.module('macro', 'probe-macro')).toEqual({
      type: 'macro',
      key: 'probe-macro',
      title: 'Probe macro',
      resource: 'probe-macro',
      layout: 'block',
      resolverFunction: 'resolver',
      config: { resource: 'probe-config', title: 'Configure the probe', viewportSize: 'medium', openOnInsert: true },
    });
    // A module's invocations run the function its resolver names, found by the module key the context carries.
    expect(registry.resolverHandlerOf('probe-macro')).toEqual(registry.functionHandler('resolver'));
    expect(registry.resolverHandlerOf('no-such-module')).toBeUndefined();
    expect(registry.module('macro', 'plain-macro')?.config).toBeUndefined();
    expect(registry.modules('jira:projectPage')).toEqual([
      { type: 'jira:projectPage', key: 'probe-page', title: 'Probe page', resource: 'probe-page', resolverFunction: 'resolver' },
    ]);
    expect(registry.resourceDir('probe-config')).toBe(path.join(FIXTURE, 'static', 'probe-config', 'build'));
    expect(registry.resourceDir('not-declared')).toBeUndefined();
    // The issue panel is the manifest's own module too: the emulator knows no app's resource names.
    expect(registry.modules('jira:issuePanel')).toEqual([
      { type: 'jira:issuePanel', key: 'probe-panel', title: 'Probe panel', resource: 'probe-page', resolverFunction: 'resolver' },
    ]);
    expect(registry.resourceDir('issue-panel')).toBeUndefined();
  });

  it("resolves resource paths from staticRoot, and the app's own manifest", () => {
    expect(new ModuleRegistry({ manifestPath: MANIFEST, staticRoot: '/elsewhere' }).resourceDir('probe-page')).toBe(
      '/elsewhere/static/probe-page/build',
    );
    const app = new ModuleRegistry();
    expect(app.error).toBeNull();
    expect(app.resourceDir('issue-panel')).toBe(path.resolve(__dirname, '..', '..', 'static', 'issue-panel', 'build'));
  });
});

const site = useDemoSite({ start: { handler: echo, manifestPath: MANIFEST, staticRoot: FIXTURE } });
const pageFor = (title: string) => site.confluence.listPages('PL').find((p) => p.title === title)!;

describe('hosting the fixture macros', () => {
  it('gives a macro the real macro context, with its instance localId and stored config', async () => {
    const page = pageFor('Pricing experiments — what we learned');
    const slot = firstMacro(page);
    const { grant, src } = site.hosts.openMacro(site.user('bob').accountId, page.id, slot.localId, 'dark');
    expect(src).toBe(`/forge/resources/probe-macro/index.html?frame=${grant.token}`);
    const { body } = await postJson(`${site.url}/__local/bridge/context`, { token: grant.token });
    expect(at(body, 'value')).toEqual({
      cloudId: 'local',
      siteUrl: site.url,
      localId: slot.localId,
      moduleKey: 'learnings-macro',
      extension: {
        type: 'macro',
        content: { id: page.id, type: 'page', subtype: null },
        space: { key: 'PL', id: '98305' },
        isEditing: false,
        references: [],
        config: { jql: 'learningTags = pricing AND learningCount > 0' },
        macro: { isConfiguring: false },
      },
      accountId: site.user('bob').accountId,
      accountType: 'licensed',
      environmentType: 'DEVELOPMENT',
      environmentId: 'local-development',
      appVersion: '0.0.0-local',
      locale: 'en-US',
      timezone: expect.any(String),
      theme: { colorMode: 'dark' },
      license: null,
    });
  });

  it('gives the config view isConfiguring, isInserting and the current config', async () => {
    const page = pageFor('Sprint retro — FLEX Sprint 23');
    const sprint23 = site.store.listSprints('FLEX').find((s) => s.name === 'FLEX Sprint 23')?.id;
    const slot = firstMacro(page);
    const { grant, src } = site.hosts.openMacroConfig(site.user('alice').accountId, page.id, slot.localId, { inserting: true });
    expect(src).toMatch(/^\/forge\/resources\/probe-config\//);
    const { body } = await postJson(`${site.url}/__local/bridge/context`, { token: grant.token });
    expect(at(body, 'value', 'extension')).toEqual({
      type: 'macro',
      content: { id: page.id, type: 'page', subtype: null },
      space: { key: 'PL', id: '98305' },
      isEditing: true,
      references: [],
      config: {
        title: 'Surprises of FLEX Sprint 23',
        jql: `sprint = ${sprint23} AND learningSurprise = "true"`,
        groupBy: 'none',
      },
      macro: { isConfiguring: true, isInserting: true },
    });
    expect(at(body, 'value', 'localId')).toBe(slot.localId);
  });
});

describe('hosting the fixture project page, invocations and resources', () => {
  it('hosts a jira:projectPage at /jira/projects/:key/apps/:moduleKey with the project page context', async () => {
    const index = await (await fetch(`${site.url}/`, { headers: { cookie: 'll_user=alice' } })).text();
    expect(index).toContain('href="/jira/projects/FLEX/apps/probe-page"');
    const html = await (await fetch(`${site.url}/jira/projects/FLEX/apps/probe-page`, { headers: { cookie: 'll_user=alice' } })).text();
    const src = /<iframe[^>]+src="([^"]+)"/.exec(html)![1]!;
    expect(src).toMatch(/^\/forge\/resources\/probe-page\/index\.html\?frame=[\w-]+$/);
    const frameHtml = await (await fetch(site.url + src)).text();
    expect(frameHtml).toMatch(/<head>\s*<script src="\/__local\/public\/bridge-stand-in\.js" data-frame-token="[\w-]+"><\/script>/);
    expect(frameHtml).toContain('Probe project page');
    const token = /data-frame-token="([\w-]+)"/.exec(frameHtml)![1]!;
    const { body } = await postJson(`${site.url}/__local/bridge/context`, { token });
    const project = site.store.getProject('FLEX')!;
    expect(at(body, 'value')).toMatchObject({
      cloudId: 'local',
      siteUrl: site.url,
      localId: 'ari:cloud:ecosystem::extension/local-learning-loop/local-development/static/probe-page',
      moduleKey: 'probe-page',
      extension: { type: 'jira:projectPage', project: { id: project.id, key: 'FLEX', type: 'software' } },
      accountId: site.user('alice').accountId,
    });
    // Carol cannot browse GROW: the page is not there for her.
    expect((await fetch(`${site.url}/jira/projects/GROW/apps/probe-page`, { headers: { cookie: 'll_user=carol' } })).status).toBe(404);
    expect((await fetch(`${site.url}/jira/projects/FLEX/apps/not-a-module`)).status).toBe(404);
  });

  it("invokes with the installContext of the module's product, and counts the invocation", async () => {
    const page = pageFor('Pricing experiments — what we learned');
    const slot = firstMacro(page);
    const macro = site.hosts.openMacro(site.user('dan').accountId, page.id, slot.localId);
    const fromMacro = await postJson(`${site.url}/__local/bridge/invoke`, { token: macro.grant.token, functionKey: 'probe', payload: {} });
    expect(at(fromMacro.body, 'value')).toMatchObject({
      installContext: 'ari:cloud:confluence::site/local',
      accountId: site.user('dan').accountId,
      context: { localId: slot.localId, extension: { type: 'macro', config: { jql: 'learningTags = pricing AND learningCount > 0' } } },
    });
    const projectPage = site.hosts.openProjectPage(site.user('dan').accountId, 'FLEX', 'probe-page');
    const fromPage = await postJson(`${site.url}/__local/bridge/invoke`, {
      token: projectPage.grant.token,
      functionKey: 'probe',
      payload: {},
    });
    expect(at(fromPage.body, 'value', 'installContext')).toBe('ari:cloud:jira::site/local');
    expect(
      site.accounting
        .invocations()
        .slice(-2)
        .map((i) => [i.functionKey, i.source]),
    ).toEqual([
      ['probe', 'bridge'],
      ['probe', 'bridge'],
    ]);
  });

  it('refuses resources the manifest does not declare, and frames for another resource', async () => {
    const { grant } = site.hosts.openProjectPage(site.user('alice').accountId, 'FLEX', 'probe-page');
    expect((await fetch(`${site.url}/forge/resources/probe-macro/index.html?frame=${grant.token}`)).status).toBe(403);
    expect((await fetch(`${site.url}/forge/resources/secret/x.js`)).status).toBe(404);
    expect((await fetch(`${site.url}/forge/resources/probe-page/../../manifest.yml`)).status).toBe(404);
  });
});

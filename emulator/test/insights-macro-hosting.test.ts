/**
 * The app's own manifest declares two Confluence macros ("Learnings from Jira" and "Learning
 * insights"): the local site hosts the second on a Confluence page exactly as it hosts the
 * first, by the manifest (its resource, its config view, its resolver function), and the demo's
 * "Learning insights" page, linked from the spaces index, holds it configured for the demo's projects.
 */
import type { ForgeFunctionHandler } from '../index';
import { ModuleRegistry } from '../hosting/module-registry';
import { useDemoSite } from './support/demo-site';
import { at, firstMacro, postJson } from './support/json-path';

/** Tells which function key and context Forge handed the resolver. */
const echo: ForgeFunctionHandler = (request) => Promise.resolve({ functionKey: request.call.functionKey, context: request.context });

const site = useDemoSite({ start: { handler: echo } });
const asUser = (handle: string) => ({ headers: { cookie: `ll_user=${handle}` } });
const insightsPage = () => site.confluence.listPages('PL').find((p) => p.title === 'Learning insights')!;

describe('the second macro of the app manifest', () => {
  it('is read with its resource, config view and resolver function, beside the first', () => {
    const registry = new ModuleRegistry();
    expect(registry.modules('macro').map((m) => m.key)).toEqual(['learnings-macro', 'learning-insights']);
    expect(registry.module('macro', 'learning-insights')).toMatchObject({
      title: 'Learning insights',
      resource: 'insights-macro',
      resolverFunction: 'resolver',
      config: { resource: 'insights-config', title: 'Configure learning insights', openOnInsert: true },
    });
    expect(registry.resolverHandlerOf('learning-insights')).toEqual(registry.functionHandler('resolver'));
    expect(registry.resourceDir('insights-macro')).toMatch(/static\/insights-macro\/build$/);
  });

  it('is hosted on the demo page "Learning insights", linked from the spaces index, with its stored config', async () => {
    const page = insightsPage();
    expect(await (await fetch(`${site.url}/wiki`, asUser('carol'))).text()).toContain(`href="/wiki/spaces/PL/pages/${page.id}"`);
    const html = await (await fetch(`${site.url}/wiki/spaces/PL/pages/${page.id}`, asUser('carol'))).text();
    expect(html).not.toContain('ll-macro-missing');
    expect(html).toMatch(/<iframe[^>]+src="\/forge\/resources\/insights-macro\/index\.html\?frame=[\w-]+"/);
    const token = /data-frame-token="([\w-]+)"/.exec(html)![1]!;
    const context = at((await postJson(`${site.url}/__local/bridge/context`, { token })).body, 'value');
    expect(context).toMatchObject({
      moduleKey: 'learning-insights',
      localId: firstMacro(page).localId,
      accountId: site.user('carol').accountId,
      extension: {
        type: 'macro',
        content: { id: page.id, type: 'page' },
        config: { projects: ['FLEX', 'CHK', 'GROW', 'SRCH'], periods: 6 },
        macro: { isConfiguring: false },
      },
    });
    // Its invocations carry the macro's context (installed in Confluence), as the first macro's do.
    const invoked = await postJson(`${site.url}/__local/bridge/invoke`, { token, functionKey: 'insights/open', payload: { periods: 6 } });
    expect(at(invoked.body, 'value', 'functionKey')).toBe('insights/open');
    expect(at(invoked.body, 'value', 'context', 'moduleKey')).toBe('learning-insights');
  });

  it('opens its own config view, and is inserted on a new page with the config opened, as the first macro is', async () => {
    const page = insightsPage();
    const localId = firstMacro(page).localId;
    const html = await (await fetch(`${site.url}/wiki/spaces/PL/pages/${page.id}?configure=${localId}`, asUser('alice'))).text();
    expect(html).toMatch(/<iframe[^>]+src="\/forge\/resources\/insights-config\/index\.html\?frame=[\w-]+"/);
    expect(html).toContain('Configure learning insights');
    const inserted = await fetch(`${site.url}/wiki/spaces/PL/pages/${page.id}/macros`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', cookie: 'll_user=alice' },
      body: JSON.stringify({ moduleKey: 'learning-insights' }),
    });
    expect(inserted.status).toBe(201);
    expect(at(await inserted.json(), 'value', 'configure')).toBe(true);
  });
});

/**
 * The app against Atlassian's published contracts, as the emulator enforces them at Forge's seam
 * (emulator/runtime/contract-gate.ts): a scope the manifest leaves out is refused as the platform
 * refuses it, a Confluence module reads Jira only as `app.compatibility` and the site's connected
 * apps allow, and the app's requests are ones Jira accepts as documented.
 */
import api, { route } from '@forge/api';
import { CONTRACT_LEDGER_KEY, writeManifestVariant } from '../../emulator';
import { handler } from '../../src';
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { startAppSite, type AppSite } from '../support/app-site';
import { LEDGER_KEY } from '../support/contract-run';
import { macroContextFor, projectPageContextFor } from '../support/invoke-contexts';
import { jiraCalls, useLocalSite } from '../support/local-site';

jest.setTimeout(30_000);

const site = useLocalSite({ resetBeforeEach: 'demo-data-and-calls' });

/** A site whose manifest is a copy of the app's with `changes` (the handler is the app's own). */
async function withManifest<T>(changes: Parameters<typeof writeManifestVariant>[0], fn: (other: AppSite) => Promise<T>): Promise<T> {
  const other = await startAppSite({ port: 0, ...writeManifestVariant(changes), handler });
  try {
    return await fn(other);
  } finally {
    await other.close();
  }
}

it("reads the emulator's ledger where the emulator publishes it", () => {
  expect(LEDGER_KEY).toBe(CONTRACT_LEDGER_KEY);
});

describe('a scope left out of the manifest', () => {
  it('is refused by Jira as the platform refuses it: people/lookup without read:jira-user', async () => {
    await withManifest({ removeScopes: ['read:jira-user'] }, async (other) => {
      const bob = other.user('bob').accountId;
      const { result, calls } = await other.invoke({
        functionKey: 'people/lookup',
        as: 'alice',
        issueKey: 'FLEX-112',
        payload: { accountIds: [bob] },
      });
      expect(calls).toEqual([expect.objectContaining({ endpoint: 'GET /rest/api/3/user/bulk', status: 403 })]);
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('missing scope grants') } });

      const direct = await other.runAs('alice', () => api.asUser().requestJira(route`/rest/api/3/user/bulk?accountId=${bob}`));
      expect(direct.status).toBe(403);
      expect(((await direct.json()) as { errorMessages: string[] }).errorMessages[0]).toContain(' * [read:jira-user]\n');
      expect(other.contract.summary().refusals.map((r) => r.message)).toContain(
        'GET /rest/api/3/user/bulk: the manifest lacks read:jira-user (bulkGetUsers)',
      );
    });
  });

  it('is refused by the gateway for the Agile API: the retro view without read:project:jira (401 "scope does not match")', async () => {
    await withManifest({ removeScopes: ['read:project:jira'] }, async (other) => {
      const { result, calls } = await other.invoke({
        functionKey: 'retro/open',
        as: 'alice',
        context: projectPageContextFor(other, 'FLEX'),
        payload: {},
      });
      expect(jiraCalls(calls)).toEqual([expect.objectContaining({ endpoint: 'GET /rest/agile/1.0/board', status: 401 })]);
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      const direct = await other.runAs('alice', () => api.asUser().requestJira(route`/rest/agile/1.0/board?projectKeyOrId=FLEX`));
      expect(direct.status).toBe(401);
      expect(direct.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
      expect(await direct.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
      expect(other.contract.summary().refusals.map((r) => r.message)).toContain(
        'GET /rest/agile/1.0/board: the manifest lacks read:project:jira (getAllBoards)',
      );
    });
    // The same view with the app's own manifest lists the project's boards.
    const { result } = await site.invoke({
      functionKey: 'retro/open',
      as: 'alice',
      context: projectPageContextFor(site, 'FLEX'),
      payload: {},
    });
    expect(result).toMatchObject({ ok: true });
  });

  it("is granted with the app's own manifest", async () => {
    const { result } = await site.invoke({
      functionKey: 'people/lookup',
      as: 'alice',
      issueKey: 'FLEX-112',
      payload: { accountIds: [site.user('bob').accountId] },
    });
    expect(result).toMatchObject({ ok: true, value: { names: { [site.user('bob').accountId]: expect.any(String) } } });
  });
});

describe('a Confluence module reading Jira (app.compatibility)', () => {
  const macro = (on: Pick<AppSite, 'invoke' | 'url'>) =>
    on.invoke({ functionKey: 'macro/list', as: 'alice', context: macroContextFor(on, DEFAULT_MACRO_CONFIG), payload: {} });
  const notConnected = {
    ok: false,
    error: {
      code: 'PRODUCT_NOT_CONNECTED',
      message: expect.stringMatching(/A site admin must install Learning Loop in Jira, then add it to Confluence/),
    },
  };

  afterEach(() => {
    site.settings.confluenceConnected = true;
  });

  it('works while Confluence is connected', async () => {
    expect((await macro(site)).result).toMatchObject({ ok: true });
  });

  it('is refused while Confluence, the optional app, is not connected: PRODUCT_NOT_CONNECTED naming what an admin must do', async () => {
    site.settings.confluenceConnected = false;
    const { result, calls } = await macro(site);
    expect(result).toMatchObject(notConnected);
    expect(jiraCalls(calls)).toEqual([expect.objectContaining({ endpoint: 'POST /rest/api/3/search/jql', status: 403 })]);
    // Jira's own modules are not affected.
    expect((await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112', payload: {} })).result).toMatchObject({
      ok: true,
    });
  });

  it('is refused when the manifest declares no app.compatibility', async () => {
    await withManifest({ compatibility: null }, async (other) => {
      expect((await macro(other)).result).toMatchObject(notConnected);
      expect(other.contract.summary().refusals).toEqual([
        expect.objectContaining({ message: expect.stringContaining('declares no app.compatibility') }),
      ]);
    });
  });

  it("is refused for the macro's config view too (jql/check)", async () => {
    site.settings.confluenceConnected = false;
    const { result } = await site.invoke({
      functionKey: 'jql/check',
      as: 'alice',
      context: macroContextFor(site, DEFAULT_MACRO_CONFIG, true),
      payload: { jql: 'project = FLEX' },
    });
    expect(result).toMatchObject(notConnected);
  });
});

describe("the app's requests as Jira documents them", () => {
  it('checks an empty JQL without asking Jira to parse an empty query (parseJqlQueries takes non-empty queries only)', async () => {
    site.contract.reset();
    const { result } = await site.invoke({
      functionKey: 'jql/check',
      as: 'alice',
      context: macroContextFor(site, DEFAULT_MACRO_CONFIG, true),
      payload: { jql: '' },
    });
    expect(result).toMatchObject({ ok: true, value: { errors: [] } });
    expect(site.contract.summary().refusals).toEqual([]);
  });
});

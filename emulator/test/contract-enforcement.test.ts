/**
 * Atlassian's published contracts at the runtime's seam: a request no operation of the specs
 * serves, an invalid one, or one the manifest's scopes do not grant is refused as the platform
 * refuses it; a warning is recorded and the request served; every response is checked against its
 * operation (a mismatch is a contract violation).
 */
import api, { NotAllowedError, RequestProductNotAllowedError, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { loadContracts } from '../contract';
import { macroContext, startSite, writeManifestVariant, type ForgeFunctionHandler, type LocalSite } from '../index';
import { appPermissionsOf } from '../runtime/app-manifest';
import { checkResponse } from '../runtime/contract-gate';
import { ContractLedger } from '../runtime/contract-ledger';
import { startDemoSite, useDemoSite } from './support/demo-site';

const site = useDemoSite({ resetBeforeEach: 'demo-data-and-calls' });

const jsonOf = (text: string | null) => (text ? (JSON.parse(text) as Record<string, unknown>) : undefined);

describe('requests no operation serves', () => {
  it("answers 404 with Jira's error body for a path of no operation", async () => {
    const res = await site.requestJira('alice', 'GET', '/rest/api/3/not-a-resource?x=1');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ errorMessages: [`null for uri: ${site.url}/rest/api/3/not-a-resource?x=1`], errors: {} });
    expect(site.accounting.calls().at(-1)).toMatchObject({ endpoint: 'GET /rest/api/3/not-a-resource', status: 404 });
  });

  it('answers 405 with Allow for a method the path does not offer', async () => {
    const res = await site.requestJira('alice', 'DELETE', '/rest/api/3/myself');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
    expect(res.body).toMatchObject({ errorMessages: [expect.stringContaining('DELETE is not allowed')], errors: {} });
  });
});

describe('requests the operation refuses', () => {
  it('answers 400 naming each problem of the query', async () => {
    const res = await site.requestJira('alice', 'GET', '/rest/api/3/user/bulk?accountId=x&maxResults=lots');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: ['GET /rest/api/3/user/bulk: query parameter "maxResults" must be integer'], errors: {} });
  });

  it('answers 400 to a body against the schema, a body that is not JSON, and 415 to JSON without its content type', async () => {
    const search = await site.requestJira(
      'alice',
      'POST',
      '/rest/api/3/search/jql',
      JSON.stringify({ jql: 'project = FLEX', maxResults: 'ten' }),
    );
    expect(search.status).toBe(400);
    expect(search.body).toMatchObject({ errorMessages: [expect.stringContaining('request body at /maxResults must be integer')] });
    const put = (body: string, headers: Record<string, string> = {}) =>
      site.requestJira('alice', 'PUT', '/rest/api/3/issue/FLEX-114/properties/x', body, headers);
    expect((await put('{not json')).status).toBe(400);
    expect((await put('{"a":1}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect(site.contract.summary().refusals.map((r) => r.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('is not valid JSON'), expect.stringContaining('"text/plain" (415)')]),
    );
  });

  it('records a warning for an undocumented query parameter, and serves the request', async () => {
    site.contract.reset();
    const res = await site.requestJira('alice', 'GET', '/rest/api/3/issue/FLEX-112?fieldz=summary');
    expect(res.status).toBe(200);
    expect(site.contract.summary().warnings).toEqual([
      expect.objectContaining({
        side: 'request',
        message:
          'GET /rest/api/3/issue/{issueIdOrKey}: query parameter "fieldz" is not documented for this operation (Jira and Confluence ignore it)',
      }),
    ]);
  });

  it('counts the operations called and the requests and responses validated', async () => {
    site.contract.reset();
    await site.runAs('bob', () => api.asUser().requestJira(route`/rest/api/3/issue/${'FLEX-112'}?fields=summary`));
    await site.requestJira('bob', 'GET', '/rest/api/3/myself');
    const summary = site.contract.summary();
    expect(summary.operations).toEqual({
      'GET /rest/api/3/issue/{issueIdOrKey}': { operationId: 'getIssue', requests: 1, appRequests: 0, responses: 1 },
      'GET /rest/api/3/myself': { operationId: 'getCurrentUser', requests: 1, appRequests: 0, responses: 1 },
    });
    expect(summary).toMatchObject({ requestsValidated: 2, responsesValidated: 2, violations: [] });
  });
});

describe('scopes the manifest does not grant', () => {
  let narrow: LocalSite;

  beforeAll(async () => {
    const variant = writeManifestVariant({
      removeScopes: ['read:jira-user', 'storage:app'],
      addScopes: ['read:confluence-content.summary'],
    });
    narrow = await startDemoSite({ port: 0, ...variant });
  });

  afterAll(async () => {
    await narrow.close();
  });

  it('Jira answers 403 naming the scopes granted and the groups that would do', async () => {
    const res = await narrow.runAs('alice', () => api.asUser().requestJira(route`/rest/api/3/myself`));
    expect(res.status).toBe(403);
    const body = (await res.json()) as { errorMessages: string[] };
    expect(body.errorMessages[0]).toMatch(
      /^Access to the resource was denied due to missing scope grants\. Your app was granted the following scopes: \[.*read:jira-work.*\]\./,
    );
    expect(body.errorMessages[0]).toContain('The resource can be accessed by having one of these groups of scopes:\n * [read:jira-user]\n');
    expect(narrow.contract.summary().refusals).toEqual([
      expect.objectContaining({ message: expect.stringContaining('the manifest lacks read:jira-user (getCurrentUser)') }),
    ]);
  });

  it('Confluence answers 401 "scope does not match" (a classic scope does not grant a v2 operation)', async () => {
    const res = await narrow.runAs('alice', () => api.asUser().requestConfluence(route`/wiki/api/v2/pages/${'65601'}`));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
  });

  it('Forge storage is refused without storage:app (@forge/kvs throws)', async () => {
    await expect(narrow.runAs('alice', () => kvs.get('anything'))).rejects.toMatchObject({
      code: 401,
      message: 'Unauthorized; scope does not match',
    });
    expect(narrow.accounting.calls().at(-1)).toMatchObject({ provider: 'kvs', status: 401 });
  });

  it('grants what the manifest declares', async () => {
    const res = await narrow.runAs('alice', () => api.asUser().requestJira(route`/rest/api/3/issue/${'FLEX-112'}?fields=summary`));
    expect(res.status).toBe(200);
  });
});

describe('responses against their operation', () => {
  const contracts = loadContracts();
  const getIssue = contracts.match('jira', 'GET', '/rest/api/3/issue/FLEX-1')!;
  const req = { method: 'GET', path: '/rest/api/3/issue/FLEX-1', headers: new Headers(), bodyText: null };
  const res = (status: number, body: unknown) => ({
    status,
    statusText: '',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    endpoint: getIssue.label,
  });
  // A ledger of its own: these violations are planted, and must not fail this file.
  const settingsWith = (validateResponses: boolean) => ({
    permissions: appPermissionsOf('no-manifest-here.yml'),
    ledger: new ContractLedger(),
    validateResponses,
    siteUrl: () => 'http://x',
  });

  it('records a body against the schema, and an undocumented status, as violations', () => {
    const settings = settingsWith(true);
    checkResponse(settings, getIssue, req, res(200, { id: 10001, key: 'FLEX-1' }));
    checkResponse(settings, getIssue, req, res(418, {}));
    expect(settings.ledger.summary().violations.map((v) => v.message)).toEqual([
      'GET /rest/api/3/issue/{issueIdOrKey}: response 200 body at /id must be string',
      'GET /rest/api/3/issue/{issueIdOrKey}: status 418 is not documented (documented: 200, 401, 404)',
    ]);
  });

  it('checks nothing when the site does not validate responses', () => {
    const settings = settingsWith(false);
    checkResponse(settings, getIssue, req, res(200, { id: 10001 }));
    expect(settings.ledger.summary()).toMatchObject({ responsesValidated: 0, violations: [] });
  });

  it('records a known exception of the spec as a warning, with its reason', () => {
    const settings = settingsWith(true);
    const search = contracts.match('jira', 'GET', '/rest/api/3/search')!;
    checkResponse(settings, search, { ...req, path: '/rest/api/3/search' }, res(410, { errorMessages: ['removed'], errors: {} }));
    expect(settings.ledger.summary()).toMatchObject({
      violations: [],
      warnings: [expect.objectContaining({ message: expect.stringContaining('known exception: Atlassian removed the old search') })],
    });
  });

  it('validates every response of the site, as the jest config asks', async () => {
    site.contract.reset();
    await site.requestJira('carol', 'GET', '/rest/api/3/issue/GROW-9');
    expect(site.contract.summary()).toMatchObject({ responsesValidated: 1, violations: [] });
    expect(jsonOf(JSON.stringify(site.contract.summary().operations))).toHaveProperty(['GET /rest/api/3/issue/{issueIdOrKey}']);
  });
});

describe('a site that does not validate responses', () => {
  it('still refuses requests, and counts no response', async () => {
    const quiet = await startSite({ port: 0, validateResponses: false });
    try {
      expect((await quiet.requestJira('app', 'GET', '/rest/api/3/nothing-here')).status).toBe(404);
      expect(quiet.contract.summary()).toMatchObject({ responsesValidated: 0 });
    } finally {
      await quiet.close();
    }
  });
});

describe('cross-product calls (app.compatibility)', () => {
  /** A Confluence macro's resolver that reads Jira and reports what @forge/api threw, if anything. */
  const readsJira: ForgeFunctionHandler = async () => {
    try {
      return { status: (await api.asUser().requestJira(route`/rest/api/3/myself`)).status };
    } catch (error) {
      const e = error as Error & { status?: number };
      return {
        name: e.name,
        status: e.status,
        message: e.message,
        notAllowed: e instanceof RequestProductNotAllowedError && e instanceof NotAllowedError,
      };
    }
  };
  const macroCall = (on: LocalSite) =>
    on.invoke({
      functionKey: 'read',
      as: 'alice',
      context: macroContext({
        module: { key: 'probe-macro' },
        space: { key: 'TEAM', id: '98305' },
        page: { id: '65537' },
        macro: { localId: 'm-1', config: null },
        siteUrl: on.url,
      }),
    });
  const refused = {
    name: 'REQUEST_EGRESS_ALLOWLIST_ERR',
    status: 403,
    message: 'Request jira is not allowed from confluence context.',
    notAllowed: true,
  };

  it('lets a macro read Jira when the manifest declares both apps and the optional one is connected; refuses it otherwise', async () => {
    const both = await startDemoSite({ port: 0, handler: readsJira });
    try {
      expect((await macroCall(both)).result).toEqual({ status: 200 });
      both.settings.confluenceConnected = false;
      const { result, calls } = await macroCall(both);
      expect(result).toEqual(refused);
      expect(calls).toEqual([expect.objectContaining({ endpoint: 'GET /rest/api/3/myself', status: 403 })]);
      // A Jira module's call is not cross-product.
      expect((await both.invoke({ functionKey: 'read', as: 'alice', issueKey: 'FLEX-112' })).result).toEqual({ status: 200 });
    } finally {
      await both.close();
    }
  });

  it('refuses it when the manifest declares no app.compatibility, or not the product called', async () => {
    for (const compatibility of [null, { confluence: { required: true } }]) {
      const single = await startDemoSite({ port: 0, handler: readsJira, ...writeManifestVariant({ compatibility }) });
      try {
        expect((await macroCall(single)).result).toEqual(refused);
      } finally {
        await single.close();
      }
    }
  });
});

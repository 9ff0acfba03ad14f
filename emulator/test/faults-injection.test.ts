/**
 * Fault injection through the real @forge/api and @forge/kvs packages
 * against __forge_fetch__: latency, 429 + Retry-After, 500/503, timeouts and
 * malformed stored properties; the HTTP control endpoint and the settings
 * page; accounting of faulted calls per invocation.
 */
import api, { route } from '@forge/api';
import { kvs } from '@forge/kvs';
import type { ForgeFunctionHandler, LocalSite } from '../index';
import { useDemoSite } from './support/demo-site';

const issueAs = (site: LocalSite, user: string, key = 'FLEX-112') =>
  site.runAs(user, () => api.asUser().requestJira(route`/rest/api/3/issue/${key}?fields=summary&properties=learning-loop`));

/** Reads the issue and a KVS key inside one invocation. */
const handler: ForgeFunctionHandler = async () => {
  const res = await api.asUser().requestJira(route`/rest/api/3/issue/FLEX-112?fields=summary`);
  const stored = await kvs.get('probe');
  return { status: res.status, stored: stored ?? null };
};

const site = useDemoSite({ start: { handler } });
afterEach(() => {
  site.faults.clear();
});

describe('fault injection', () => {
  it('adds latency to matching calls only, until removed', async () => {
    const fault = site.faults.latency(150, { endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}', pathIncludes: 'FLEX-112' });
    let started = Date.now();
    expect((await issueAs(site, 'alice')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    started = Date.now();
    expect((await issueAs(site, 'alice', 'FLEX-113')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(140);
    started = Date.now();
    await issueAs(site, 'alice');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(site.faults.list()).toEqual([expect.objectContaining({ id: fault.id, hits: 2, left: null })]);
    site.faults.remove(fault.id);
    expect(site.faults.list()).toEqual([]);
  });

  it('throttles with 429 and Retry-After, then answers normally', async () => {
    site.faults.rateLimit(3, { endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}', times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await issueAs(site, 'bob');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3');
      expect(await res.json()).toEqual({ errorMessages: ['Planted failure (429 Too Many Requests).'], errors: {} });
    }
    expect((await issueAs(site, 'bob')).status).toBe(200);
  });

  it('fails Jira with 500 and 503, before any side effect', async () => {
    site.faults.serverError(503, { endpoint: 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}' });
    const before = site.store.getProperty(site.store.getIssue('FLEX-113')!.id, 'probe');
    const put = await site.runAs('alice', () =>
      api.asUser().requestJira(route`/rest/api/3/issue/FLEX-113/properties/probe`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      }),
    );
    expect(put.status).toBe(503);
    expect(site.store.getProperty(site.store.getIssue('FLEX-113')!.id, 'probe')).toEqual(before);
    site.faults.serverError(500, { target: 'jira' });
    expect((await site.runAs('alice', () => api.asApp().requestJira(route`/rest/api/3/myself`))).status).toBe(500);
  });

  it('fails KVS with 503 and 429 as @forge/kvs errors', async () => {
    await site.runAs('alice', () => kvs.set('probe', { v: 1 }));
    site.faults.serverError(503, { target: 'kvs', endpoint: 'POST /api/v1/get' });
    await expect(site.runAs('alice', () => kvs.get('probe'))).rejects.toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      responseDetails: { status: 503 },
    });
    site.faults.rateLimit(2, { target: 'kvs' });
    await expect(site.runAs('alice', () => kvs.set('probe', { v: 2 }))).rejects.toMatchObject({
      code: 'RATE_LIMIT_EXCEEDED',
      responseDetails: { status: 429 },
    });
    expect(await site.runAs('alice', () => kvs.get('probe'))).toEqual({ v: 1 });
  });

  it("times out: the call never answers and Forge's fetch rejects with FUNCTION_FETCH_ERR", async () => {
    site.faults.timeout({ endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}', timeoutMs: 80 });
    const started = Date.now();
    await expect(issueAs(site, 'alice')).rejects.toMatchObject({ name: 'FUNCTION_FETCH_ERR', message: expect.stringMatching(/timed out/) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    site.faults.timeout({ target: 'kvs', timeoutMs: 10 });
    await expect(site.runAs('alice', () => kvs.get('probe'))).rejects.toMatchObject({ name: 'FUNCTION_FETCH_ERR' });
    expect(site.accounting.calls().at(-1)).toMatchObject({ endpoint: 'POST /api/v1/get', provider: 'kvs', status: 0 });
  });

  it('writes malformed and foreign JSON into an issue property, served as stored', async () => {
    site.faults.malformedProperty('FLEX-112');
    const broken = await issueAs(site, 'alice');
    expect(broken.status).toBe(200);
    const text = await broken.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(text).toContain('"learning-loop":{"hypothesis"');

    const written = site.faults.malformedProperty('FLEX-112', { mode: 'foreign' });
    const foreign = await site.runAs('alice', () => api.asUser().requestJira(route`/rest/api/3/issue/FLEX-112/properties/learning-loop`));
    expect(await foreign.json()).toEqual({ key: 'learning-loop', value: JSON.parse(written.text) });
    site.reset();
  });
});

describe('faults: accounting and the controls', () => {
  it('counts faulted calls in the invocation that made them', async () => {
    site.faults.serverError(503, { endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}' });
    const outcome = await site.invoke({ functionKey: 'probe', as: 'alice', issueKey: 'FLEX-112' });
    expect(outcome.result).toEqual({ status: 503, stored: null });
    expect(outcome.calls.map((c) => [c.endpoint, c.status])).toEqual([
      ['GET /rest/api/3/issue/{issueIdOrKey}', 503],
      ['POST /api/v1/get', 404],
    ]);
    const invocation = site.accounting.invocations().at(-1)!;
    expect(invocation.calls.every((c) => c.invocationId === invocation.id)).toBe(true);
  });

  it('keeps jira.injectFault working, behind the same registry', async () => {
    site.jira.injectFault({ endpoint: 'GET /rest/api/3/myself', status: 401 });
    expect(site.faults.list()).toEqual([
      expect.objectContaining({ target: 'jira', endpoint: 'GET /rest/api/3/myself', status: 401, left: 1 }),
    ]);
    expect((await site.runAs('dan', () => api.asUser().requestJira(route`/rest/api/3/myself`))).status).toBe(401);
    expect((await site.runAs('dan', () => api.asUser().requestJira(route`/rest/api/3/myself`))).status).toBe(200);
  });

  it('is switchable over HTTP and on the settings page', async () => {
    const added = await fetch(`${site.url}/__local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'jira', endpoint: 'GET /rest/api/3/myself', status: 503, times: null }),
    });
    expect(added.status).toBe(201);
    const { value } = (await added.json()) as { value: { id: string } };
    const listed = (await (await fetch(`${site.url}/__local/faults`)).json()) as { faults: unknown[]; settings: unknown };
    expect(listed).toEqual({
      faults: [expect.objectContaining({ id: value.id, status: 503, left: null })],
      settings: { confluenceAsUserJira: 'granted', confluenceConnected: true },
    });
    expect((await site.runAs('dan', () => api.asUser().requestJira(route`/rest/api/3/myself`))).status).toBe(503);
    expect((await fetch(`${site.url}/__local/faults/${value.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(site.faults.list()).toEqual([]);

    // The settings page's form: a rate limit on all of KVS, until removed.
    const form = await fetch(`${site.url}/__local/faults`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ target: 'kvs', kind: 'rate-limit', retryAfter: '5', endpoint: '', times: '' }).toString(),
    });
    expect(form.status).toBe(303);
    expect(site.faults.list()).toEqual([
      expect.objectContaining({ target: 'kvs', status: 429, headers: { 'Retry-After': '5' }, left: null }),
    ]);
    const page = await (await fetch(`${site.url}/__local/settings`)).text();
    expect(page).toContain('Retry-After: 5');
    expect(page).toContain('name="confluenceAsUserJira"');

    const bad = await fetch(`${site.url}/__local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'jira' }),
    });
    expect(bad.status).toBe(400);
    const property = await fetch(`${site.url}/__local/faults/property`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ issueKey: 'FLEX-113', mode: 'invalid' }),
    });
    expect(property.status).toBe(201);
    expect(() => JSON.parse(site.store.getProperty(site.store.getIssue('FLEX-113')!.id, 'learning-loop')!.valueText) as unknown).toThrow();
    expect((await fetch(`${site.url}/__local/faults`, { method: 'DELETE' })).status).toBe(204);
    site.reset();
  });
});

/**
 * The platform around an app's lifecycle, as Atlassian documents it: the Personal data reporting
 * API (user-privacy-guidelines: POST /app/report-accounts/, ≤ 90 accounts, 200 with closed/updated
 * or 204, 400, 429 with Retry-After, the Cycle-Period header), scheduled triggers (no principal,
 * `{ context: { cloudId, moduleKey }, contextToken }`) and the `avi:jira:deleted:issue` product event.
 */
import path from 'node:path';
import { asApp, asUser, privacy, route } from '@forge/api';
import { REPORT_ACCOUNTS_MAX, type ForgeEventHandler, type ForgeFunctionHandler } from '../index';
import { useDemoSite } from './support/demo-site';

const PROBE = path.join(__dirname, 'fixtures', 'probe-app');
const seen: Array<{ fn: string; event: unknown; context: unknown }> = [];
const recorder =
  (fn: string): ForgeEventHandler =>
  (event, context) => {
    seen.push({ fn, event, context });
    return { statusCode: 204 };
  };
const resolver: ForgeFunctionHandler = () => Promise.resolve('ok');

const site = useDemoSite({
  start: {
    handler: resolver,
    manifestPath: path.join(PROBE, 'manifest.yml'),
    staticRoot: PROBE,
    functions: { 'probe-scheduled': recorder('scheduled'), 'probe-event': recorder('event') },
  },
  resetBeforeEach: 'demo-data',
});

beforeEach(() => {
  seen.length = 0;
});

const UPDATED_AT = '2026-11-01T10:00:00.000Z';
const accounts = (...ids: string[]) => ids.map((accountId) => ({ accountId, updatedAt: UPDATED_AT }));

async function report(body: unknown, as: 'app' | 'user' = 'app') {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res =
    as === 'app'
      ? await asApp().requestAtlassian(route`/app/report-accounts/`, init)
      : await asUser().requestAtlassian(route`/app/report-accounts/`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

describe('the Personal data reporting API', () => {
  it('answers 204 when nothing is to be done, and records what it received', async () => {
    const alice = site.user('alice').accountId;
    const res = await report({ accounts: accounts(alice) });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(site.privacy.reports).toEqual([{ at: expect.any(Number), accounts: accounts(alice), status: 204 }]);
  });

  it('answers 200 with the closed accounts (every time) and the updated ones (once)', async () => {
    const [alice, bob, carol] = ['alice', 'bob', 'carol'].map((h) => site.user(h).accountId) as [string, string, string];
    site.privacy.closeAccount(bob);
    site.privacy.markUpdated(carol);
    const first = await report({ accounts: accounts(alice, bob, carol) });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      accounts: [
        { accountId: bob, status: 'closed' },
        { accountId: carol, status: 'updated' },
      ],
    });
    const second = await report({ accounts: accounts(alice, bob, carol) });
    expect(second.body).toEqual({ accounts: [{ accountId: bob, status: 'closed' }] });
  });

  it("serves Atlassian's own client too (@forge/api privacy.reportPersonalData, which posts without the slash)", async () => {
    const bob = site.user('bob').accountId;
    site.privacy.closeAccount(bob);
    await expect(privacy.reportPersonalData(accounts(site.user('alice').accountId, bob))).resolves.toEqual([
      { accountId: bob, status: 'closed' },
    ]);
  });

  it('refuses a malformed request with 400 { errorType, errorMessage }', async () => {
    const ids = Array.from({ length: REPORT_ACCOUNTS_MAX + 1 }, (_, i) => `acc-${i}`);
    for (const body of [
      { accounts: accounts(...ids) },
      { accounts: [] },
      { accounts: accounts('unknown') },
      { accounts: [{ accountId: 'acc-1', updatedAt: 'yesterday' }] },
      { accounts: [{ accountId: 'not valid!', updatedAt: UPDATED_AT }] },
      { nothing: true },
    ]) {
      const res = await report(body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errorType: 'INVALID_REQUEST', errorMessage: expect.any(String) });
    }
    expect((await report({ accounts: accounts(...ids.slice(0, REPORT_ACCOUNTS_MAX)) })).status).toBe(204);
  });

  it('is called as the app: a call as a user is refused', async () => {
    const res = await site.runAs('alice', () => report({ accounts: accounts(site.user('alice').accountId) }, 'user'));
    expect(res.status).toBe(403);
  });

  it('sends the Cycle-Period header when set, and 429 with Retry-After through the fault registry', async () => {
    site.privacy.cyclePeriod = '86400';
    const alice = site.user('alice').accountId;
    expect((await report({ accounts: accounts(alice) })).headers.get('cycle-period')).toBe('86400');
    site.faults.add({ target: 'atlassian', status: 429, headers: { 'Retry-After': '3' } });
    const limited = await report({ accounts: accounts(alice) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.body).toEqual({ errorType: 'TOO_MANY_REQUESTS', errorMessage: expect.any(String) });
    site.faults.clear();
  });
});

describe('scheduled triggers', () => {
  it("runs the module's function without a principal, with the documented request", async () => {
    const { result } = await site.runScheduledTrigger('probe-schedule');
    expect(result).toEqual({ statusCode: 204 });
    expect(seen).toEqual([
      {
        fn: 'scheduled',
        event: { context: { cloudId: expect.any(String), moduleKey: 'probe-schedule' }, contextToken: expect.any(String) },
        context: { principal: undefined, installContext: 'ari:cloud:jira::site/local' },
      },
    ]);
    await expect(site.runScheduledTrigger('not-declared')).rejects.toThrow(/no scheduledTrigger "not-declared"/);
  });

  it('can be run over HTTP (the site controls)', async () => {
    const res = await fetch(`${site.url}/__local/scheduled-triggers/probe-schedule/run`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(seen.map((s) => s.fn)).toEqual(['scheduled']);
  });
});

describe('deleting an issue', () => {
  it('is refused without Delete issues (project administrators), as in Jira', async () => {
    expect((await site.requestJira('bob', 'DELETE', '/rest/api/3/issue/FLEX-112')).status).toBe(403);
    expect((await site.requestJira('carol', 'DELETE', '/rest/api/3/issue/GROW-9')).status).toBe(404);
    await site.triggers.settle();
    expect(seen).toEqual([]);
    expect(site.store.getIssue('FLEX-112')).toBeDefined();
  });

  it('deletes the issue and its properties, then delivers avi:jira:deleted:issue to the subscribed triggers', async () => {
    const issue = site.store.getIssue('FLEX-112')!;
    expect(site.store.listPropertyKeys(issue.id).length).toBeGreaterThan(0);
    const res = await site.requestJira('alice', 'DELETE', '/rest/api/3/issue/FLEX-112');
    expect(res.status).toBe(204);
    expect((await site.requestJira('alice', 'GET', '/rest/api/3/issue/FLEX-112')).status).toBe(404);
    expect(site.store.listPropertyKeys(issue.id)).toEqual([]);
    // Delivered asynchronously, as Forge does.
    expect(seen).toEqual([]);
    const deliveries = await site.triggers.settle();
    expect(deliveries).toEqual([
      { moduleKey: 'probe-issue-deleted', eventType: 'avi:jira:deleted:issue', ok: true, result: { statusCode: 204 } },
    ]);
    const alice = site.user('alice').accountId;
    expect(seen).toEqual([
      {
        fn: 'event',
        event: {
          eventType: 'avi:jira:deleted:issue',
          selfGenerated: false,
          issue: {
            id: issue.id,
            key: 'FLEX-112',
            fields: expect.objectContaining({ summary: issue.summary, project: expect.objectContaining({ key: 'FLEX' }) }),
          },
          atlassianId: alice,
          associatedUsers: [{ accountId: alice }],
          timestamp: expect.stringMatching(/^\d+$/),
        },
        context: { principal: undefined, installContext: 'ari:cloud:jira::site/local' },
      },
    ]);
  });
});

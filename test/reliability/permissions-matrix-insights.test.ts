/**
 * The permissions matrix of insights: the demo users through the real handler, with a canary
 * learning planted on GROW-9 and counted by the rebuild (which reads every record as the app).
 * Each viewer sees GROW's figures only if they may browse GROW; no answer to carol names GROW or
 * carries what a GROW ticket holds; only alice (Administer Jira) may rebuild.
 */
import { startAppSite, type AppSite } from '../support/app-site';
import { projectPageContextFor } from '../support/invoke-contexts';
import { plantCanary } from './permissions-canary';
import { findNeedles } from './reliability-support';

jest.setTimeout(120_000);

const USERS = ['alice', 'bob', 'carol', 'dan'] as const;
const CANARY = 'Canary 4b1a: growth figures leak when nobody checks';
let site: AppSite;
let growNeedles: string[];

beforeAll(async () => {
  site = await startAppSite({ port: 0 });
  growNeedles = plantCanary(site, CANARY);
  const { result } = await site.runScheduledTrigger('insights-rebuild-schedule');
  expect(result).toMatchObject({ statusCode: 204 });
  // The page is opened long after the rebuild: KVS queries have caught up with its writes.
  site.kvs.settings.queryDelayMs = 0;
});

afterAll(async () => {
  site.reset();
  await site.close();
});

const mayBrowseGrow = (user: string) => site.store.permissionLevel(site.user(user).accountId, 'GROW') !== 'none';

describe('insights permissions matrix', () => {
  it.each(USERS)('as %s: GROW only for whoever may browse it; rebuild for Jira admins only', async (user) => {
    const context = projectPageContextFor(site, 'FLEX');
    const rebuilt = await site.invoke({ functionKey: 'insights/rebuild', as: user, context, payload: {} });
    expect((rebuilt.result as { ok: boolean }).ok).toBe(user === 'alice');
    const { result } = await site.invoke({ functionKey: 'insights/open', as: user, context, payload: {} });
    const answer = result as { ok: true; value: { projects: Array<{ projectKey: string }> } };
    expect(answer.ok).toBe(true);
    const shown = answer.value.projects.map((p) => p.projectKey);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown.includes('GROW')).toBe(mayBrowseGrow(user));
    if (!mayBrowseGrow(user)) {
      expect(JSON.stringify(answer)).not.toContain('GROW');
      expect(findNeedles(answer, growNeedles)).toEqual([]);
    }
  });
});

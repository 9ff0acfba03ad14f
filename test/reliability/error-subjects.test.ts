/**
 * Errors name what failed, through the real handler on the local site: a fault
 * in Forge storage reads as STORAGE_UNAVAILABLE (not as Jira), and a Jira fault
 * names the call that failed (the board's sprints, the issue) instead of "this issue".
 */
import { projectPageContextFor } from '../support/invoke-contexts';
import { startAppSite, type AppSite } from '../support/app-site';

jest.setTimeout(60_000);

const ISSUE = 'FLEX-112';
type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

let site: AppSite;

beforeAll(async () => {
  site = await startAppSite({ port: 0, consistency: { kvsQueryDelayMs: 0 } });
});

afterAll(async () => {
  site.reset();
  await site.close();
});

beforeEach(() => {
  site.faults.clear();
  site.reset();
});

async function call(functionKey: string, payload: unknown = {}, context?: Record<string, unknown>): Promise<Envelope> {
  const { result } = await site.invoke({ functionKey, as: 'alice', issueKey: ISSUE, payload, context });
  return result as Envelope;
}

describe('a storage fault', () => {
  it('lists history as STORAGE_UNAVAILABLE, with a sentence naming storage and what to do', async () => {
    site.faults.serverError(503, { target: 'kvs', times: null });
    const answer = await call('history/list');
    expect(answer).toMatchObject({ ok: false, error: { code: 'STORAGE_UNAVAILABLE' } });
    const message = answer.ok ? '' : answer.error.message;
    expect(message).toMatch(/storage/i);
    expect(message).toMatch(/history/i);
    expect(message).toMatch(/try again/i);
    expect(message).not.toMatch(/jira could not/i);
  });

  it('a KVS timeout on the reuse summary also reads as storage, not Jira', async () => {
    site.faults.timeout({ target: 'kvs', timeoutMs: 200, times: null });
    const answer = await call('learnedBefore/listReuses');
    expect(answer).toMatchObject({ ok: false, error: { code: 'STORAGE_UNAVAILABLE' } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/storage.*reused learnings/i);
  });
});

describe('a Jira fault names the call that failed', () => {
  it("a 503 on the board's sprints says sprints, not this issue", async () => {
    site.faults.serverError(503, { endpoint: 'GET /rest/agile/1.0/board/{boardId}/sprint', times: null });
    const answer = await call('retro/open', {}, projectPageContextFor(site, 'FLEX'));
    expect(answer).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    const message = answer.ok ? '' : answer.error.message;
    expect(message).toMatch(/sprints/);
    expect(message).not.toMatch(/this issue/);
  });

  it("a 503 on the project's boards says boards", async () => {
    site.faults.serverError(503, { endpoint: 'GET /rest/agile/1.0/board', times: null });
    const answer = await call('retro/open', {}, projectPageContextFor(site, 'FLEX'));
    expect(answer).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/boards/);
  });

  it('a 503 on reading the issue names the issue by its key', async () => {
    site.faults.serverError(503, { endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}', times: null });
    const answer = await call('learning/get');
    expect(answer).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    expect(answer.ok ? '' : answer.error.message).toContain(`the issue ${ISSUE}`);
  });
});

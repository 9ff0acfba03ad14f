/**
 * A slow or silent Jira (issue #15, item 9): a call that does not answer is given up well inside
 * Forge's 25 s invocation limit with an honest message, and the retro view's independent calls run
 * together. The real handler on the local site, with the emulator's latency and timeout faults.
 */
import { projectPageContextFor } from '../support/invoke-contexts';
import { startAppSite, type AppSite } from '../support/app-site';

jest.setTimeout(90_000);

/** Forge stops a UI function at 25 s (docs: limits-invocation, "Runtime seconds"). */
const FORGE_INVOCATION_LIMIT_MS = 25_000;
const SEARCH = 'POST /rest/api/3/search/jql';

let site: AppSite;

beforeAll(async () => {
  site = await startAppSite({ port: 0 });
});
afterAll(async () => {
  await site.close();
});
beforeEach(() => {
  site.faults.clear();
  site.reset();
});

type Envelope =
  | { ok: true; value: { sprint: { id: number } | null; board: { id: number } | null } }
  | { ok: false; error: { code: string; message: string } };

async function openRetro(payload: unknown = {}) {
  const { result, ms } = await site.invoke({
    functionKey: 'retro/open',
    as: 'alice',
    context: projectPageContextFor(site, 'FLEX'),
    payload,
  });
  return { result: result as Envelope, ms };
}

describe('a Jira that does not answer', () => {
  it('the retro view says Jira is taking too long, in under half of the invocation limit', async () => {
    site.faults.timeout({ endpoint: SEARCH, times: null });
    const { result, ms } = await openRetro();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('JIRA_UNAVAILABLE');
    expect(result.error.message).toMatch(/^Jira is taking too long to answer for the .+; try again in a moment\.$/);
    expect(ms).toBeLessThan(FORGE_INVOCATION_LIMIT_MS / 2);
  });

  it('the issue panel too', async () => {
    site.faults.timeout({ endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}', times: null });
    const { result, ms } = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    const answer = result as { ok: boolean; error?: { code: string; message: string } };
    expect(answer.error?.code).toBe('JIRA_UNAVAILABLE');
    expect(answer.error?.message).toMatch(/taking too long/);
    expect(ms).toBeLessThan(FORGE_INVOCATION_LIMIT_MS / 2);
  });
});

describe('a slow Jira (+2 s per call)', () => {
  it('opens a chosen sprint of a board in two rounds of Jira calls when nothing is remembered', async () => {
    const first = await openRetro();
    if (!first.result.ok) throw new Error(first.result.error.message);
    const ids = { boardId: first.result.value.board!.id, sprintId: first.result.value.sprint!.id };
    site.reset(); // forgets what the first opening remembered
    site.faults.latency(2000, { target: 'jira', times: null });
    const { result, ms } = await openRetro(ids);
    expect(result.ok).toBe(true);
    // Boards, sprints and the sprint's search together, then the previous sprint's search with the names: 2 × 2 s.
    expect(ms).toBeGreaterThanOrEqual(4000);
    expect(ms).toBeLessThan(6000);
  });
});

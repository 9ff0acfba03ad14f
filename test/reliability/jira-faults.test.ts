/**
 * Jira (and KVS) failing under the panel: 429 with Retry-After, 500/503,
 * timeouts, and a learning property holding malformed or foreign JSON. The
 * real handler on the local site, faults planted where Forge's proxy would
 * fail. Every answer must be a recoverable, typed state (never
 * INTERNAL_ERROR, never an exception), and nothing may be overwritten unless
 * the old value is kept in history first.
 */
import type { CallRecord } from '../../emulator';
import type { HistoryList, PanelView, SavedView } from '../../src/contract/resolvers';
import { ERROR_CODES } from '../../src/contract/errors';
import { draftOf, type LearningDraft } from '../../src/domain/record/learning-record';
import { RETRY_POLICY } from '../../src/forge/platform/jira-client';
import { resolverKeys } from '../../src/resolvers';
import { useFaultSite, type Envelope } from './jira-faults-site';
import { propertyWrites, storedRecord, storedText, succeededPropertyWrites } from './reliability-support';
import { aSprintGoal, validRequests } from '../support/valid-requests';
import { sprintActionContextFor } from '../support/invoke-contexts';

jest.setTimeout(60_000);

const ISSUE = 'FLEX-112';
const ISSUE_GET = 'GET /rest/api/3/issue/{issueIdOrKey}';
const PROPERTY_PUT = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const RECOVERABLE = ['RATE_LIMITED', 'JIRA_UNAVAILABLE', 'STORAGE_UNAVAILABLE', 'BUSY'];

const { site, call, historyKeys } = useFaultSite();

async function openPanel(issueKey = ISSUE): Promise<PanelView> {
  const { result } = await call<PanelView>('learning/get', {}, 'alice', issueKey);
  if (!result.ok) throw new Error(`learning/get: ${result.error.code}`);
  return result.value;
}

function withEntry(view: PanelView, text: string): { baseRevision: number; draft: LearningDraft } {
  const draft = view.record
    ? draftOf(view.record)
    : { hypothesis: '', learnings: [], outcome: 'open' as const, confidence: null, tags: [], evidence: [] };
  draft.learnings.push({ id: `f${Date.now()}${Math.floor(Math.random() * 1000)}`, text, surprise: false });
  return { baseRevision: view.record?.revision ?? 0, draft };
}

const endpoints = (calls: CallRecord[]) => calls.map((c) => `${c.endpoint} ${c.status}`);

describe('429 Too Many Requests', () => {
  it('retries after Retry-After within the invocation and answers the panel', async () => {
    site.faults.rateLimit(1, { endpoint: ISSUE_GET, times: 1 });
    const { result, calls, ms } = await call<PanelView>('learning/get');
    expect(result.ok).toBe(true);
    expect(endpoints(calls).filter((c) => c.startsWith(ISSUE_GET))).toEqual([`${ISSUE_GET} 429`, `${ISSUE_GET} 200`]);
    expect(ms).toBeGreaterThanOrEqual(950);
  });

  it('without Retry-After, backs off exponentially with jitter instead of retrying at once', async () => {
    site.faults.add({ endpoint: ISSUE_GET, status: 429, times: 3 });
    const { result, calls, ms } = await call<PanelView>('learning/get');
    expect(result.ok).toBe(true);
    expect(endpoints(calls).filter((c) => c.startsWith(ISSUE_GET))).toEqual([
      `${ISSUE_GET} 429`,
      `${ISSUE_GET} 429`,
      `${ISSUE_GET} 429`,
      `${ISSUE_GET} 200`,
    ]);
    // Waits of 250–500, 500–1000 and 1000–2000 ms (half the ceiling plus jitter).
    expect(ms).toBeGreaterThanOrEqual(1750);
    expect(ms).toBeLessThan(RETRY_POLICY.budgetMs);
  });

  it(`gives up after ${RETRY_POLICY.attempts} attempts with RATE_LIMITED and "try again", inside the budget`, async () => {
    site.faults.rateLimit(1, { endpoint: ISSUE_GET, times: null });
    const { result, calls, ms } = await call('learning/get');
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    if (!result.ok) expect(result.error.message).toMatch(/try again/i);
    expect(calls.filter((c) => c.status === 429)).toHaveLength(RETRY_POLICY.attempts);
    expect(ms).toBeLessThan(RETRY_POLICY.budgetMs + 2000);
  });

  it('does not sleep past the budget when Retry-After is longer than the invocation can wait', async () => {
    site.faults.rateLimit(60, { endpoint: ISSUE_GET, times: null });
    const { result, calls, ms } = await call('learning/get');
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(calls.filter((c) => c.endpoint === ISSUE_GET)).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });

  it('a throttled write keeps the stored value, and the retry after it saves', async () => {
    const view = await openPanel();
    const before = storedText(site, ISSUE);
    site.faults.rateLimit(60, { endpoint: PROPERTY_PUT, times: null });
    const payload = withEntry(view, 'Throttled but kept.');
    const refused = await call('learning/save', payload);
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(storedText(site, ISSUE)).toBe(before);
    site.faults.clear();
    const retried = await call<SavedView>('learning/save', payload);
    expect(retried.result.ok && retried.result.value.record.learnings.map((e) => e.text)).toContain('Throttled but kept.');
  });
});

describe('500, 503 and timeouts', () => {
  const faults: Array<[string, () => void]> = [
    ['500 on reading the issue', () => site.faults.serverError(500, { endpoint: ISSUE_GET, times: null })],
    ['503 on reading the issue', () => site.faults.serverError(503, { endpoint: ISSUE_GET, times: null })],
    ['a timeout on reading the issue', () => site.faults.timeout({ endpoint: ISSUE_GET, timeoutMs: 200, times: null })],
    ['500 on the property write', () => site.faults.serverError(500, { endpoint: PROPERTY_PUT, times: null })],
    ['503 on the property write', () => site.faults.serverError(503, { endpoint: PROPERTY_PUT, times: null })],
    ['a timeout on the property write', () => site.faults.timeout({ endpoint: PROPERTY_PUT, timeoutMs: 200, times: null })],
    ['503 from KVS (history)', () => site.faults.serverError(503, { target: 'kvs', times: null })],
    ['a KVS timeout', () => site.faults.timeout({ target: 'kvs', timeoutMs: 200, times: null })],
  ];

  it.each(faults)(
    '%s: every panel resolver answers a recoverable error or its value; a save never loses the stored value',
    async (_name, plant) => {
      const view = await openPanel();
      const before = storedText(site, ISSUE);
      const keptBefore = historyKeys();
      plant();
      const answers: Record<string, string> = {};
      for (const [key, payload] of [
        ['learning/get', {}],
        ['learning/save', withEntry(view, 'Written while Jira was failing.')],
        ['history/list', {}],
        ['history/restore', { revision: 1, baseRevision: view.record!.revision }],
        ['people/lookup', { accountIds: [site.user('bob').accountId] }],
      ] as const) {
        const { result, calls } = await call(key, payload);
        answers[key] = result.ok ? 'ok' : result.error.code;
        if (!result.ok) {
          expect(RECOVERABLE).toContain(result.error.code);
          expect(result.error.message).toMatch(/try again/i);
        }
        const after = storedText(site, ISSUE);
        if (after !== before) {
          // Only a successful write may change it, and only after the old value was kept.
          expect(succeededPropertyWrites(calls)).toHaveLength(1);
          const kept = historyKeys().filter((k) => !keptBefore.includes(k));
          expect(kept.length).toBeGreaterThan(0);
        }
      }
      // Whatever failed, the panel opens again once Jira is back, showing what was stored.
      site.faults.clear();
      const again = await openPanel();
      expect(again.record).not.toBeNull();
      expect(Object.values(answers).some((code) => code !== 'ok')).toBe(true);
    },
  );

  it('a write that fails after the old value was kept leaves Jira as it was and history holding it', async () => {
    const view = await openPanel();
    const before = storedRecord(site, ISSUE)!;
    site.faults.serverError(503, { endpoint: PROPERTY_PUT, times: null });
    const { result, calls } = await call('learning/save', withEntry(view, 'Lost to a 503?'));
    expect(result).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    expect(propertyWrites(calls).map((c) => c.status)).toEqual([503]);
    expect(storedRecord(site, ISSUE)).toEqual(before);
    const history = await call<HistoryList>('history/list');
    expect(history.result.ok && history.result.value.items.find((i) => i.revision === before.revision)?.current).toBe(true);
  });

  it('every resolver served answers a typed, recoverable state while Jira answers 503 to everything', async () => {
    site.faults.serverError(503, { target: 'any', times: null });
    const payloads = validRequests(site);
    const seen: string[] = [];
    for (const key of resolverKeys) {
      const spec = payloads[key];
      if (!spec) throw new Error(`No fault scenario for resolver ${key}: add one here.`);
      const { result } = await site.invoke({
        functionKey: key,
        as: 'alice',
        issueKey: ISSUE,
        context: spec.context,
        payload: spec.payload,
      });
      const envelope = result as unknown as Envelope<unknown>;
      seen.push(`${key}: ${envelope.ok ? 'ok' : envelope.error.code}`);
      if (!envelope.ok) {
        expect(ERROR_CODES).toContain(envelope.error.code);
        expect([...RECOVERABLE, 'NOT_FOUND']).toContain(envelope.error.code);
      }
    }
    console.log(`Under 503 everywhere: ${seen.join('; ')}`);
  });

  it("the sprint's menu answers a typed, recoverable state while Jira answers 503, and a failed save writes nothing", async () => {
    const future = site.store.listSprints('FLEX').find((s) => s.state === 'future')!.id;
    const menu = sprintActionContextFor(site, 'FLEX', future);
    site.faults.serverError(503, { target: 'any', times: null });
    const opened = await site.invoke({ functionKey: 'goals/open', as: 'alice', context: menu, payload: {} });
    const saved = await site.invoke({
      functionKey: 'goals/save',
      as: 'alice',
      context: menu,
      payload: { base: { revision: 0, goals: [] }, goals: [aSprintGoal('g1')] },
    });
    for (const { result } of [opened, saved]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE', message: expect.any(String) } });
    }
    expect(saved.calls.filter((c) => c.endpoint.startsWith('PUT ') && c.status < 300)).toEqual([]);
  });
});

/**
 * Opening the panel is one invocation that answers the record and the names of the people it shows,
 * through the real handler on the local site; names never hold the record back: a slow or failing
 * lookup answers without them, and the panel asks `people/lookup` itself.
 */
import { jiraCalls, useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });
const USERS_BULK = 'GET /rest/api/3/user/bulk';
/** The lookup made slower than the panel waits for names, and than the answer must take. */
const SLOW_LOOKUP_MS = 3000;
const ANSWERED_WITHIN_MS = 1800;

const open = (as: string) => site.invoke({ functionKey: 'learning/get', as, issueKey: 'FLEX-112' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('learning/get names the people it shows in the same invocation', () => {
  it("answers dan the record and Alice's name (the last editor), reading the names as dan after the issue", async () => {
    const { result, calls } = await open('dan');
    if (!result.ok) throw new Error(`learning/get failed: ${result.error.code}`);
    const alice = site.user('alice').accountId;
    expect(result.value.record?.updatedBy).toBe(alice);
    expect(result.value.names).toEqual({ [alice]: 'Alice Moreau' });
    const jira = jiraCalls(calls);
    expect(jira.map((c) => c.endpoint).sort()).toEqual([
      'GET /rest/api/3/issue/{issueIdOrKey}',
      'GET /rest/api/3/mypermissions',
      USERS_BULK,
    ]);
    // Privacy: only the person the record names is asked for, as the viewer (Jira decides whom dan may see).
    const bulk = jira.find((c) => c.endpoint === USERS_BULK)!;
    expect(bulk.provider).toBe('user');
    expect(new URL(bulk.path, 'http://jira').searchParams.getAll('accountId')).toEqual([alice]);
  });

  it('asks nothing more when the viewer is the last editor (named "you")', async () => {
    const { result, calls } = await open('alice');
    expect(result.ok && result.value.names).toEqual({});
    expect(jiraCalls(calls).filter((c) => c.endpoint === USERS_BULK)).toHaveLength(0);
    expect(jiraCalls(calls)).toHaveLength(2);
  });

  it('asks Jira nothing for a closed account\'s "unknown": it is answered as someone Jira does not show', async () => {
    const issue = site.store.getIssue('FLEX-112')!;
    const stored = JSON.parse(site.store.getProperty(issue.id, 'learning-loop')!.valueText) as { updatedBy: string };
    site.store.setPropertyText(issue.id, 'learning-loop', JSON.stringify({ ...stored, updatedBy: 'unknown' }));
    const { result, calls } = await open('dan');
    expect(result.ok && result.value.names).toEqual({ unknown: null });
    expect(jiraCalls(calls).filter((c) => c.endpoint === USERS_BULK)).toHaveLength(0);
  });

  it('answers the record without names, within the budget, when the lookup is slow', async () => {
    const slow = site.faults.latency(SLOW_LOOKUP_MS, { endpoint: USERS_BULK });
    try {
      const { result, ms } = await open('dan');
      if (!result.ok) throw new Error(`learning/get failed: ${result.error.code}`);
      expect(result.value.record?.hypothesis).toBe('Presenting Flex as a refund option will reduce drop-off in low-price journeys.');
      expect(result.value.names).toBeNull();
      expect(ms).toBeLessThan(ANSWERED_WITHIN_MS);
      await sleep(SLOW_LOOKUP_MS); // let the abandoned lookup finish before the site closes
    } finally {
      site.faults.remove(slow.id);
    }
  });

  it('answers the record without names when the lookup fails', async () => {
    const failing = site.faults.serverError(500, { endpoint: USERS_BULK, times: null });
    try {
      const { result, calls } = await open('dan');
      if (!result.ok) throw new Error(`learning/get failed: ${result.error.code}`);
      expect(result.value.record?.learnings).toHaveLength(2);
      expect(result.value.names).toBeNull();
      expect(
        jiraCalls(calls)
          .filter((c) => c.endpoint === USERS_BULK)
          .map((c) => c.status),
      ).toEqual([500]);
    } finally {
      site.faults.remove(failing.id);
    }
  });
});

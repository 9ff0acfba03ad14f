/**
 * Atlassian's user privacy guide, through the app's real scheduled trigger on the local site:
 * every person the app holds data of is reported to the Personal data reporting API in
 * requests of at most 90; a closed account's id is gone from KVS afterwards (replaced in what
 * others share, its own keys deleted), and everyone else's data is as it was. KVS is read
 * through the emulator's store.
 */
import { REPORT_ACCOUNTS_MAX } from '../../emulator';
import { storageKeys } from '../../src/forge/platform/storage-keys';
import { useLocalSite } from '../support/local-site';
import { addLearning, helpedBy, kvsRows, learningAuthorsIn, noteOnSurprise, rowsHolding } from './lifecycle-support';
import { aSprintGoal } from '../support/valid-requests';

const site = useLocalSite({ resetBeforeEach: 'demo-data-and-calls' });
const SCHEDULE = 'personal-data-schedule';

// The job runs once a day, long after the writes: KVS queries have caught up with them by then.
let queryDelayMs = 0;
beforeEach(() => {
  queryDelayMs = site.kvs.settings.queryDelayMs;
  site.kvs.settings.queryDelayMs = 0;
});
afterEach(() => {
  site.kvs.settings.queryDelayMs = queryDelayMs;
  site.faults.clear();
});

const idOf = (handle: string) => site.user(handle).accountId;
const reportedIds = () => site.privacy.reports.flatMap((r) => r.accounts.map((a) => a.accountId));

/** Bob and Alice write on the same issue, each helps a ticket with FLEX-112, each notes a surprise. */
async function twoPeopleWrite(): Promise<void> {
  await addLearning(site, 'bob', 'FLEX-111', 'Bob found the refund banner ignored.');
  await addLearning(site, 'alice', 'FLEX-111', 'Alice found the FAQ link clicked twice as often.');
  await helpedBy(site, 'bob', 'FLEX-110', 'FLEX-112');
  await helpedBy(site, 'alice', 'FLEX-109', 'FLEX-112');
  await noteOnSurprise(site, 'bob', 0, 'Bob: ask support for numbers.');
  await noteOnSurprise(site, 'alice', 1, 'Alice: try it in Spain first.');
}

describe('the personal data report (scheduled trigger)', () => {
  it("reports everyone it holds, erases a closed account's ids and keeps everyone's learnings", async () => {
    await twoPeopleWrite();
    const [bob, alice] = [idOf('bob'), idOf('alice')];
    expect(rowsHolding(site, bob).length).toBeGreaterThan(5);
    const aliceBefore = rowsHolding(site, alice).length;
    site.privacy.closeAccount(bob);

    const { result } = await site.runScheduledTrigger(SCHEDULE);
    expect(result).toMatchObject({ statusCode: 204 });

    expect(reportedIds()).toEqual(expect.arrayContaining([bob, alice]));
    expect(site.privacy.reports.every((r) => r.status === 200 || r.status === 204)).toBe(true);
    // Nothing in KVS names Bob any more: his own keys are gone, his id replaced where others' data is.
    expect(rowsHolding(site, bob).map((r) => r.key)).toEqual([]);
    expect(site.store.kvsGet('plain', storageKeys.recentWrites(bob), Date.now())).toBeUndefined();
    expect(site.store.kvsGet('plain', storageKeys.recentWrites(alice), Date.now())).toBeDefined();
    // What Bob wrote stays, as a former user's; Alice's data is all there, still hers.
    const rows = kvsRows(site);
    // Kept revisions hold the entry with its author (in format version 2, by its place in index.authors); the
    // history index quotes it in "what changed", with no author.
    const bobsAuthors = rows.flatMap((r) => learningAuthorsIn(r.value, 'Bob found the refund banner ignored.'));
    expect(bobsAuthors.length).toBeGreaterThan(0);
    expect(new Set(bobsAuthors)).toEqual(new Set(['unknown']));
    const alicesAuthors = rows.flatMap((r) => learningAuthorsIn(r.value, 'Alice found the FAQ link'));
    expect(alicesAuthors.length).toBeGreaterThan(0);
    expect(new Set(alicesAuthors)).toEqual(new Set([alice]));
    const note = (text: string) => rows.find((r) => r.key.startsWith('retro:') && r.text.includes(text))?.value;
    expect(note('Bob: ask support')).toMatchObject({ updatedBy: 'unknown' });
    expect(note('Alice: try it in Spain')).toMatchObject({ updatedBy: alice });
    const reuses = rows.filter((r) => r.key.startsWith('reuse:')).map((r) => r.value as { targetIssueKey: string; accountId: string });
    expect(reuses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ targetIssueKey: 'FLEX-110', accountId: 'unknown' }),
        expect.objectContaining({ targetIssueKey: 'FLEX-109', accountId: alice }),
      ]),
    );
    expect(rowsHolding(site, alice).length).toBe(aliceBefore);
    // The panel still opens FLEX-111's history for Alice, with Bob's revision as a former user's.
    const history = await site.invoke({ functionKey: 'history/list', as: 'alice', issueKey: 'FLEX-111' });
    expect(JSON.stringify(history.result)).not.toContain(bob);
  });

  it("indexes the people a sprint's kept goal revisions name, and erases a closed owner's id from them", async () => {
    const [bob, alice] = [idOf('bob'), idOf('alice')];
    const sprint = site.store.listSprints().find((s) => s.name === 'FLEX Sprint 24')!;
    const project = site.store.getProject('FLEX')!;
    const goal = aSprintGoal('g-owned', { question: 'Do commuters read the delay banner?', ownerAccountId: bob, issueKeys: [] });
    const context = {
      cloudId: 'local',
      siteUrl: site.url,
      moduleKey: 'retro',
      extension: { type: 'jira:projectPage', project: { id: project.id, key: 'FLEX' } },
    };
    const save = (base: unknown, goals: unknown[]) =>
      site.invoke({ functionKey: 'goals/save', as: 'alice', context, payload: { sprintId: sprint.id, base, goals } });
    // The second save keeps revision 1 (owned by Bob) in KVS.
    expect((await save({ revision: 0, goals: [] }, [goal])).result).toMatchObject({ ok: true });
    const saved = (await save({ revision: 1, goals: [goal] }, [{ ...goal, question: 'Do commuters read the delay banner at all?' }]))
      .result;
    expect(saved).toMatchObject({ ok: true });
    const kept = () => kvsRows(site).filter((r) => r.key.startsWith(`goals-history:${sprint.id}:`));
    expect(kept().some((r) => r.text.includes(bob))).toBe(true);
    site.privacy.closeAccount(bob);

    await site.runScheduledTrigger(SCHEDULE);

    expect(reportedIds()).toEqual(expect.arrayContaining([bob, alice]));
    expect(rowsHolding(site, bob).map((r) => r.key)).toEqual([]);
    expect(kept().map((r) => r.value)).toEqual([
      expect.objectContaining({ updatedBy: alice, goals: [expect.objectContaining({ id: 'g-owned', ownerAccountId: 'unknown' })] }),
    ]);
  });

  it('sends at most 90 accounts per request, each with an RFC 3339 updatedAt, and reports nobody again within the cycle', async () => {
    // 200 more people in the index, as if they had written (the index is what the job reads).
    const planted = Array.from({ length: 200 }, (_, i) => `5b10ac8d82e05b22cc7d${String(i).padStart(4, '0')}`);
    for (const accountId of planted) {
      site.store.kvsSet(
        'plain',
        storageKeys.person(accountId),
        JSON.stringify({ accountId, since: '2026-10-01T08:00:00.000Z' }),
        Date.now(),
        null,
      );
    }
    await site.runScheduledTrigger(SCHEDULE);
    const sizes = site.privacy.reports.map((r) => r.accounts.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(REPORT_ACCOUNTS_MAX);
    expect(sizes.slice(0, -1).every((n) => n === REPORT_ACCOUNTS_MAX)).toBe(true);
    const ids = reportedIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([...planted, idOf('alice')]));
    expect(ids).not.toContain('unknown');
    expect(site.privacy.reports.flatMap((r) => r.accounts).find((a) => a.accountId === planted[0])?.updatedAt).toBe(
      '2026-10-01T08:00:00.000Z',
    );

    const before = site.privacy.reports.length;
    await site.runScheduledTrigger(SCHEDULE);
    expect(site.privacy.reports.length).toBe(before);
  });

  it('waits out a 429 for its Retry-After and then reports', async () => {
    await addLearning(site, 'carol', 'FLEX-111', 'Carol saw the same.');
    site.faults.add({ target: 'atlassian', status: 429, headers: { 'Retry-After': '1' } });
    const { result, calls } = await site.runScheduledTrigger(SCHEDULE);
    expect(result).toMatchObject({ statusCode: 204 });
    const reportCalls = calls.filter((c) => c.endpoint.includes('/app/report-accounts'));
    expect(reportCalls[0]).toMatchObject({ status: 429, provider: 'app' });
    expect(reportCalls.slice(1).every((c) => c.status === 200 || c.status === 204)).toBe(true);
    expect(reportedIds()).toContain(idOf('carol'));
  });

  it('answers 503 when the API fails, and reports the same people at the next run', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    site.faults.add({ target: 'atlassian', status: 500 });
    expect((await site.runScheduledTrigger(SCHEDULE)).result).toEqual({ statusCode: 503 });
    expect(reportedIds()).toEqual([]);
    expect((await site.runScheduledTrigger(SCHEDULE)).result).toMatchObject({ statusCode: 204 });
    expect(reportedIds()).toContain(idOf('alice'));
    expect(quiet).toHaveBeenCalledWith('Personal data report failed', 'AppError');
    quiet.mockRestore();
  });
});

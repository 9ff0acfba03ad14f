/**
 * An issue deleted in Jira takes what the app kept about it in KVS with it: the local site
 * deletes the issue through Jira's REST API and delivers `avi:jira:deleted:issue` to the app's
 * real trigger function. KVS is read through the emulator's store.
 */
import { useLocalSite } from '../support/local-site';
import { addLearning, helpedBy, kvsRows, noteOnSurprise } from './lifecycle-support';

const site = useLocalSite({ resetBeforeEach: 'demo-data-and-calls' });
// The first test makes some twenty invocations and pays for the functions' first load: about 5 s on a busy 2-core machine.
jest.setTimeout(20_000);

// Forge delivers the event up to minutes after the deletion: KVS queries have caught up with the writes by then.
let queryDelayMs = 0;
beforeEach(() => {
  queryDelayMs = site.kvs.settings.queryDelayMs;
  site.kvs.settings.queryDelayMs = 0;
});
afterEach(() => {
  site.kvs.settings.queryDelayMs = queryDelayMs;
});

const idOf = (key: string) => site.store.getIssue(key)!.id;
/** Keys that name the issue id as one of their segments. */
const keysOf = (issueId: string) =>
  kvsRows(site)
    .map((r) => r.key)
    .filter((key) => key.split(':').includes(issueId));

async function deleteIssue(key: string): Promise<void> {
  const res = await site.requestJira('alice', 'DELETE', `/rest/api/3/issue/${key}`);
  expect(res.status).toBe(204);
  const deliveries = await site.triggers.settle();
  expect(deliveries.at(-1)).toMatchObject({ moduleKey: 'issue-deleted-trigger', eventType: 'avi:jira:deleted:issue', ok: true });
}

describe('avi:jira:deleted:issue', () => {
  it("forgets the issue's history, claims and reuses, and the reuses it was helped by; other issues keep theirs", async () => {
    await addLearning(site, 'bob', 'FLEX-112', 'One more thing about Flex.');
    await addLearning(site, 'bob', 'FLEX-111', 'Kept: FLEX-111 is not deleted.');
    await helpedBy(site, 'alice', 'FLEX-109', 'FLEX-112');
    await helpedBy(site, 'alice', 'FLEX-110', 'FLEX-111');
    const [flex112, flex111, flex109, flex110] = ['FLEX-112', 'FLEX-111', 'FLEX-109', 'FLEX-110'].map(idOf) as [
      string,
      string,
      string,
      string,
    ];
    expect(keysOf(flex112).length).toBeGreaterThan(3);
    const flex111Keys = keysOf(flex111);

    await deleteIssue('FLEX-112');
    expect(keysOf(flex112)).toEqual([]);
    // FLEX-111's history and the reuse of its learning are untouched.
    expect(keysOf(flex111)).toEqual(flex111Keys);

    // The helped ticket deleted: the earlier issue's reuse list no longer counts it.
    await deleteIssue('FLEX-110');
    expect(keysOf(flex110)).toEqual([]);
    expect(kvsRows(site).filter((r) => r.key.startsWith(`reuse:${flex111}:`))).toEqual([]);
    expect(keysOf(flex109).length).toBeGreaterThan(0);
  });

  it('forgets the retro notes on the issue, and leaves the notes on other issues', async () => {
    const noted = await noteOnSurprise(site, 'alice', 0, 'Note on the first surprise.');
    const other = await noteOnSurprise(site, 'bob', 1, 'Note on the second surprise.');
    expect(other).not.toBe(noted);
    const issueKey = site.store.getIssue(noted)!.key;
    await deleteIssue(issueKey);
    const notes = kvsRows(site).filter((r) => r.key.startsWith('retro:'));
    expect(notes.map((r) => r.text).join('\n')).not.toContain('Note on the first surprise.');
    expect(notes.map((r) => r.text).join('\n')).toContain('Note on the second surprise.');
    expect(keysOf(noted)).toEqual([]);
  });
});

/**
 * Keeping revisions in Forge KVS in two steps (the real adapter over the local site's KVS): the reads first (the
 * index, the people named), the write later, and then one transaction for every revision not kept yet with its
 * index line. A save reads beside its claim and writes once it holds it (issue #14).
 */
import { kvs } from '@forge/kvs';
import { KvsLearningHistory } from '../../src/forge/record/kvs-learning-history';
import { useLocalSite } from '../support/local-site';

const site = useLocalSite();
// Keys are named here, as the history list and erasure read them, not taken from the app.
const ISSUE = '88001';
const revisionKey = (issueId: string, revision: number) => `history:${issueId}:${String(revision).padStart(8, '0')}`;
const indexKey = (issueId: string) => `history-index:${issueId}`;
const ALICE = '712020:5a1f0c3e-7b2d-4c9a-8e6f-0d1c2b3a4f5e';

const snapshot = (revision: number, hypothesis: string) => ({
  revision,
  savedAt: `2026-11-2${revision}T10:00:00.000Z`,
  savedBy: ALICE,
  value: { schemaVersion: 2, revision, hypothesis, learnings: [], updatedBy: ALICE },
});

const kvsWrites = () =>
  site.accounting
    .calls()
    .filter((c) => c.provider === 'kvs' && !c.endpoint.endsWith('/get') && !c.endpoint.endsWith('/query'))
    .map((c) => c.endpoint);

const revisionsListed = async (issueId: string) =>
  ((await kvs.get<{ entries: Array<{ revision: number }> }>(indexKey(issueId)))?.entries ?? []).map((e) => e.revision);

describe('keeping revisions in two steps', () => {
  beforeEach(() => {
    site.accounting.reset();
  });

  it('stores nothing until the write, then both revisions and their lines in one transaction', async () => {
    const ready = await new KvsLearningHistory().prepareKeep(ISSUE, [
      { snapshot: snapshot(1, 'Stored') },
      { snapshot: snapshot(2, 'Next') },
    ]);
    expect(await kvs.get(revisionKey(ISSUE, 1))).toBeUndefined();
    expect(await kvs.get(indexKey(ISSUE))).toBeUndefined();
    site.accounting.reset();
    expect((await ready.write()).map((e) => e.revision)).toEqual([1, 2]);
    expect(kvsWrites()).toEqual(['POST /api/v1/transaction']);
    expect(await kvs.get(revisionKey(ISSUE, 2))).toMatchObject({ revision: 2, value: { hypothesis: 'Next' } });
    expect(await revisionsListed(ISSUE)).toEqual([1, 2]);
  });

  it('writes a revision already listed no more, and keeps the one stored under it', async () => {
    const history = new KvsLearningHistory();
    await history.keep('88002', snapshot(1, 'First'));
    site.accounting.reset();
    const ready = await history.prepareKeep('88002', [{ snapshot: snapshot(1, 'Rewritten') }, { snapshot: snapshot(2, 'Next') }]);
    await ready.write();
    expect(await kvs.get(revisionKey('88002', 1))).toMatchObject({ value: { hypothesis: 'First' } });
    expect(await revisionsListed('88002')).toEqual([1, 2]);
    site.accounting.reset();
    await (await history.prepareKeep('88002', [{ snapshot: snapshot(2, 'Again') }])).write();
    expect(kvsWrites()).toEqual([]);
  });

  it('indexes the people a revision names before it is written', async () => {
    // Named by no other test: the entry can only come from this keeping.
    const carol = '712020:9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    await new KvsLearningHistory().prepareKeep('88003', [{ snapshot: { ...snapshot(1, 'Named'), savedBy: carol } }]);
    expect(await kvs.get(`person:${carol}`)).toMatchObject({ accountId: carol });
    expect(await kvs.get(revisionKey('88003', 1))).toBeUndefined();
  });

  it("reads a ticket's empty history with one get, not a listing of its keys", async () => {
    const ready = await new KvsLearningHistory().prepareKeep('88004', [{ snapshot: snapshot(1, 'First') }]);
    expect(ready.newestKept).toBe(0);
    const reads = site.accounting.calls().filter((c) => c.provider === 'kvs' && !kvsWrites().includes(c.endpoint));
    expect(reads.filter((c) => c.endpoint.endsWith('/query'))).toEqual([]);
    expect(reads.filter((c) => c.path === '/api/v1/get').length).toBeGreaterThanOrEqual(1);
  });
});

/**
 * A save over a readable record reads what keeping needs (the history's index, the people it names) while it
 * claims the next revision, then keeps the stored revision and the new one in one write (issue #14: two rounds
 * fewer than keeping each in turn), and loses nothing when any of it fails: the claim is given back and
 * nothing is written.
 */
import { AppError } from '../../src/contract/errors';
import { saveLearning } from '../../src/app/record/save-learning';
import { draftOf, type LearningRecord } from '../../src/domain/record/learning-record';
import type { ReadyToKeep, RevisionToKeep } from '../../src/ports/record/learning-history.port';
import { FLEX_112_DRAFT } from '../support/learning-mother';
import { InMemoryHistory, inMemoryDeps } from '../support/in-memory-ports';
import { alice, bob, errorOf } from './save-learning-support';

const issue = { key: 'FLEX-112', id: '10112' };
const STORAGE_DOWN = () => new AppError('STORAGE_UNAVAILABLE', 'Forge storage did not answer.');

/** History whose reads for keeping wait for `release()` (or fail with `fail()`), and whose write can be made to fail. */
class HeldHistory extends InMemoryHistory {
  holding = false;
  failWrite = false;
  /** The revisions each prepared keeping held, in order. */
  readonly prepared: number[][] = [];
  private waiting: { resolve: () => void; reject: (error: unknown) => void } | null = null;

  override async prepareKeep(issueId: string, revisions: readonly RevisionToKeep[]): Promise<ReadyToKeep> {
    this.prepared.push(revisions.map((r) => r.snapshot.revision));
    if (this.holding) await new Promise<void>((resolve, reject) => (this.waiting = { resolve, reject }));
    const ready = await super.prepareKeep(issueId, revisions);
    return { ...ready, write: () => (this.failWrite ? Promise.reject(STORAGE_DOWN()) : ready.write()) };
  }

  /** Reads of the index on their own (a round before the claim, on the KVS adapter). */
  entriesRead = 0;

  override entries(issueId: string) {
    this.entriesRead++;
    return super.entries(issueId);
  }

  get held(): boolean {
    return this.waiting !== null;
  }

  release(): void {
    this.waiting?.resolve();
  }

  fail(error: unknown): void {
    this.waiting?.reject(error);
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('The condition never held.');
}

describe('a save reads for keeping while it claims, then keeps the stored revision and the next in one write', () => {
  let history: HeldHistory;
  let deps: ReturnType<typeof inMemoryDeps>;
  let first: LearningRecord;
  const bobSaves = () => saveLearning(deps, { issue, accountId: bob, baseRevision: 1, draft: { ...draftOf(first), hypothesis: 'Bob' } });

  beforeEach(async () => {
    history = new HeldHistory();
    deps = { ...inMemoryDeps(), history };
    first = (await saveLearning(deps, { issue, accountId: alice, baseRevision: 0, draft: FLEX_112_DRAFT() })).record;
    // A history that lost revision 1 (pruned, or never kept): the next save keeps it again.
    await history.forget(issue.id, [1]);
    history.prepared.length = 0;
    history.entriesRead = 0;
    history.holding = true;
  });

  it('claims revision 2 while the history is read, then keeps revisions 1 and 2 together before writing', async () => {
    const saving = bobSaves();
    await until(() => history.held && deps.claims.held.has(`${issue.id}:2`));
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
    history.release();
    expect((await saving).record).toMatchObject({ revision: 2, hypothesis: 'Bob' });
    expect(history.prepared).toEqual([[1, 2]]);
    expect((await history.list(issue.id)).map((s) => s.revision)).toEqual([1, 2]);
  });

  it("gives the claim back and writes nothing when the history's reads fail", async () => {
    const saving = bobSaves();
    await until(() => history.held && deps.claims.held.has(`${issue.id}:2`));
    history.fail(STORAGE_DOWN());
    expect(await errorOf(saving)).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(deps.claims.held.has(`${issue.id}:2`)).toBe(false);
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
    expect((await history.list(issue.id)).map((s) => s.revision)).toEqual([]);
    // The next save is not held up by a claim left behind.
    history.holding = false;
    expect((await bobSaves()).record.revision).toBe(2);
  });

  it('gives the claim back and writes nothing when keeping the two revisions fails, and says storage failed', async () => {
    history.holding = false;
    history.failWrite = true;
    expect(await errorOf(bobSaves())).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(deps.claims.held.has(`${issue.id}:2`)).toBe(false);
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
    expect((await history.list(issue.id)).map((s) => s.revision)).toEqual([]);
  });

  it('claims revision 1 of a first record while the history is read, before anything is written', async () => {
    // As if FLEX-112 never had a record: nothing stored, nothing kept, no claim.
    deps.issueLearnings.property = undefined;
    await deps.claims.release(issue.id, 1);
    const saving = saveLearning(deps, { issue, accountId: bob, baseRevision: 0, draft: FLEX_112_DRAFT() });
    await until(() => history.held && deps.claims.held.has(`${issue.id}:1`));
    // The claim went beside the reads for keeping: the index was not read on its own first.
    expect(history.entriesRead).toBe(0);
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
    history.release();
    expect((await saving).record.revision).toBe(1);
    expect(history.prepared).toEqual([[1]]);
  });

  it('gives revision 1 back when history holds revisions of a property deleted outside the app, and follows them', async () => {
    history.holding = false;
    deps.issueLearnings.property = undefined;
    await history.keep(issue.id, { revision: 2, savedAt: '2026-11-20T10:00:00Z', savedBy: alice, value: { kept: 'before the deletion' } });
    await deps.claims.release(issue.id, 1);
    const saved = await saveLearning(deps, { issue, accountId: bob, baseRevision: 0, draft: FLEX_112_DRAFT() });
    expect(saved.record.revision).toBe(3);
    expect([...deps.claims.held.keys()].filter((key) => key.startsWith(`${issue.id}:`)).sort()).toEqual([`${issue.id}:3`]);
    expect((await history.get(issue.id, 2))?.value).toEqual({ kept: 'before the deletion' });
  });

  it("gives revision 1 back when a first record's reads for keeping fail", async () => {
    deps.issueLearnings.property = undefined;
    await deps.claims.release(issue.id, 1);
    const saving = saveLearning(deps, { issue, accountId: bob, baseRevision: 0, draft: FLEX_112_DRAFT() });
    await until(() => history.held && deps.claims.held.has(`${issue.id}:1`));
    history.fail(STORAGE_DOWN());
    expect(await errorOf(saving)).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(deps.claims.held.has(`${issue.id}:1`)).toBe(false);
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
  });

  it('gives the claim back when keeping fails after history was followed past revision 1', async () => {
    history.holding = false;
    deps.issueLearnings.property = undefined;
    await history.keep(issue.id, { revision: 2, savedAt: '2026-11-20T10:00:00Z', savedBy: alice, value: { kept: 'before the deletion' } });
    await deps.claims.release(issue.id, 1);
    // The first reads (beside claim 1) answer; the second, after claiming revision 3, fail.
    const prepare = history.prepareKeep.bind(history);
    let calls = 0;
    history.prepareKeep = (issueId, revisions) => (++calls === 1 ? prepare(issueId, revisions) : Promise.reject(STORAGE_DOWN()));
    expect(await errorOf(saveLearning(deps, { issue, accountId: bob, baseRevision: 0, draft: FLEX_112_DRAFT() }))).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
    });
    expect([...deps.claims.held.keys()].filter((key) => key.startsWith(`${issue.id}:`))).toEqual([]);
  });

  it('forgets a revision whose keeping failed before giving its claim back', async () => {
    history.holding = false;
    history.failWrite = true;
    const order: string[] = [];
    const forget = history.forget.bind(history);
    history.forget = (...args) => {
      order.push(`forget ${args[1].join()}`);
      return forget(...args);
    };
    const release = deps.claims.release.bind(deps.claims);
    deps.claims.release = (issueId, revision) => {
      order.push(`release ${revision}`);
      return release(issueId, revision);
    };
    await errorOf(bobSaves());
    expect(order).toEqual(['forget 2', 'release 2']);
  });
});

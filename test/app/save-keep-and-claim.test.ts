/**
 * A save over a readable record keeps the stored revision in history and claims the next one side by side
 * (issue #14: one round less), and loses nothing when the keeping fails: the claim is given back and
 * nothing is written.
 */
import { AppError } from '../../src/contract/errors';
import { saveLearning } from '../../src/app/record/save-learning';
import { draftOf, type LearningRecord } from '../../src/domain/record/learning-record';
import type { HistorySnapshot } from '../../src/ports/record/learning-history.port';
import { FLEX_112_DRAFT } from '../support/learning-mother';
import { InMemoryHistory, inMemoryDeps } from '../support/in-memory-ports';
import { alice, bob, errorOf } from './save-learning-support';

const issue = { key: 'FLEX-112', id: '10112' };

/** History whose keeping of one revision waits for `release()` (or fails with `fail()`). */
class HeldHistory extends InMemoryHistory {
  heldRevision: number | null = null;
  private waiting: { resolve: () => void; reject: (error: unknown) => void } | null = null;

  override keep(issueId: string, snapshot: HistorySnapshot, changes?: Parameters<InMemoryHistory['keep']>[2]): Promise<void> {
    if (snapshot.revision !== this.heldRevision) return super.keep(issueId, snapshot, changes);
    return new Promise<void>((resolve, reject) => {
      this.waiting = {
        resolve: () => {
          resolve(super.keep(issueId, snapshot, changes));
        },
        reject,
      };
    });
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

describe('a save keeps the stored revision and claims the next side by side', () => {
  let history: HeldHistory;
  let deps: ReturnType<typeof inMemoryDeps>;
  let first: LearningRecord;

  beforeEach(async () => {
    history = new HeldHistory();
    deps = { ...inMemoryDeps(), history };
    first = (await saveLearning(deps, { issue, accountId: alice, baseRevision: 0, draft: FLEX_112_DRAFT() })).record;
    // A history that lost revision 1 (pruned, or never kept): the next save keeps it again, and is held doing so.
    await history.forget(issue.id, [1]);
    history.heldRevision = 1;
  });

  it('claims revision 2 while revision 1 is still being kept, then writes it', async () => {
    const saving = saveLearning(deps, { issue, accountId: bob, baseRevision: 1, draft: { ...draftOf(first), hypothesis: 'Bob' } });
    await until(() => history.held);
    await until(() => deps.claims.held.has(`${issue.id}:2`));
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
    history.release();
    expect((await saving).record).toMatchObject({ revision: 2, hypothesis: 'Bob' });
    expect((await history.list(issue.id)).map((s) => s.revision)).toEqual([1, 2]);
  });

  it('gives the claim back and writes nothing when keeping the stored revision fails', async () => {
    const saving = saveLearning(deps, { issue, accountId: bob, baseRevision: 1, draft: { ...draftOf(first), hypothesis: 'Bob' } });
    await until(() => history.held && deps.claims.held.has(`${issue.id}:2`));
    history.fail(new AppError('STORAGE_UNAVAILABLE', 'Forge storage did not answer.'));
    expect(await errorOf(saving)).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(deps.claims.held.has(`${issue.id}:2`)).toBe(false);
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
    expect((await history.list(issue.id)).map((s) => s.revision)).toEqual([]);
    // The next save is not held up by a claim left behind.
    history.heldRevision = null;
    const retried = await saveLearning(deps, { issue, accountId: bob, baseRevision: 1, draft: { ...draftOf(first), hypothesis: 'Bob' } });
    expect(retried.record.revision).toBe(2);
  });
});

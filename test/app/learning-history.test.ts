import { getPanel } from '../../src/app/record/get-panel';
import { listHistory } from '../../src/app/record/list-history';
import { restoreRevision } from '../../src/app/record/restore-revision';
import { saveLearning } from '../../src/app/record/save-learning';
import { draftOf, type LearningDraft } from '../../src/domain/record/learning-record';
import { FLEX_112_DRAFT, aDraft } from '../support/learning-mother';
import { InMemoryHistory, inMemoryDeps } from '../support/in-memory-ports';
import { alice, bob, errorOf } from './save-learning-support';

describe('the history of saved learnings', () => {
  let deps: ReturnType<typeof inMemoryDeps>;
  const issue = { key: 'FLEX-112', id: '10112' };
  const save = (accountId: string, baseRevision: number, draft: LearningDraft) =>
    saveLearning(deps, { issue, accountId, baseRevision, draft });

  beforeEach(() => {
    deps = inMemoryDeps();
  });

  it('keeps an unreadable stored value in history before replacing it', async () => {
    deps.issueLearnings.property = { written: 'by someone else' };
    const view = await getPanel(deps, { issueKey: 'FLEX-112', accountId: alice });
    expect(view.record).toBeNull();
    expect(view.unreadable?.reason).toMatch(/changed outside Learning Loop/);
    const saved = await save(alice, 0, FLEX_112_DRAFT());
    expect(saved.record.revision).toBe(2);
    const history = await listHistory(deps, { issue });
    expect(history.items.map((i) => [i.revision, i.unreadable])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect((await deps.history.get(issue.id, 1))?.value).toEqual({ written: 'by someone else' });
  });

  it('caps history per issue by forgetting the oldest revision', async () => {
    deps.history = new InMemoryHistory({ newest: 3, ceiling: 3, prunedLog: 10 });
    let revision = 0;
    for (let i = 0; i < 6; i++) {
      const saved = await save(alice, revision, aDraft().withHypothesis(`v${i}`).build());
      revision = saved.record.revision;
    }
    // The newest three revisions, the current one among them.
    const kept = await deps.history.list(issue.id);
    expect(kept.map((s) => s.revision)).toEqual([4, 5, 6]);
  });

  it('restores an earlier revision as a new revision, keeping original authors', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    await save(bob, 1, { ...draftOf(first.record), learnings: [], hypothesis: 'Rewritten' });
    const restored = await restoreRevision(deps, { issue, accountId: bob, revision: 1, baseRevision: 2 });
    expect(restored.record.revision).toBe(3);
    expect(restored.record.hypothesis).toBe(first.record.hypothesis);
    expect(restored.record.learnings.map((e) => e.authorAccountId)).toEqual([alice, alice]);
    expect((await listHistory(deps, { issue })).items.map((i) => i.revision)).toEqual([3, 2, 1]);
  });

  it('refuses to restore over a revision the person has not seen', async () => {
    await save(alice, 0, FLEX_112_DRAFT());
    await save(alice, 1, aDraft().withHypothesis('Second').build());
    const error = await errorOf(restoreRevision(deps, { issue, accountId: bob, revision: 1, baseRevision: 1 }));
    expect(error.code).toBe('CONFLICT');
    const missing = await errorOf(restoreRevision(deps, { issue, accountId: bob, revision: 9, baseRevision: 2 }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});

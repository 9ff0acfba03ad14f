/**
 * History says what each revision changed: through the real handler, the real @forge/kvs and the
 * local site's Jira, expected change lists written out by hand.
 */
import type { SavedView } from '../../src/contract/resolvers';
import { LEARNING_PROPERTY_KEY, draftOf } from '../../src/domain/record/learning-record';
import { aDraft } from '../support/learning-mother';
import { instantKvsQueries, useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });

async function panel(as: string, issueKey: string) {
  const { result } = await site.invoke({ functionKey: 'learning/get', as, issueKey });
  if (!result.ok) throw new Error(`learning/get failed: ${result.error.code}`);
  return { view: result.value };
}

async function save(as: string, issueKey: string, payload: unknown) {
  return site.invoke({ functionKey: 'learning/save', as, issueKey, payload });
}

function saved(result: { ok: boolean; value?: SavedView }): SavedView {
  if (!result.ok || !result.value) throw new Error(`expected a saved view, got ${JSON.stringify(result)}`);
  return result.value;
}

describe('history/list says what changed', () => {
  // The history index may be built from the kept revisions with kvs.query: seen at once here.
  instantKvsQueries(site);

  it('says what each save and restore changed against the revision before it', async () => {
    const { view } = await panel('alice', 'FLEX-112');
    const original = view.record!;
    const draft = draftOf(original);
    draft.learnings = [draft.learnings[0]!, { id: 'new-1', text: 'Support tickets halved in the first week.', surprise: true }];
    draft.outcome = 'invalidated';
    const edited = saved((await save('alice', 'FLEX-112', { baseRevision: original.revision, draft })).result).record;
    await site.invoke({
      functionKey: 'history/restore',
      as: 'alice',
      issueKey: 'FLEX-112',
      payload: { revision: original.revision, baseRevision: edited.revision },
    });

    const list = await site.invoke({ functionKey: 'history/list', as: 'alice', issueKey: 'FLEX-112' });
    if (!list.result.ok) throw new Error('history/list failed');
    const [restore, edit] = list.result.value.items;
    expect(edit).toMatchObject({
      revision: original.revision + 1,
      changes: {
        list: [
          { kind: 'learningAdded', excerpt: 'Support tickets halved in the first week.', surprise: true },
          { kind: 'learningRemoved', excerpt: 'Labeling matters more than refund amount.' },
          { kind: 'outcomeChanged', from: 'inconclusive', to: 'invalidated' },
        ],
        more: 0,
      },
    });
    expect(restore).toMatchObject({
      revision: original.revision + 2,
      current: true,
      changes: {
        list: [
          { kind: 'learningAdded', excerpt: 'Labeling matters more than refund amount.', surprise: true },
          { kind: 'learningRemoved', excerpt: 'Support tickets halved in the first week.' },
          { kind: 'outcomeChanged', from: 'invalidated', to: 'inconclusive' },
        ],
        more: 0,
      },
    });
  });

  it('does not guess what a save over an unreadable value changed', async () => {
    const issue = site.store.getIssue('FLEX-101')!;
    site.store.setPropertyText(issue.id, LEARNING_PROPERTY_KEY, '{"notes":"written by a script"}');
    saved((await save('alice', 'FLEX-101', { baseRevision: 0, draft: aDraft().withHypothesis('Fresh start').build() })).result);
    const { result } = await site.invoke({ functionKey: 'history/list', as: 'alice', issueKey: 'FLEX-101' });
    expect(result.ok && result.value.items.map((i) => [i.current, i.changes])).toEqual([
      [true, null],
      [false, null],
    ]);
  });

  it('says a first save wrote the hypothesis', async () => {
    saved((await save('alice', 'FLEX-101', { baseRevision: 0, draft: aDraft().withHypothesis('Fresh start').build() })).result);
    const { result } = await site.invoke({ functionKey: 'history/list', as: 'alice', issueKey: 'FLEX-101' });
    expect(result.ok && result.value.items.map((i) => i.changes)).toEqual([{ list: [{ kind: 'hypothesisWritten' }], more: 0 }]);
  });
});

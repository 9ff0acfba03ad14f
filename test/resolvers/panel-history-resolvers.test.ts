/** The issue panel's history (list, restore) and people lookup resolvers, end to end on the local site. */
import { draftOf } from '../../src/domain/record/learning-record';
import { instantKvsQueries, jiraCalls, useLocalSite } from '../support/local-site';
import { panelHelpers, saved } from './panel-helpers';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });
const { panel, save } = panelHelpers(site);

describe('history/list and history/restore', () => {
  // history/list right after a save reads the kept revision through kvs.query, which Forge does not promise at once.
  instantKvsQueries(site);
  it('lists revisions newest first and restores one as a new revision', async () => {
    const { view } = await panel('alice', 'FLEX-112');
    const original = view.record!;
    saved(
      (await save('alice', 'FLEX-112', { baseRevision: original.revision, draft: { ...draftOf(original), hypothesis: 'Changed' } })).result,
    );

    const list = await site.invoke({ functionKey: 'history/list', as: 'alice', issueKey: 'FLEX-112' });
    if (!list.result.ok) throw new Error('history/list failed');
    const revisions = list.result.value.items.map((i) => i.revision);
    expect(revisions[0]).toBe(original.revision + 1);
    expect(revisions).toContain(original.revision);
    expect(list.result.value.items[0]?.current).toBe(true);

    const restored = await site.invoke({
      functionKey: 'history/restore',
      as: 'alice',
      issueKey: 'FLEX-112',
      payload: { revision: original.revision, baseRevision: original.revision + 1 },
    });
    const record = saved(restored.result).record;
    expect(record.revision).toBe(original.revision + 2);
    expect(record.hypothesis).toBe(original.hypothesis);
    expect(record.learnings.map((e) => e.authorAccountId)).toEqual(original.learnings.map((e) => e.authorAccountId));
  });

  it('refuses a restore by someone without Edit, and by someone who cannot browse', async () => {
    const { view } = await panel('alice', 'FLEX-112');
    saved(
      (await save('alice', 'FLEX-112', { baseRevision: view.record!.revision, draft: { ...draftOf(view.record!), hypothesis: 'Changed' } }))
        .result,
    );
    const payload = { revision: view.record!.revision, baseRevision: view.record!.revision + 1 };
    const dan = await site.invoke({ functionKey: 'history/restore', as: 'dan', issueKey: 'FLEX-112', payload });
    expect(dan.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const carol = await site.invoke({ functionKey: 'history/list', as: 'carol', issueKey: 'GROW-9' });
    expect(carol.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('people/lookup', () => {
  it('names the people a record mentions with one bulk lookup', async () => {
    const ids = [site.user('alice').accountId, site.user('carol').accountId, site.user('alice').accountId];
    const { result, calls } = await site.invoke({
      functionKey: 'people/lookup',
      as: 'dan',
      issueKey: 'FLEX-112',
      payload: { accountIds: ids },
    });
    expect(result).toEqual({ ok: true, value: { names: { [ids[0]!]: 'Alice Moreau', [ids[1]!]: 'Carol Jiménez' } } });
    expect(jiraCalls(calls)).toHaveLength(1);
  });

  it('refuses more than 50 ids, or ids that are not account ids', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `id-${i}`);
    for (const accountIds of [many, ['../etc/passwd'], 'alice']) {
      const { result, calls } = await site.invoke({
        functionKey: 'people/lookup',
        as: 'dan',
        issueKey: 'FLEX-112',
        payload: { accountIds },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(calls).toHaveLength(0);
    }
  });
});

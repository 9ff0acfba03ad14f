/**
 * `hypothesisAt` through the real handler: `learning/save` stamps it with the server's clock when
 * the hypothesis is first written, later saves keep it, emptying removes it, a payload cannot set
 * it, and `history/restore` brings back the restored revision's own time.
 */
import { draftOf } from '../../src/domain/record/learning-record';
import { aDraft } from '../support/learning-mother';
import { instantKvsQueries, propertyWrites, useLocalSite } from '../support/local-site';
import { panelHelpers, saved } from './panel-helpers';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });
const { storedText, save } = panelHelpers(site);

interface StoredShape {
  hypothesis: string;
  hypothesisAt?: string;
  revision: number;
}
const stored = (issueKey: string): StoredShape => JSON.parse(storedText(issueKey) ?? 'null') as StoredShape;

/** Saves and answers the stored property with the clock's window around the call (stamps are whole seconds). */
async function timedSave(issueKey: string, payload: unknown) {
  const before = Math.floor(Date.now() / 1000) * 1000;
  const record = saved((await save('alice', issueKey, payload)).result).record;
  return { record, property: stored(issueKey), before, after: Date.now() };
}

describe('when the hypothesis was written, through learning/save and history/restore', () => {
  instantKvsQueries(site);

  it('is stamped by the server on the first save with a hypothesis, and kept by the next saves', async () => {
    expect(storedText('FLEX-101')).toBeUndefined();
    const first = await timedSave('FLEX-101', { baseRevision: 0, draft: aDraft().withHypothesis('Refunds reduce drop-off.').build() });
    const at = Date.parse(first.property.hypothesisAt ?? '');
    expect(at).toBeGreaterThanOrEqual(first.before);
    expect(at).toBeLessThanOrEqual(first.after);
    expect(first.record.hypothesisAt).toBe(first.property.hypothesisAt);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const edit = { ...draftOf(first.record), hypothesis: 'Refunds reduce drop-off in Spain.', tags: ['pricing'] };
    const second = await timedSave('FLEX-101', { baseRevision: first.record.revision, draft: edit });
    expect(second.property).toMatchObject({ hypothesis: 'Refunds reduce drop-off in Spain.', hypothesisAt: first.property.hypothesisAt });
  });

  it('is removed when the hypothesis is emptied', async () => {
    const first = await timedSave('FLEX-101', { baseRevision: 0, draft: aDraft().withHypothesis('h').withLearning('l').build() });
    const emptied = await timedSave('FLEX-101', {
      baseRevision: first.record.revision,
      draft: { ...draftOf(first.record), hypothesis: '' },
    });
    expect(emptied.property.hypothesis).toBe('');
    expect(emptied.property).not.toHaveProperty('hypothesisAt');
  });

  it('is kept when a save started before the hypothesis was written is merged with it', async () => {
    const bare = await timedSave('FLEX-101', { baseRevision: 0, draft: aDraft().withLearning('Learned first.').build() });
    const bobs = saved(
      (await save('bob', 'FLEX-101', { baseRevision: bare.record.revision, draft: { ...draftOf(bare.record), hypothesis: 'Bob’s bet.' } }))
        .result,
    ).record;
    expect(bobs.hypothesisAt).toEqual(expect.any(String));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const alices = { ...draftOf(bare.record), tags: ['pricing'] };
    const merged = await timedSave('FLEX-101', { baseRevision: bare.record.revision, draft: alices });
    expect(merged.record.revision).toBe(bobs.revision + 1);
    expect(merged.property).toMatchObject({ hypothesis: 'Bob’s bet.', hypothesisAt: bobs.hypothesisAt });
  });

  it('cannot be set by the payload: a draft carrying it is refused and nothing is written', async () => {
    const draft = { ...aDraft().withHypothesis('h').build(), hypothesisAt: '2020-01-01T00:00:00Z' };
    const { result, calls } = await save('alice', 'FLEX-101', { baseRevision: 0, draft });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/hypothesisAt/) } });
    expect(propertyWrites(calls)).toHaveLength(0);
  });

  it('comes back with a restored revision, not the time of the restore', async () => {
    const first = await timedSave('FLEX-101', { baseRevision: 0, draft: aDraft().withHypothesis('First bet.').build() });
    expect(first.property.hypothesisAt).toEqual(expect.any(String));
    const emptied = await timedSave('FLEX-101', {
      baseRevision: first.record.revision,
      draft: { ...draftOf(first.record), hypothesis: '' },
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const { result } = await site.invoke({
      functionKey: 'history/restore',
      as: 'alice',
      issueKey: 'FLEX-101',
      payload: { revision: first.record.revision, baseRevision: emptied.record.revision },
    });
    expect(result).toMatchObject({ ok: true });
    expect(stored('FLEX-101')).toMatchObject({ hypothesis: 'First bet.', hypothesisAt: first.property.hypothesisAt });
  });
});

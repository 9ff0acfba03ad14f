/**
 * How many sequential rounds of remote calls a save waits on, KVS as slow as Jira: rounds are the chain of calls
 * each made after another answered (bench/lib/call-rounds.ts), with ROUND_MS long against a save's own work.
 * Counted before and after the site's first insights rebuild, which caches the Sprint field's id: from then on
 * every save also keeps the insight aggregates current.
 */
import { startAppSite, type AppSite } from '../support/app-site';
import { seedSize } from '../../bench/lib/dataset';
import { draftOf, type LearningRecord } from '../../src/domain/record/learning-record';
import { globalPageContextFor } from '../support/invoke-contexts';
import { sequentialRounds } from '../../bench/lib/call-rounds';
import { aDraft } from '../support/learning-mother';

jest.setTimeout(60_000);

const ROUND_MS = 1000;

describe('the rounds a save waits on', () => {
  let site: AppSite;

  beforeAll(async () => {
    site = await startAppSite({ port: 0, demo: false });
    seedSize(site.store, 120);
  });

  afterAll(async () => {
    await site.close();
  });

  /** Saves FLEX-112 again with one more learning, under ROUND_MS per call; answers the rounds waited on. */
  async function roundsOfASave(text: string): Promise<number> {
    const opened = await site.invoke({ functionKey: 'learning/get', payload: {}, as: 'alice', issueKey: 'FLEX-112' });
    if (!opened.result.ok) throw new Error('The panel did not open.');
    const { record } = opened.result.value as { record: LearningRecord };
    const draft = draftOf(record);
    const slow = site.faults.latency(ROUND_MS, { target: 'any' });
    try {
      const saved = await site.invoke({
        functionKey: 'learning/save',
        payload: {
          baseRevision: record.revision,
          draft: { ...draft, learnings: [...draft.learnings, { id: text.replace(/[^a-z0-9]+/g, '-'), text, surprise: true }] },
        },
        as: 'alice',
        issueKey: 'FLEX-112',
      });
      if (!saved.result.ok) throw new Error(`The save failed: ${JSON.stringify(saved.result.error)}`);
      return sequentialRounds(saved.calls);
    } finally {
      site.faults.remove(slow.id);
    }
  }

  it('saving again waits on 6 rounds (was 8, 10, and 13 before that)', async () => {
    await roundsOfASave('first save after the seed');
    // The Sprint field's id (KVS); the issue; the history's index, the people index and the recent writes read beside
    // the claim; the stored and the new revision with their index lines in one KVS transaction; the property; the
    // after-work writes (pruning from the index just written, the recent writes from their read before).
    expect(await roundsOfASave('second save')).toBe(6);
  });

  it("a ticket's first record waits on 6 rounds (was 11): revision 1 is claimed beside the reads for keeping it", async () => {
    // A FLEX ticket with no record and nothing kept (the seed writes no history).
    const fresh = site.store.listIssues('FLEX').find((issue) => !site.store.getProperty(issue.id, 'learning-loop'));
    if (!fresh) throw new Error('The seed left no FLEX ticket without a record.');
    const slow = site.faults.latency(ROUND_MS, { target: 'any' });
    try {
      const saved = await site.invoke({
        functionKey: 'learning/save',
        payload: { baseRevision: 0, draft: aDraft().withHypothesis('A first record').build() },
        as: 'alice',
        issueKey: fresh.key,
      });
      if (!saved.result.ok) throw new Error(`The save failed: ${JSON.stringify(saved.result.error)}`);
      expect(saved.result.value).toMatchObject({ record: { revision: 1 } });
      // The Sprint field's id; the issue; the claim beside the history's index (one get: no listing of the issue's keys
      // when it has none), the people index and the recent writes; the revision and its index line; the property; the
      // after-work writes. It was: the index read and listed, then the claim, then the index read and listed again.
      expect(sequentialRounds(saved.calls)).toBe(6);
    } finally {
      site.faults.remove(slow.id);
    }
  });

  it('with insights kept current, saving again waits on 7 rounds (was 9): the aggregates are read beside the old facts', async () => {
    const rebuilt = await site.invoke({ functionKey: 'insights/rebuild', as: 'alice', context: globalPageContextFor(site), payload: {} });
    expect(rebuilt.result).toMatchObject({ ok: true, value: { state: 'done' } });
    await roundsOfASave('first save after the rebuild');
    // As above, then the issue's old facts beside the aggregates its new facts fall in, and the aggregates' write.
    expect(await roundsOfASave('second save after the rebuild')).toBe(7);
  });
});

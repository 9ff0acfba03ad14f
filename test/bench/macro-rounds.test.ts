/**
 * How many sequential rounds of remote calls the macro's pages wait on, KVS as slow as Jira (rounds: the chain of
 * calls each made after another answered, bench/lib/call-rounds.ts). A first page's search leaves beside the read of
 * the viewer's recent writes; only a viewer who saved in the last minutes has it searched again, reconciled.
 */
import { sequentialRounds } from '../../bench/lib/call-rounds';
import { draftOf, type LearningRecord } from '../../src/domain/record/learning-record';
import { instantKvsQueries, jiraCalls, useLocalSite } from '../support/local-site';
import { macroContextFor } from '../support/invoke-contexts';

jest.setTimeout(60_000);

const ROUND_MS = 1000;
const site = useLocalSite();
instantKvsQueries(site);
// Every learning, newest first: the demo's first page carries "This helped" links, so a Browse check follows the search.
const everything = { title: 'Everything', jql: '', groupBy: 'outcome', sort: 'updated' };
const searches = (calls: Parameters<typeof jiraCalls>[0]) => jiraCalls(calls).filter((c) => c.endpoint.includes('/search/jql'));

async function pageUnderLatency(as: string, pageToken?: string | null) {
  const slow = site.faults.latency(ROUND_MS, { target: 'any' });
  try {
    const out = await site.invoke({
      functionKey: 'macro/list',
      as,
      context: macroContextFor(site, everything),
      payload: pageToken ? { pageToken } : {},
    });
    if (!out.result.ok) throw new Error(JSON.stringify(out.result));
    return { calls: out.calls, value: out.result.value as { nextPageToken: string | null } };
  } finally {
    site.faults.remove(slow.id);
  }
}

describe("the macro's pages", () => {
  it("a reader's first page waits on 2 rounds (was 3): the search beside the recent writes' read, then the Browse check", async () => {
    const first = await pageUnderLatency('bob');
    expect(searches(first.calls)).toHaveLength(1);
    expect(sequentialRounds(first.calls)).toBe(2);
  });

  it('someone who saved minutes before has the first page searched again with the save reconciled: 3 rounds, as before', async () => {
    const opened = await site.invoke({ functionKey: 'learning/get', payload: {}, as: 'alice', issueKey: 'FLEX-112' });
    if (!opened.result.ok) throw new Error('The panel did not open.');
    const { record } = opened.result.value as { record: LearningRecord };
    const saved = await site.invoke({
      functionKey: 'learning/save',
      payload: { baseRevision: record.revision, draft: { ...draftOf(record), hypothesis: `${record.hypothesis} (macro rounds)` } },
      as: 'alice',
      issueKey: 'FLEX-112',
    });
    expect(saved.result.ok).toBe(true);
    const first = await pageUnderLatency('alice');
    expect(searches(first.calls)).toHaveLength(2);
    expect(sequentialRounds(first.calls)).toBe(3);
  });
});

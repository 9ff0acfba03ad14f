/**
 * A save's insight update reads the period its new facts fall in beside the issue's old facts (issue #14: one round
 * fewer after the write). The fold then reads only what that read did not cover: nothing when the issue stays in its
 * period and project, the old period (and project) when it moved. Expected counts are written here by hand.
 */
import { updateInsights } from '../../../src/app/insights/update-insights';
import type { IssueFacts } from '../../../src/domain/insights/issue-facts';
import { InMemoryInsightsStore } from '../../support/in-memory-insights-store';

const sprint = (n: number) => ({ kind: 'sprint' as const, key: `2026-11-0${n}.s${n}`, label: `Sprint ${n}`, sprintId: n });

function facts(projectKey: string, sprintNumber: number, learningCount: number): IssueFacts {
  return {
    issueId: 'i1',
    projectKey,
    projectId: projectKey === 'FLEX' ? '1' : '2',
    period: sprint(sprintNumber),
    resolved: false,
    hasHypothesis: true,
    learningCount,
    surpriseCount: 0,
    outcome: 'open',
    daysToLearning: null,
    helpedBy: [],
    helpedIssueIds: [],
    reused: false,
  };
}

describe("a save's insight update reads the new period beside the old facts", () => {
  let store: InMemoryInsightsStore;

  beforeEach(async () => {
    store = new InMemoryInsightsStore();
    await updateInsights(store, 'i1', facts('FLEX', 7, 2));
    store.reads.length = 0;
  });

  it('makes one read, while the old facts are still being read, when the issue stays in its period and project', async () => {
    const readFacts = store.factsOf.bind(store);
    const held: Array<() => void> = [];
    store.factsOf = (issueId) =>
      new Promise((resolve) => {
        held.push(() => {
          resolve(readFacts(issueId));
        });
      });
    const updating = updateInsights(store, 'i1', facts('FLEX', 7, 3));
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.reads).toHaveLength(1);
    held.forEach((answer) => {
      answer();
    });
    await updating;
    expect(store.reads).toEqual([{ aggregateIds: ['FLEX:2026-11-07.s7'], projectKeys: ['FLEX'] }]);
    expect(store.aggregates.get('FLEX:2026-11-07.s7')).toMatchObject({ issues: 1, learnings: 3 });
  });

  it('reads the old period as well when the issue moved to another sprint', async () => {
    await updateInsights(store, 'i1', facts('FLEX', 8, 3));
    expect(store.reads).toEqual([
      { aggregateIds: ['FLEX:2026-11-08.s8'], projectKeys: ['FLEX'] },
      { aggregateIds: ['FLEX:2026-11-07.s7'], projectKeys: [] },
    ]);
    expect(store.aggregates.has('FLEX:2026-11-07.s7')).toBe(false);
    expect(store.aggregates.get('FLEX:2026-11-08.s8')).toMatchObject({ issues: 1, learnings: 3 });
    expect(store.summaries_.get('FLEX')?.periods).toEqual({ '2026-11-08.s8': 1 });
  });

  it('reads the old project too when the issue moved to another project', async () => {
    await updateInsights(store, 'i1', facts('CHK', 7, 2));
    expect(store.reads).toEqual([
      { aggregateIds: ['CHK:2026-11-07.s7'], projectKeys: ['CHK'] },
      { aggregateIds: ['FLEX:2026-11-07.s7'], projectKeys: ['FLEX'] },
    ]);
    expect(store.aggregates.has('FLEX:2026-11-07.s7')).toBe(false);
    expect(store.aggregates.get('CHK:2026-11-07.s7')).toMatchObject({ issues: 1, learnings: 2 });
    expect(store.summaries_.has('FLEX')).toBe(false);
    expect(store.summaries_.get('CHK')?.periods).toEqual({ '2026-11-07.s7': 1 });
  });
});

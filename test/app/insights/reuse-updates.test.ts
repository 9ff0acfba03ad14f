/**
 * "Learnings reused at least once" kept current by the updates, with an in-memory store: a
 * ticket's "This helped" link makes the earlier issue's learnings reused; they stay reused while
 * any ticket still links it, stop when the last link goes (taken off or its ticket deleted), and
 * an issue linked before it had a record counts as reused from its first save. Expected counts
 * are written here by hand.
 */
import { updateInsights } from '../../../src/app/insights/update-insights';
import type { IssueFacts } from '../../../src/domain/insights/issue-facts';
import { InMemoryInsightsStore } from '../../support/in-memory-insights-store';

const PERIOD = { kind: 'sprint' as const, key: '2026-11-02.s7', label: 'Sprint 7', sprintId: 7 };
function facts(issueId: string, projectKey: string, learningCount: number, helpedIssueIds: string[] = []): IssueFacts {
  return {
    issueId,
    projectKey,
    projectId: projectKey === 'FLEX' ? '1' : '2',
    period: PERIOD,
    resolved: true,
    hasHypothesis: true,
    learningCount,
    surpriseCount: 0,
    outcome: 'open',
    daysToLearning: null,
    helpedBy: helpedIssueIds.map(() => 'FLEX'),
    helpedIssueIds,
    reused: false,
  };
}

describe('reused learnings kept current', () => {
  it('count an issue reused while any ticket links it, and no longer once the last link goes', async () => {
    const store = new InMemoryInsightsStore();
    const flex = () => store.aggregates.get('FLEX:2026-11-02.s7')!;
    await updateInsights(store, 's1', facts('s1', 'FLEX', 3));
    await updateInsights(store, 's2', facts('s2', 'FLEX', 2));
    expect([flex().learnings, flex().reusedLearnings]).toEqual([5, 0]);

    await updateInsights(store, 't1', facts('t1', 'CHK', 1, ['s1']));
    expect([flex().learnings, flex().reusedLearnings]).toEqual([5, 3]);
    await updateInsights(store, 't2', facts('t2', 'CHK', 1, ['s1', 's2']));
    expect(flex().reusedLearnings).toBe(5);
    expect(store.helped.get('s1')).toEqual(['t1', 't2']);

    // t1 takes its link off: t2 still links s1.
    await updateInsights(store, 't1', facts('t1', 'CHK', 1));
    expect(flex().reusedLearnings).toBe(5);
    // s1 gains a learning while reused: all four count.
    await updateInsights(store, 's1', facts('s1', 'FLEX', 4));
    expect([flex().learnings, flex().reusedLearnings]).toEqual([6, 6]);
    // t2 is deleted: nothing links s1 or s2 any more.
    await updateInsights(store, 't2', null);
    expect([flex().learnings, flex().reusedLearnings]).toEqual([6, 0]);
    expect([...store.helped.keys()]).toEqual([]);
    expect(store.aggregates.get('CHK:2026-11-02.s7')).toMatchObject({ issues: 1, reusedLearnings: 0 });
  });

  it('counts an issue linked before it had a record as reused from its first save', async () => {
    const store = new InMemoryInsightsStore();
    await updateInsights(store, 't1', facts('t1', 'CHK', 1, ['s9']));
    expect(store.facts.has('s9')).toBe(false);
    expect(store.helped.get('s9')).toEqual(['t1']);
    await updateInsights(store, 's9', facts('s9', 'FLEX', 2));
    expect(store.aggregates.get('FLEX:2026-11-02.s7')).toMatchObject({ learnings: 2, reusedLearnings: 2 });
    expect(store.facts.get('s9')?.reused).toBe(true);
  });
});

/**
 * "Learnings reused at least once" kept current by the updates, with an in-memory store: a
 * ticket's "This helped" link makes the earlier issue's learnings reused; they stay reused while
 * any ticket still links it, stop when the last link goes (taken off or its ticket deleted), and
 * an issue linked before it had a record counts as reused from its first save. Expected counts
 * are written here by hand.
 */
import { updateInsights } from '../../../src/app/insights/update-insights';
import type { IssueFacts } from '../../../src/domain/insights/issue-facts';
import type { PeriodAggregate } from '../../../src/domain/insights/period-aggregate';
import type { ProjectSummary } from '../../../src/domain/insights/project-summary';
import type { InsightsChange, InsightsStorePort } from '../../../src/ports/insights/insights-store.port';

class InMemoryInsightsStore implements InsightsStorePort {
  readonly facts = new Map<string, IssueFacts>();
  readonly aggregates = new Map<string, PeriodAggregate>();
  readonly summaries_ = new Map<string, ProjectSummary>();
  readonly helped = new Map<string, string[]>();

  factsOf(issueId: string) {
    return Promise.resolve(structuredClone(this.facts.get(issueId) ?? null));
  }
  helpedTickets(sourceIssueId: string) {
    return Promise.resolve([...(this.helped.get(sourceIssueId) ?? [])]);
  }
  setHelpedTickets(sourceIssueId: string, ticketIds: readonly string[]) {
    if (ticketIds.length > 0) this.helped.set(sourceIssueId, [...ticketIds]);
    else this.helped.delete(sourceIssueId);
    return Promise.resolve();
  }
  read(aggregateIds: readonly string[], projectKeys: readonly string[]) {
    const pick = <T>(map: Map<string, T>, ids: readonly string[]) =>
      new Map(ids.flatMap((id) => (map.has(id) ? [[id, structuredClone(map.get(id)!)] as const] : [])));
    return Promise.resolve({ aggregates: pick(this.aggregates, aggregateIds), summaries: pick(this.summaries_, projectKeys) });
  }
  write(change: InsightsChange) {
    if (change.facts) this.facts.set(change.issueId, change.facts);
    else this.facts.delete(change.issueId);
    for (const [id, a] of change.aggregates) {
      if (a) this.aggregates.set(id, a);
      else this.aggregates.delete(id);
    }
    for (const [id, s] of change.summaries) {
      if (s) this.summaries_.set(id, s);
      else this.summaries_.delete(id);
    }
    return Promise.resolve();
  }
  summaries() {
    return Promise.resolve([...this.summaries_.values()]);
  }
  replaceAll(): Promise<void> {
    throw new Error('not used here');
  }
}

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

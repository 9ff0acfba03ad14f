/** An in-memory insights store for the use-case tests (the KVS adapter is tested on the local site). */
import type { IssueFacts } from '../../src/domain/insights/issue-facts';
import type { PeriodAggregate } from '../../src/domain/insights/period-aggregate';
import type { ProjectSummary } from '../../src/domain/insights/project-summary';
import type { InsightsChange, InsightsStorePort } from '../../src/ports/insights/insights-store.port';

/** The insight aggregates kept in maps; `reads` lists what each `read` asked for. */
export class InMemoryInsightsStore implements InsightsStorePort {
  readonly reads: Array<{ aggregateIds: string[]; projectKeys: string[] }> = [];
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
    this.reads.push({ aggregateIds: [...aggregateIds], projectKeys: [...projectKeys] });
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

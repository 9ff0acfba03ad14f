/**
 * Insight aggregates in Forge KVS: one key per (project, period), one summary per project and
 * each issue's facts last folded. An update is one batch read and one transaction (at most 5
 * operations: KVS allows 25); values stay far below KVS's 240 KiB (a period's counts are a few
 * hundred bytes, a project's summary about 25 bytes a period).
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { IssueFacts } from '../../domain/insights/issue-facts';
import type { PeriodAggregate } from '../../domain/insights/period-aggregate';
import type { ProjectSummary } from '../../domain/insights/project-summary';
import type { InsightsChange, InsightsStorePort } from '../../ports/insights/insights-store.port';
import { callStorage, storageError } from '../platform/kvs-client';
import { storageKeys } from '../platform/storage-keys';

const INSIGHTS = 'the learning insights';
/** KVS's most keys per batch operation and per query page. */
const BATCH = 25;
const PAGE_SIZE = 100;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const readAggregate = (value: unknown): PeriodAggregate | null =>
  isObject(value) && typeof value.issues === 'number' && isObject(value.outcomes) ? (value as unknown as PeriodAggregate) : null;
const readSummary = (value: unknown): ProjectSummary | null =>
  isObject(value) && typeof value.projectKey === 'string' && isObject(value.periods) ? (value as unknown as ProjectSummary) : null;
const readFacts = (value: unknown): IssueFacts | null =>
  isObject(value) && typeof value.issueId === 'string' && isObject(value.period) ? (value as unknown as IssueFacts) : null;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}

export class KvsInsightsStore implements InsightsStorePort {
  async factsOf(issueId: string): Promise<IssueFacts | null> {
    return readFacts(await callStorage(INSIGHTS, () => kvs.get(storageKeys.insightFacts(issueId))));
  }

  async helpedTickets(sourceIssueId: string): Promise<string[]> {
    const value = await callStorage(INSIGHTS, () => kvs.get<unknown>(storageKeys.insightHelped(sourceIssueId)));
    const tickets = isObject(value) && Array.isArray(value.tickets) ? (value.tickets as unknown[]) : [];
    return tickets.filter((id): id is string => typeof id === 'string');
  }

  async setHelpedTickets(sourceIssueId: string, ticketIds: readonly string[]): Promise<void> {
    const key = storageKeys.insightHelped(sourceIssueId);
    await callStorage(INSIGHTS, () => (ticketIds.length > 0 ? kvs.set(key, { tickets: [...ticketIds] }) : kvs.delete(key)));
  }

  async read(aggregateIds: readonly string[], projectKeys: readonly string[]) {
    const keys = [...aggregateIds.map(storageKeys.insightPeriod), ...projectKeys.map(storageKeys.insightProject)];
    const found = new Map<string, unknown>();
    await Promise.all(
      chunks(keys, BATCH).map(async (part) => {
        const result = await callStorage(INSIGHTS, () => kvs.batchGet<unknown>(part.map((key) => ({ key }))));
        for (const item of result.successfulKeys) found.set(item.key, item.value);
      }),
    );
    const aggregates = new Map<string, PeriodAggregate>();
    for (const id of aggregateIds) {
      const aggregate = readAggregate(found.get(storageKeys.insightPeriod(id)));
      if (aggregate) aggregates.set(id, aggregate);
    }
    const summaries = new Map<string, ProjectSummary>();
    for (const project of projectKeys) {
      const summary = readSummary(found.get(storageKeys.insightProject(project)));
      if (summary) summaries.set(project, summary);
    }
    return { aggregates, summaries };
  }

  async write(change: InsightsChange): Promise<void> {
    let transaction = kvs.transact();
    const factsKey = storageKeys.insightFacts(change.issueId);
    transaction = change.facts ? transaction.set(factsKey, change.facts) : transaction.delete(factsKey);
    for (const [id, aggregate] of change.aggregates) {
      const key = storageKeys.insightPeriod(id);
      transaction = aggregate ? transaction.set(key, aggregate) : transaction.delete(key);
    }
    for (const [project, summary] of change.summaries) {
      const key = storageKeys.insightProject(project);
      transaction = summary ? transaction.set(key, summary) : transaction.delete(key);
    }
    await callStorage(INSIGHTS, () => transaction.execute());
  }

  async summaries(): Promise<ProjectSummary[]> {
    const values = await this.valuesUnder(storageKeys.insightProjectPrefix());
    return values.map(({ value }) => readSummary(value)).filter((summary): summary is ProjectSummary => summary !== null);
  }

  async replaceAll(
    facts: readonly IssueFacts[],
    aggregates: ReadonlyMap<string, PeriodAggregate>,
    summaries: ReadonlyMap<string, ProjectSummary>,
    helped: ReadonlyMap<string, readonly string[]>,
  ): Promise<void> {
    const items: Array<{ key: string; value: unknown }> = [
      ...facts.map((value) => ({ key: storageKeys.insightFacts(value.issueId), value })),
      ...[...helped].map(([sourceIssueId, tickets]) => ({ key: storageKeys.insightHelped(sourceIssueId), value: { tickets } })),
      ...[...aggregates].map(([id, value]) => ({ key: storageKeys.insightPeriod(id), value })),
      ...[...summaries].map(([project, value]) => ({ key: storageKeys.insightProject(project), value })),
    ];
    const keep = new Set(items.map((item) => item.key));
    const stale = (
      await Promise.all(
        [
          storageKeys.insightFactsPrefix(),
          storageKeys.insightPeriodPrefix(),
          storageKeys.insightProjectPrefix(),
          storageKeys.insightHelpedPrefix(),
        ].map((prefix) => this.valuesUnder(prefix)),
      )
    )
      .flat()
      .map(({ key }) => key)
      .filter((key) => !keep.has(key));
    const results = await Promise.all([
      ...chunks(items, BATCH).map((part) => callStorage(INSIGHTS, () => kvs.batchSet(part))),
      ...chunks(stale, BATCH).map((part) => callStorage(INSIGHTS, () => kvs.batchDelete(part.map((key) => ({ key }))))),
    ]);
    // A batch answers per key: any key not written fails the rebuild (the next run tries again).
    const failed = results.flatMap((result) => result.failedKeys);
    if (failed.length > 0) throw storageError(INSIGHTS, new Error(`${failed.length} keys were not written`));
  }

  private async valuesUnder(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
    const found: Array<{ key: string; value: unknown }> = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE_SIZE);
      if (cursor) query = query.cursor(cursor);
      const page = await callStorage(INSIGHTS, () => query.getMany<unknown>());
      found.push(...page.results);
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  }
}

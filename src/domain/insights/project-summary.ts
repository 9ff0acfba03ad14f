/** One key per project lists its periods and how many issues with a record each counts: the open reads it to find the last periods. */
import type { PeriodAggregate } from './period-aggregate';

export interface ProjectSummary {
  projectKey: string;
  projectId: string;
  /** Issues with a record, by period key. */
  periods: Record<string, number>;
}

/**
 * The newest `count` period keys that have begun by `today` (YYYY-MM-DD), oldest first: sprints where the
 * project has any (issue #16: months are for boards without sprints), so a future sprint and the month of
 * issues in no sprint do not push started sprints out of view. A key starts with its period's first day.
 */
export function lastPeriods(summary: ProjectSummary, count: number, today: string): string[] {
  const begun = Object.keys(summary.periods)
    .filter((key) => key.slice(0, 10) <= today)
    .sort();
  const sprints = begun.filter((key) => /\.s\d+$/.test(key));
  return (sprints.length > 0 ? sprints : begun).slice(-count);
}

/** The summaries after aggregates changed (null aggregate: deleted); a summary with no period left is null. */
export function summariesAfter(
  current: ReadonlyMap<string, ProjectSummary>,
  changes: ReadonlyMap<string, PeriodAggregate | null>,
  periodOfId: (aggregateId: string) => { projectKey: string; projectId: string; periodKey: string },
): Map<string, ProjectSummary | null> {
  const next = new Map<string, ProjectSummary | null>();
  for (const [id, aggregate] of changes) {
    const { projectKey, projectId, periodKey } = periodOfId(id);
    const base = next.has(projectKey) ? next.get(projectKey) : current.get(projectKey);
    const others = Object.entries(base?.periods ?? {}).filter(([key]) => key !== periodKey);
    const periods = Object.fromEntries(aggregate ? [...others, [periodKey, aggregate.issues] as const] : others);
    next.set(
      projectKey,
      Object.keys(periods).length > 0 ? { projectKey, projectId: aggregate?.projectId ?? base?.projectId ?? projectId, periods } : null,
    );
  }
  return next;
}

export function summariesOf(aggregates: Iterable<PeriodAggregate>): Map<string, ProjectSummary> {
  const summaries = new Map<string, ProjectSummary>();
  for (const aggregate of aggregates) {
    const summary = summaries.get(aggregate.projectKey) ?? {
      projectKey: aggregate.projectKey,
      projectId: aggregate.projectId,
      periods: {},
    };
    summary.periods[aggregate.period.key] = aggregate.issues;
    summaries.set(aggregate.projectKey, summary);
  }
  return summaries;
}

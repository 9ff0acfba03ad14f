/**
 * Opening insights, in one invocation and two rounds: the project summaries (one KVS query),
 * then, in parallel, the viewer's own count of each project's issues with a record (as the
 * person, so Jira's Browse permission and issue security apply) and the last periods'
 * aggregates (batch reads). A project is shown only when the viewer's count equals the number
 * of issues its aggregates count: then no figure includes an issue hidden from them.
 */
import { INSIGHTS_LIMITS, type InsightsView, type ProjectInsights } from '../../contract/insights';
import { figuresOf, trendsOf } from '../../domain/insights/insight-figures';
import { periodRecordsJql, projectRecordsJql } from '../../domain/insights/insight-jql';
import { aggregateId, type PeriodAggregate } from '../../domain/insights/period-aggregate';
import { issuesIn, lastPeriods, type ProjectSummary } from '../../domain/insights/project-summary';
import { withVisibleFlow } from './visible-flow';
import type { InsightsStorePort } from '../../ports/insights/insights-store.port';

export interface OpenInsightsDeps {
  store: Pick<InsightsStorePort, 'summaries' | 'read'>;
  /** Jira's approximate count, as the person. */
  countAsViewer: (jql: string) => Promise<number>;
}

export const HIDDEN_ISSUES_REASON =
  'Some issues in this project are hidden from you, so its figures are not shown: they would count issues you cannot see.';
const NOTE =
  'Figures count the issues with a learning record. They are kept current as records are saved and recounted daily; a project is shown only when you may see every issue it counts.';

export async function openInsights(deps: OpenInsightsDeps, input: { projects?: string[]; periods?: number }): Promise<InsightsView> {
  const periodCount = input.periods ?? INSIGHTS_LIMITS.periods;
  const wanted = input.projects ? new Set(input.projects) : null;
  const summaries = (await deps.store.summaries()).filter((s) => !wanted || wanted.has(s.projectKey));
  const ids = summaries.flatMap((s) => lastPeriods(s, periodCount).map((period) => aggregateId(s.projectKey, period)));
  const [counts, { aggregates }] = await Promise.all([
    Promise.all(summaries.map((s) => deps.countAsViewer(projectRecordsJql(s.projectKey)).catch(() => null))),
    deps.store.read(ids, []),
  ]);
  const view: InsightsView = { projects: [], withheld: [], note: NOTE };
  summaries.forEach((summary, index) => {
    const count = counts[index];
    // No count: Jira refused the JQL, so the project is not one the viewer may browse; it is not named.
    if (count === null || count === undefined || count === 0) return;
    if (count !== issuesIn(summary)) view.withheld.push({ projectKey: summary.projectKey, reason: HIDDEN_ISSUES_REASON });
    else view.projects.push(projectInsights(summary, periodCount, aggregates));
  });
  view.projects.sort((a, b) => a.projectKey.localeCompare(b.projectKey));
  // Nothing leaves the backend naming a project the viewer is not shown.
  return { ...view, projects: withVisibleFlow(view.projects) };
}

function projectInsights(summary: ProjectSummary, periodCount: number, aggregates: ReadonlyMap<string, PeriodAggregate>): ProjectInsights {
  const periods = lastPeriods(summary, periodCount)
    .map((period) => aggregates.get(aggregateId(summary.projectKey, period)))
    .filter((aggregate): aggregate is PeriodAggregate => aggregate !== undefined)
    .map((aggregate) => ({
      kind: aggregate.period.kind,
      label: aggregate.period.label,
      issues: aggregate.issues,
      figures: figuresOf(aggregate),
      helpedFrom: aggregate.helpedFrom,
      helpedFromOthers: 0,
      jql: periodRecordsJql(summary.projectKey, aggregate.period),
    }));
  return { projectKey: summary.projectKey, periods, trends: trendsOf(periods.map((p) => p.figures)) };
}

/**
 * Opening insights, in one invocation and two rounds: the project summaries (one KVS query),
 * then, in parallel, per project the viewer's count of its issues (as the person, so Jira's
 * Browse permission and issue security apply) and the app's count of the same JQL, and the last
 * periods' aggregates (batch reads). A project is shown only when both counts are equal: the
 * viewer sees every issue the app sees there, so every issue the aggregates count (the app read
 * them). Stricter than comparing with the aggregates' own count, never looser.
 */
import { isAppError } from '../../contract/errors';
import { INSIGHTS_LIMITS, type InsightsView, type ProjectInsights } from '../../contract/insights';
import { figuresOf, trendsOf } from '../../domain/insights/insight-figures';
import { periodRecordsJql, projectIssuesJql } from '../../domain/insights/insight-jql';
import { aggregateId, type PeriodAggregate } from '../../domain/insights/period-aggregate';
import { lastPeriods, type ProjectSummary } from '../../domain/insights/project-summary';
import { withVisibleFlow } from './visible-flow';
import type { InsightsStorePort } from '../../ports/insights/insights-store.port';

export interface OpenInsightsDeps {
  store: Pick<InsightsStorePort, 'summaries' | 'read'>;
  /** Jira's approximate count, as the person. */
  countAsViewer: (jql: string) => Promise<number>;
  /** Jira's approximate count, as the app (which reads every issue the aggregates count). */
  countAsApp: (jql: string) => Promise<number>;
  now: () => Date;
}

export const HIDDEN_ISSUES_REASON =
  'Some issues in this project are hidden from you, so its figures are not shown: they would count issues you cannot see.';
export const UNCOUNTED_REASON = 'Its issues could not be counted just now, so its figures are not shown. Try again later.';
const NOTE =
  'Figures count the issues with a learning record, and hypothesis coverage also the resolved issues without one (refreshed daily). They are kept current as records are saved and recounted daily; a project is shown only when you may see every issue in it.';

export async function openInsights(deps: OpenInsightsDeps, input: { projects?: string[]; periods?: number }): Promise<InsightsView> {
  const periodCount = input.periods ?? INSIGHTS_LIMITS.periods;
  const wanted = input.projects ? new Set(input.projects) : null;
  const summaries = (await deps.store.summaries()).filter((s) => !wanted || wanted.has(s.projectKey));
  const today = deps.now().toISOString().slice(0, 10);
  const shownPeriods = new Map(summaries.map((s) => [s.projectKey, lastPeriods(s, periodCount, today)]));
  const ids = summaries.flatMap((s) => (shownPeriods.get(s.projectKey) ?? []).map((period) => aggregateId(s.projectKey, period)));
  // A refusal (an AppError) means "not countable"; anything else, such as Forge's consent error for a person who has not
  // yet let the app reach Jira as them (a Confluence reader), leaves the function so that Forge can prompt them.
  const countAll = (count: (jql: string) => Promise<number>) =>
    Promise.all(
      summaries.map((s) =>
        count(projectIssuesJql(s.projectKey)).catch((error: unknown) => {
          if (!isAppError(error)) throw error;
          return null;
        }),
      ),
    );
  const [viewerCounts, appCounts, { aggregates }] = await Promise.all([
    countAll(deps.countAsViewer),
    countAll(deps.countAsApp),
    deps.store.read(ids, []),
  ]);
  const view: InsightsView = { projects: [], withheld: [], note: NOTE };
  summaries.forEach((summary, index) => {
    const count = viewerCounts[index];
    const appCount = appCounts[index];
    // No count: Jira refused the JQL, so the project is not one the viewer may browse; it is not named.
    if (count === null || count === undefined || count === 0) return;
    if (appCount === null || appCount === undefined) view.withheld.push({ projectKey: summary.projectKey, reason: UNCOUNTED_REASON });
    else if (count !== appCount) view.withheld.push({ projectKey: summary.projectKey, reason: HIDDEN_ISSUES_REASON });
    else view.projects.push(projectInsights(summary, shownPeriods.get(summary.projectKey) ?? [], aggregates));
  });
  view.projects.sort((a, b) => a.projectKey.localeCompare(b.projectKey));
  // Nothing leaves the backend naming a project the viewer is not shown.
  return { ...view, projects: withVisibleFlow(view.projects) };
}

function projectInsights(summary: ProjectSummary, periodKeys: string[], aggregates: ReadonlyMap<string, PeriodAggregate>): ProjectInsights {
  const periods = periodKeys
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

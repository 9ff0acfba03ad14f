/**
 * The cross-team flow as one viewer may see it: a period's "This helped" links keep the name of
 * each helping project only when that project is shown to the viewer; links from any other
 * project (one they may not browse, one withheld, one no longer counted) are summed without a name.
 */
import type { PeriodInsights, ProjectInsights } from '../../contract/insights';

export function visibleFlow(period: PeriodInsights, shown: ReadonlySet<string>): PeriodInsights {
  const named = Object.entries(period.helpedFrom).filter(([project]) => shown.has(project));
  const total = Object.values(period.helpedFrom).reduce((sum, count) => sum + count, 0);
  const kept = named.reduce((sum, [, count]) => sum + count, 0);
  return { ...period, helpedFrom: Object.fromEntries(named), helpedFromOthers: total - kept };
}

/** Every period of the projects shown, named only by projects in that same list. */
export function withVisibleFlow(projects: readonly ProjectInsights[]): ProjectInsights[] {
  const shown = new Set(projects.map((p) => p.projectKey));
  return projects.map((project) => ({ ...project, periods: project.periods.map((period) => visibleFlow(period, shown)) }));
}

/**
 * What the Insights tab says about each figure: its name, a one-line legend (what is counted, over
 * which issues), how a value reads ("40%", "4.5 days", "3") and how tall its bar is. Pure.
 */
import type { FigureName } from '../../../../src/domain/insights/insight-figures';
import type { PeriodInsights, ProjectInsights } from '../../../../src/contract/insights';

export type FigureUnit = 'share' | 'days' | 'count';

export interface FigureDefinition {
  name: FigureName;
  title: string;
  legend: string;
  unit: FigureUnit;
  /** Narrows the period's JQL to what this figure counts (its issues with a record when absent). */
  jqlClause?: string;
}

/** In the order the page shows them. */
export const FIGURES: readonly FigureDefinition[] = [
  {
    name: 'hypothesisCoverage',
    title: 'Hypothesis coverage',
    legend: 'Resolved issues that carried a hypothesis, of all resolved issues, with a record or without (denominator refreshed daily).',
    unit: 'share',
  },
  {
    name: 'learningYield',
    title: 'Learning yield',
    legend: 'Resolved issues with a hypothesis that have at least one learning, of those with a hypothesis.',
    unit: 'share',
  },
  {
    name: 'surpriseRate',
    title: 'Surprise rate',
    legend: "Learnings marked as a surprise, of every learning captured on the period's issues.",
    unit: 'share',
  },
  {
    name: 'decidedRate',
    title: 'Decided rate',
    legend: 'Outcomes validated or invalidated, of the outcomes no longer open.',
    unit: 'share',
  },
  {
    name: 'invalidatedShare',
    title: 'Invalidated rate',
    legend: 'Outcomes invalidated, of those validated or invalidated: a team that is never wrong is not testing much.',
    unit: 'share',
  },
  {
    name: 'medianDaysToLearning',
    title: 'Median days to learning',
    legend: "Median days from writing the hypothesis (for older records, the issue's creation) to the first learning.",
    unit: 'days',
  },
  {
    name: 'helpedFromOtherTeams',
    title: 'Reuse from other teams',
    legend: '"This helped" links on the period\'s issues to learnings of other projects.',
    unit: 'count',
  },
  {
    name: 'reusedShare',
    title: 'Learnings reused',
    legend:
      'Learnings captured on the period\'s issues that a later ticket marked "This helped" at least once, of every learning captured (a link names the issue, so all its learnings count).',
    unit: 'share',
    jqlClause: 'learningCount > 0',
  },
];

/** The JQL listing what a figure counts in one period. */
export const figureJql = (periodJql: string, figure: Pick<FigureDefinition, 'jqlClause'>): string =>
  figure.jqlClause ? `${periodJql} AND ${figure.jqlClause}` : periodJql;

/** A value as the table and the chart's label read it; "no data" when the period has nothing to count. */
export function formatFigure(value: number | null, unit: FigureUnit): string {
  if (value === null) return 'no data';
  if (unit === 'share') return `${String(Math.round(value * 100))}%`;
  const rounded = Math.round(value * 10) / 10;
  if (unit === 'days') return `${String(rounded)} ${rounded === 1 ? 'day' : 'days'}`;
  return String(rounded);
}

export interface FigureRow {
  period: string;
  value: number | null;
  text: string;
  /** The bar's height, 0–1 of the chart (shares against 100%, days and counts against the largest). */
  height: number;
}

export function figureRows(periods: readonly PeriodInsights[], figure: FigureDefinition): FigureRow[] {
  const values = periods.map((p) => p.figures[figure.name]);
  const largest = Math.max(0, ...values.map((v) => v ?? 0));
  const scale = figure.unit === 'share' ? 1 : largest;
  return periods.map((p, i) => {
    const value = values[i] ?? null;
    return {
      period: p.label,
      value,
      text: formatFigure(value, figure.unit),
      height: value === null || scale === 0 ? 0 : Math.min(1, value / scale),
    };
  });
}

const TREND_WORDS = { up: 'up on the period before', down: 'down on the period before', flat: 'the same as the period before' };

export function trendWords(project: ProjectInsights, name: FigureName): string | null {
  const trend = project.trends[name];
  return trend === null ? null : TREND_WORDS[trend];
}

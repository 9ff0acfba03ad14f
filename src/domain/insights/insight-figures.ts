/** The figures the insights page shows, each derived from one period's counts. */
import type { PeriodAggregate } from './period-aggregate';

export interface PeriodFigures {
  /** Resolved issues that carried a hypothesis, of the resolved issues with a record. */
  hypothesisCoverage: number | null;
  /** Of those, the share with at least one learning. */
  learningYield: number | null;
  /** Surprises among the learnings captured. */
  surpriseRate: number | null;
  /** Validated + invalidated among the issues whose outcome is no longer open. */
  decidedRate: number | null;
  /** Invalidated among validated + invalidated. */
  invalidatedShare: number | null;
  medianDaysToLearning: number | null;
  /** "This helped" links on this period's issues, from other projects. */
  helpedFromOtherTeams: number;
  /** Learnings captured on this period's issues that helped at least one later ticket, of every learning captured. */
  reusedShare: number | null;
}

export const FIGURE_NAMES = [
  'hypothesisCoverage',
  'learningYield',
  'surpriseRate',
  'decidedRate',
  'invalidatedShare',
  'medianDaysToLearning',
  'helpedFromOtherTeams',
  'reusedShare',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The median of a histogram of day counts (the mean of the two middle values when even). */
export function medianOf(histogram: Readonly<Record<string, number>>): number | null {
  const days = Object.entries(histogram)
    .map(([day, count]) => [Number(day), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = days.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const [day, count] of days) {
      seen += count;
      if (index < seen) return day;
    }
    return days.at(-1)?.[0] ?? 0;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export function figuresOf(aggregate: PeriodAggregate): PeriodFigures {
  const { outcomes } = aggregate;
  const decided = outcomes.validated + outcomes.invalidated;
  return {
    hypothesisCoverage: share(aggregate.resolvedWithHypothesis, aggregate.resolved),
    learningYield: share(aggregate.resolvedWithHypothesisAndLearning, aggregate.resolvedWithHypothesis),
    surpriseRate: share(aggregate.surprises, aggregate.learnings),
    decidedRate: share(decided, decided + outcomes.inconclusive),
    invalidatedShare: share(outcomes.invalidated, decided),
    medianDaysToLearning: medianOf(aggregate.daysToLearning),
    helpedFromOtherTeams: Object.entries(aggregate.helpedFrom)
      .filter(([project]) => project !== aggregate.projectKey)
      .reduce((sum, [, count]) => sum + count, 0),
    reusedShare: share(aggregate.reusedLearnings ?? 0, aggregate.learnings),
  };
}

export type Trend = 'up' | 'down' | 'flat' | null;

/** The newest period against the one before it, per figure (null when either is unknown). */
export function trendsOf(periods: readonly PeriodFigures[]): Record<FigureName, Trend> {
  const newest = periods.at(-1);
  const before = periods.at(-2);
  return Object.fromEntries(
    FIGURE_NAMES.map((name) => {
      const a = before?.[name];
      const b = newest?.[name];
      if (a === null || a === undefined || b === null || b === undefined) return [name, null];
      return [name, Math.abs(b - a) < 1e-9 ? 'flat' : b > a ? 'up' : 'down'];
    }),
  ) as Record<FigureName, Trend>;
}

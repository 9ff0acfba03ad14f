/**
 * The counts of one project's period, from which every insight figure derives. Folding is
 * reversible: "an issue's facts changed from A to B" is remove A, add B, so an aggregate
 * never needs the issues themselves.
 */
import { OUTCOMES, type Outcome } from '../record/learning-record';
import { reusedLearningsOf, type IssueFacts, type Period } from './issue-facts';

export interface PeriodAggregate {
  projectKey: string;
  projectId: string;
  period: Period;
  /** Issues with a learning record. */
  issues: number;
  /** Resolved issues, with a record or without (coverage's denominator). */
  resolved: number;
  resolvedWithHypothesis: number;
  resolvedWithHypothesisAndLearning: number;
  learnings: number;
  /** Of those learnings, the ones on issues a later ticket's "This helped" links (absent in aggregates kept before). */
  reusedLearnings?: number;
  surprises: number;
  outcomes: Record<Outcome, number>;
  /** Issues by whole days from the hypothesis (else creation) to first learning: a median survives removals. */
  daysToLearning: Record<string, number>;
  /** "This helped" links on this period's issues, by the project of the issue that helped. */
  helpedFrom: Record<string, number>;
}

/** Where an issue's facts are counted. */
export const aggregateId = (projectKey: string, periodKey: string): string => `${projectKey}:${periodKey}`;
export const aggregateIdOf = (facts: Pick<IssueFacts, 'projectKey' | 'period'>): string => aggregateId(facts.projectKey, facts.period.key);

export function emptyAggregate(facts: Pick<IssueFacts, 'projectKey' | 'projectId' | 'period'>): PeriodAggregate {
  return {
    projectKey: facts.projectKey,
    projectId: facts.projectId,
    period: { ...facts.period },
    issues: 0,
    resolved: 0,
    resolvedWithHypothesis: 0,
    resolvedWithHypothesisAndLearning: 0,
    learnings: 0,
    reusedLearnings: 0,
    surprises: 0,
    outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>,
    daysToLearning: {},
    helpedFrom: {},
  };
}

function bump(counts: Record<string, number>, key: string, by: number): Record<string, number> {
  const count = (counts[key] ?? 0) + by;
  return Object.fromEntries([...Object.entries(counts).filter(([k]) => k !== key), ...(count === 0 ? [] : [[key, count] as const])]);
}

/** Adds (sign 1) or removes (sign -1) one issue's facts. */
export function foldFacts(aggregate: PeriodAggregate, facts: IssueFacts, sign: 1 | -1): PeriodAggregate {
  if (facts.hasRecord === false) {
    return {
      ...aggregate,
      period: sign === 1 ? { ...facts.period } : aggregate.period,
      resolved: aggregate.resolved + (facts.resolved ? sign : 0),
    };
  }
  const resolvedWithHypothesis = facts.resolved && facts.hasHypothesis;
  let helpedFrom = aggregate.helpedFrom;
  for (const project of facts.helpedBy) helpedFrom = bump(helpedFrom, project, sign);
  return {
    ...aggregate,
    // The newest facts name the period (a sprint renamed keeps its key).
    period: sign === 1 ? { ...facts.period } : aggregate.period,
    issues: aggregate.issues + sign,
    resolved: aggregate.resolved + (facts.resolved ? sign : 0),
    resolvedWithHypothesis: aggregate.resolvedWithHypothesis + (resolvedWithHypothesis ? sign : 0),
    resolvedWithHypothesisAndLearning:
      aggregate.resolvedWithHypothesisAndLearning + (resolvedWithHypothesis && facts.learningCount > 0 ? sign : 0),
    learnings: aggregate.learnings + sign * facts.learningCount,
    reusedLearnings: (aggregate.reusedLearnings ?? 0) + sign * reusedLearningsOf(facts),
    surprises: aggregate.surprises + sign * facts.surpriseCount,
    outcomes: { ...aggregate.outcomes, [facts.outcome]: aggregate.outcomes[facts.outcome] + sign },
    daysToLearning:
      facts.daysToLearning === null ? aggregate.daysToLearning : bump(aggregate.daysToLearning, String(facts.daysToLearning), sign),
    helpedFrom,
  };
}

/** Nothing counted: no issue with a record and no resolved issue without one. */
const isEmpty = (aggregate: PeriodAggregate): boolean => aggregate.issues === 0 && aggregate.resolved === 0;

/** The aggregates ids a change touches, and what each becomes (null: nothing left, delete it). */
export function applyChange(
  current: ReadonlyMap<string, PeriodAggregate>,
  before: IssueFacts | null,
  after: IssueFacts | null,
): Map<string, PeriodAggregate | null> {
  const changed = new Map<string, PeriodAggregate | null>();
  const read = (facts: IssueFacts) => {
    const id = aggregateIdOf(facts);
    return changed.has(id) ? (changed.get(id) ?? null) : (current.get(id) ?? null);
  };
  if (before) {
    const existing = read(before);
    // Facts never folded here (a lost race, a rebuild in between): nothing to take away.
    if (existing && !isEmpty(existing)) {
      const next = foldFacts(existing, before, -1);
      changed.set(aggregateIdOf(before), isEmpty(next) ? null : next);
    }
  }
  if (after) changed.set(aggregateIdOf(after), foldFacts(read(after) ?? emptyAggregate(after), after, 1));
  return changed;
}

/** Every aggregate from a full list of facts (the rebuild). */
export function aggregateAll(all: Iterable<IssueFacts>): Map<string, PeriodAggregate> {
  const aggregates = new Map<string, PeriodAggregate>();
  for (const facts of all) {
    const id = aggregateIdOf(facts);
    aggregates.set(id, foldFacts(aggregates.get(id) ?? emptyAggregate(facts), facts, 1));
  }
  return aggregates;
}

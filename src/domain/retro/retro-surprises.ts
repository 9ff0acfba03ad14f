/**
 * Surprises of a sprint: one per learning entry flagged as a surprise (an
 * issue with two surprising entries gives two), and the sprint's figures.
 * Pure.
 */
import type { LearningCard } from '../search/learning-cards';
import { OUTCOMES, type LearningEntry, type Outcome } from '../record/learning-record';

export interface Surprise {
  /** `<issue id>:<entry id>`: what a note is kept under. */
  key: string;
  card: LearningCard;
  entry: LearningEntry;
}

export const surpriseKeyOf = (issueId: string, entryId: string): string => `${issueId}:${entryId}`;

export const hasSurprise = (card: LearningCard): boolean => card.record.learnings.some((entry) => entry.surprise);

/** In the cards' order, then the entries' order. */
export function surprisesOf(cards: readonly LearningCard[]): Surprise[] {
  return cards.flatMap((card) =>
    card.record.learnings.filter((entry) => entry.surprise).map((entry) => ({ key: surpriseKeyOf(card.issue.id, entry.id), card, entry })),
  );
}

export interface SprintFigures {
  /** Issues in the sprint with a learning record. */
  issues: number;
  /** Of those, how many have a hypothesis written. */
  withHypothesis: number;
  /** Learning entries captured on them. */
  learnings: number;
  /** Entries flagged as a surprise. */
  surprises: number;
  outcomes: Record<Outcome, number>;
}

export function figuresOf(cards: readonly LearningCard[]): SprintFigures {
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  let withHypothesis = 0;
  let learnings = 0;
  let surprises = 0;
  for (const { record } of cards) {
    if (record.hypothesis.trim()) withHypothesis++;
    learnings += record.learnings.length;
    surprises += record.learnings.filter((e) => e.surprise).length;
    outcomes[record.outcome]++;
  }
  return { issues: cards.length, withHypothesis, learnings, surprises, outcomes };
}

export type FigureName = 'withHypothesis' | 'learnings' | 'surprises' | 'decided';

/** Hypotheses that reached a verdict (validated or invalidated or inconclusive). */
export const decidedOf = (figures: SprintFigures): number =>
  figures.outcomes.validated + figures.outcomes.invalidated + figures.outcomes.inconclusive;

export interface FigureComparison {
  name: FigureName;
  current: number;
  previous: number | null;
  /** current − previous; null without a previous sprint. */
  change: number | null;
}

export function compareFigures(current: SprintFigures, previous: SprintFigures | null): FigureComparison[] {
  const pick: Record<FigureName, (f: SprintFigures) => number> = {
    withHypothesis: (f) => f.withHypothesis,
    learnings: (f) => f.learnings,
    surprises: (f) => f.surprises,
    decided: decidedOf,
  };
  return (Object.keys(pick) as FigureName[]).map((name) => {
    const now = pick[name](current);
    const before = previous ? pick[name](previous) : null;
    return { name, current: now, previous: before, change: before === null ? null : now - before };
  });
}

/**
 * "Share of learning goals answered" for one sprint, ready for the insights (issue #17's "over time"
 * figure): of the goals the sprint set, how many the team marked answered, partly, or not. A goal
 * still open when the sprint is read counts as not marked; a carried-over goal counts where it was set.
 */
import type { SprintGoalsDocument } from './goals-document';

export interface GoalsAnswered {
  goals: number;
  answered: number;
  partly: number;
  notAnswered: number;
  /** Open: not marked yet. */
  open: number;
  /** answered ÷ goals; null for a sprint without goals (no figure, rather than 0 %). */
  answeredShare: number | null;
}

export function goalsAnswered(document: SprintGoalsDocument): GoalsAnswered {
  const count = (answer: string) => document.goals.filter((g) => g.answer === answer).length;
  const goals = document.goals.length;
  const answered = count('answered');
  return {
    goals,
    answered,
    partly: count('partly'),
    notAnswered: count('not-answered'),
    open: count('open'),
    answeredShare: goals === 0 ? null : answered / goals,
  };
}

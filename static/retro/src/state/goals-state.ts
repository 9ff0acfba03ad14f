/** The goals section's pure logic: the next sprint, ticket keys as typed, a goal's draft and its problems. */
import type { Sprint } from '../../../../src/domain/retro/sprint-choice';
import {
  goalProblem,
  isUnanswered,
  SPRINT_GOAL_LIMITS,
  type GoalAnswer,
  type SprintGoal,
} from '../../../../src/domain/sprint-goals/goals-document';

export { GOAL_ANSWER_LABELS as ANSWER_LABELS } from '../../../../src/domain/sprint-goals/goals-document';

/** The sprint after this one (active or future): where unanswered goals carry over; null when there is none. */
export function nextSprintOf(sprints: readonly Sprint[], current: Sprint): Sprint | null {
  const start = (s: Sprint) => (s.startDate ? Date.parse(s.startDate) : Number.POSITIVE_INFINITY);
  const later = sprints
    .filter((s) => s.id !== current.id && s.state !== 'closed' && start(s) > start(current))
    .sort((a, b) => start(a) - start(b));
  return later[0] ?? null;
}

/** Ticket keys as a person types them ("flex-112, FLEX-105 FLEX-105"): upper-cased, split on commas and spaces, once each. */
export function issueKeysOf(text: string): string[] {
  const keys = text
    .split(/[\s,;]+/)
    .map((k) => k.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(keys)];
}

/** A new goal's id: unique enough within one sprint's five goals. */
export const newGoalId = (random: () => number = Math.random): string =>
  `g${Date.now().toString(36)}${Math.floor(random() * 1e6).toString(36)}`;

export interface GoalDraft {
  question: string;
  issueKeysText: string;
  ownedByMe: boolean;
  answer: GoalAnswer;
  answerNote: string;
}

export const draftOfGoal = (goal: SprintGoal | null, viewerAccountId: string): GoalDraft => ({
  question: goal?.question ?? '',
  issueKeysText: goal?.issueKeys.join(', ') ?? '',
  ownedByMe: goal ? goal.ownerAccountId === viewerAccountId : false,
  answer: goal?.answer ?? 'open',
  answerNote: goal?.answerNote ?? '',
});

/** The goal a draft makes (a new one when `goal` is null), keeping what the draft does not edit. */
export function goalOfDraft(draft: GoalDraft, goal: SprintGoal | null, viewerAccountId: string, id: string): SprintGoal {
  const owner = draft.ownedByMe ? viewerAccountId : goal && goal.ownerAccountId !== viewerAccountId ? goal.ownerAccountId : null;
  return {
    id: goal?.id ?? id,
    question: draft.question.trim(),
    ownerAccountId: owner,
    issueKeys: issueKeysOf(draft.issueKeysText),
    answer: draft.answer,
    answerNote: draft.answerNote.trim(),
    carriedFrom: goal?.carriedFrom ?? null,
    carriedTo: goal?.carriedTo ?? null,
  };
}

/** What is wrong with the draft, in the words the backend would use (the limits are the same). */
export const draftProblem = (draft: GoalDraft, position: number): string | null =>
  goalProblem(goalOfDraft(draft, null, 'me', 'draft'), position);

/** The goals that can still be carried over. */
export const carriableGoals = (goals: readonly SprintGoal[]): SprintGoal[] => goals.filter(isUnanswered);

export const canAddGoal = (goals: readonly SprintGoal[]): boolean => goals.length < SPRINT_GOAL_LIMITS.goals;

/**
 * A sprint's learning goals: what the team hopes to learn in the sprint, stored on the sprint
 * itself (a Jira Software sprint entity property). Limits live here, once, for the UI and the backend.
 */
import { ACCOUNT_ID_PATTERN, ISSUE_KEY_PATTERN } from '../record/identifiers';
import { utf8Bytes } from '../record/learning-record';
import { textLength } from '../record/text';

/** The sprint property's key. */
export const SPRINT_GOALS_PROPERTY_KEY = 'learning-loop-goals';
export const GOALS_SCHEMA_VERSION = 1;

export const SPRINT_GOAL_LIMITS = {
  goals: 5,
  questionChars: 300,
  answerNoteChars: 1000,
  issueKeysPerGoal: 10,
  /** Jira Software's setProperty: "The maximum length of the property value is 32768 bytes." */
  propertyBytes: 32_768,
  /** Earlier revisions kept in the app's storage, newest first. */
  historyRevisions: 20,
} as const;

export const GOAL_ANSWERS = ['open', 'answered', 'partly', 'not-answered'] as const;
export type GoalAnswer = (typeof GOAL_ANSWERS)[number];

/** The words for each answer, the same in the retro view, presenter, panel and export. */
export const GOAL_ANSWER_LABELS: Record<GoalAnswer, string> = {
  open: 'Open',
  answered: 'Answered',
  partly: 'Partly answered',
  'not-answered': 'Not answered',
};

/** A goal's id: letters, digits, "-" and "_" (made by the page that adds it). */
export const GOAL_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

export interface GoalLink {
  sprintId: number;
  goalId: string;
}

export interface SprintGoal {
  id: string;
  question: string;
  ownerAccountId: string | null;
  issueKeys: string[];
  answer: GoalAnswer;
  /** Required for partly / not answered: what did we learn instead? */
  answerNote: string;
  /** The goal this one continues, in an earlier sprint. */
  carriedFrom: GoalLink | null;
  /** Set on the source goal when it was carried over: it stays, marked. */
  carriedTo: GoalLink | null;
}

export interface SprintGoalsDocument {
  schemaVersion: number;
  /** 0: nothing stored yet. */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  goals: SprintGoal[];
}

export const emptyGoalsDocument = (): SprintGoalsDocument => ({
  schemaVersion: GOALS_SCHEMA_VERSION,
  revision: 0,
  updatedAt: null,
  updatedBy: null,
  goals: [],
});

/** A goal still to be answered: open, or answered only in part or not at all, and not yet carried over. */
export const isUnanswered = (goal: SprintGoal): boolean => goal.answer !== 'answered' && goal.carriedTo === null;

/** The bytes the property takes in Jira, as written. */
export const goalsSizeOf = (document: SprintGoalsDocument): number => utf8Bytes(JSON.stringify(document));

/** What is wrong with one goal, as a sentence; null when it is fine. */
export function goalProblem(goal: SprintGoal, position: number): string | null {
  const which = `Goal ${position + 1}`;
  const question = goal.question.trim();
  if (question === '') return `${which} needs a question: what do you hope to learn?`;
  if (textLength(goal.question) > SPRINT_GOAL_LIMITS.questionChars) {
    return `${which}: a question may be at most ${SPRINT_GOAL_LIMITS.questionChars} characters.`;
  }
  if (goal.issueKeys.length > SPRINT_GOAL_LIMITS.issueKeysPerGoal) {
    return `${which} may link at most ${SPRINT_GOAL_LIMITS.issueKeysPerGoal} tickets.`;
  }
  const badKey = goal.issueKeys.find((key) => !ISSUE_KEY_PATTERN.test(key));
  if (badKey !== undefined) return `${which}: "${badKey}" is not an issue key (like ABC-12).`;
  if (new Set(goal.issueKeys).size !== goal.issueKeys.length) return `${which} links the same ticket twice.`;
  if (goal.ownerAccountId !== null && !ACCOUNT_ID_PATTERN.test(goal.ownerAccountId)) return `${which}: the owner is not a person.`;
  if (textLength(goal.answerNote) > SPRINT_GOAL_LIMITS.answerNoteChars) {
    return `${which}: the answer may be at most ${SPRINT_GOAL_LIMITS.answerNoteChars} characters.`;
  }
  if ((goal.answer === 'partly' || goal.answer === 'not-answered') && goal.answerNote.trim() === '') {
    return `${which} is ${goal.answer === 'partly' ? 'partly answered' : 'not answered'}: say what you learned instead.`;
  }
  return null;
}

/** What is wrong with a set of goals, as a sentence; null when it may be stored. 0 goals is allowed (all deleted). */
export function goalsProblem(goals: readonly SprintGoal[]): string | null {
  if (goals.length > SPRINT_GOAL_LIMITS.goals) return `A sprint may have at most ${SPRINT_GOAL_LIMITS.goals} learning goals.`;
  if (new Set(goals.map((g) => g.id)).size !== goals.length) return 'Two goals have the same id. Reload and try again.';
  for (const [position, goal] of goals.entries()) {
    const problem = goalProblem(goal, position);
    if (problem) return problem;
  }
  return null;
}

export interface GoalsSize {
  used: number;
  limit: number;
}

/** The property's size against Jira's limit. */
export const goalsSizeReport = (document: SprintGoalsDocument): GoalsSize => ({
  used: goalsSizeOf(document),
  limit: SPRINT_GOAL_LIMITS.propertyBytes,
});

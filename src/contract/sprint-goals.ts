/**
 * What the retro view and the sprint's "Learning goals" action may call about a sprint's learning
 * goals. The project and the person come from the Forge context (the project page, or the sprint
 * action); the sprint from the payload on the project page, from the context in the sprint action
 * (a payload naming another sprint is refused), and is checked to belong to that project.
 */
import type { SprintGoal, SprintGoalsDocument } from '../domain/sprint-goals/goals-document';
import type { Result } from './errors';

export type { GoalsConflictDetails } from './errors';

export interface GoalsOpenPayload {
  /** Required on the project page; left out in the sprint action (its context names the sprint). */
  sprintId?: number;
}

/** A linked ticket, as the person may see it, with what it learned so far. */
export interface GoalIssue {
  key: string;
  summary: string;
  hypothesis: string;
  learnings: Array<{ id: string; text: string; surprise: boolean }>;
}

export interface GoalsView {
  sprintId: number;
  document: SprintGoalsDocument;
  /** True when the person has Manage sprints on the project (Jira checks it again on the write). */
  canEdit: boolean;
  /** The linked tickets the person may browse, by key; a key missing here is unknown or hidden. */
  issues: Record<string, GoalIssue>;
  /** Display names of owners and of the last editor, by account id. */
  names: Record<string, string>;
  /** Earlier revisions kept, newest first (revision, when, by whom). */
  history: Array<{ revision: number; updatedAt: string | null; updatedBy: string | null; goals: number }>;
  /** The project's key, for "People who manage sprints in FLEX can edit these goals". */
  projectKey: string;
}

export interface GoalsSavePayload {
  /** As in GoalsOpenPayload. */
  sprintId?: number;
  /** What the person loaded: the revision and its goals (the merge's base). */
  base: { revision: number; goals: SprintGoal[] };
  goals: SprintGoal[];
}

export interface GoalsCarryOverPayload {
  fromSprintId: number;
  toSprintId: number;
  goalIds: string[];
}

export interface CarriedGoals {
  from: SprintGoalsDocument;
  to: SprintGoalsDocument;
  carried: string[];
}

export type SprintGoalsDefs = {
  'goals/open': (payload: GoalsOpenPayload) => Result<GoalsView>;
  'goals/save': (payload: GoalsSavePayload) => Result<GoalsView>;
  'goals/carryOver': (payload: GoalsCarryOverPayload) => Result<CarriedGoals>;
};

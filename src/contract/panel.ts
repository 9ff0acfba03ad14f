/** What the Jira issue panel may call. The issue and the person come from the Forge context, never from a payload. */
import type { LearningDraft, LearningRecord, SizeReport } from '../domain/record/learning-record';
import type { RevisionChanges } from '../domain/record/revision-changes';
import type { GoalAnswer } from '../domain/sprint-goals/goals-document';
import type { Result } from './errors';

/** The error details the panel branches on; they live with the error codes that carry them. */
export type { ConflictDetails, TooLargeDetails } from './errors';

export interface IssueSummary {
  id: string;
  key: string;
  summary: string;
}

export interface PanelView {
  issue: IssueSummary;
  /** null when nothing has been written yet, or when what is stored cannot be read. */
  record: LearningRecord | null;
  /**
   * Set when the stored property exists but cannot be read: `broken` (changed outside the app; saving
   * keeps the old value in history) or `newer` (a newer app version's record: read-only here).
   */
  unreadable: { kind: 'broken' | 'newer'; reason: string } | null;
  canEdit: boolean;
  viewerAccountId: string;
  size: SizeReport;
  /**
   * The display names of the people the panel names as it opens (the last editor, unless it is the viewer),
   * looked up in the same invocation as the viewer: a person Jira does not show them is null. null when Jira
   * did not answer within NAMES_BUDGET_MS (src/app/people/names-within-budget.ts) or failed: the panel then
   * asks `people/lookup`, and paints the record meanwhile.
   */
  names: Record<string, string | null> | null;
}

export interface SaveLearningPayload {
  /** The revision the draft was edited from; 0 when there was no record. */
  baseRevision: number;
  draft: LearningDraft;
}

export interface SavedView {
  record: LearningRecord;
  size: SizeReport;
  /** True when someone else's changes were merged in. */
  mergedWithOthers: boolean;
  /** Saved, but something done after the save failed (sentences a person can act on). */
  warnings?: string[];
}

export interface HistoryItem {
  revision: number;
  savedAt: string;
  savedBy: string;
  learningCount: number;
  surpriseCount: number;
  outcome: string | null;
  hypothesis: string;
  /** What it changed against the revision before it; null when that was not recorded (older revisions). */
  changes: RevisionChanges | null;
  current: boolean;
  /** A revision that could not be read (foreign or broken JSON, kept as found). */
  unreadable: boolean;
}

export interface HistoryList {
  items: HistoryItem[];
  /** How many revisions are kept per issue. */
  cap: number;
}

export interface RestorePayload {
  revision: number;
  /** The revision the person was looking at when they chose to restore. */
  baseRevision: number;
}

export interface PeopleNamesPayload {
  /** At most PEOPLE_PER_LOOKUP (src/contract/limits.ts) account ids, as the records store them. */
  accountIds: string[];
}

export interface PeopleNames {
  /** Display name by account id; people Jira does not show are left out. */
  names: Record<string, string>;
}

/** A sprint learning goal this issue is linked to ("Serves the goal … of FLEX Sprint 23"). */
export interface ServedGoal {
  sprintId: number;
  sprintName: string;
  /** Jira's sprint state as the Sprint field gives it: active, closed, future. */
  sprintState: string;
  question: string;
  answer: GoalAnswer;
}

export type PanelDefs = {
  'learning/get': () => Result<PanelView>;
  'learning/save': (payload: SaveLearningPayload) => Result<SavedView>;
  'history/list': () => Result<HistoryList>;
  'history/restore': (payload: RestorePayload) => Result<SavedView>;
  'people/lookup': (payload: PeopleNamesPayload) => Result<PeopleNames>;
  'goals/forIssue': () => Result<{ goals: ServedGoal[] }>;
};

/**
 * The facts of one issue that insights count, derived from its record and a few of its
 * Jira fields. Pure: the same inputs give the same facts, so an update, a rebuild and a
 * recount agree.
 */
import { linkedIssueIdOf } from '../record/evidence-visibility';
import { BROWSE_URL_KEY_PATTERN } from '../record/identifiers';
import type { LearningRecord, Outcome } from '../record/learning-record';

/** A sprint of a board with sprints, else the calendar month of the issue's resolution (or last update). */
export interface Period {
  kind: 'sprint' | 'month';
  /** Sorts in time order within a project: the start day, then the sprint or month. */
  key: string;
  /** The sprint's name or the month (`2026-11`). */
  label: string;
  sprintId: number | null;
}

/** A sprint as Jira's Sprint field lists it on an issue. */
export interface IssueSprint {
  id: number;
  name: string;
  startDate: string | null;
}

/** The Jira fields insights read, besides the record. */
export interface IssueFields {
  issueId: string;
  issueKey: string;
  projectId: string;
  created: string;
  updated: string;
  resolutionDate: string | null;
  /** The status's category is Done (Jira sets a resolution there). */
  done: boolean;
  sprints: readonly IssueSprint[];
}

export interface IssueFacts {
  issueId: string;
  projectKey: string;
  projectId: string;
  period: Period;
  /** False for a resolved issue without a record: it counts only in coverage's denominator (absent in facts stored before: true). */
  hasRecord?: boolean;
  resolved: boolean;
  hasHypothesis: boolean;
  learningCount: number;
  surpriseCount: number;
  outcome: Outcome;
  /** Whole days from the hypothesis (else the issue's creation) to its first learning, when it has a hypothesis and a learning. */
  daysToLearning: number | null;
  /** The project of each earlier issue whose learning helped this one ("This helped" links). */
  helpedBy: string[];
  /** Those earlier issues' ids, sorted: each is told it helped (absent in facts kept before they were). */
  helpedIssueIds?: string[];
  /** A later ticket's "This helped" link points at this issue: its learnings count as reused. */
  reused?: boolean;
}

const DAY_MS = 86_400_000;

/** The project key of an issue key (`FLEX-112` → `FLEX`). */
export const projectKeyOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

/** The issue's last sprint (latest start; a sprint not started yet comes last), else the month. */
export function periodOf(fields: Pick<IssueFields, 'sprints' | 'resolutionDate' | 'updated'>): Period {
  const sprints = [...fields.sprints].sort((a, b) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.id - b.id);
  const last = sprints.at(-1);
  if (last) {
    return { kind: 'sprint', key: `${(last.startDate ?? '9999-12-31').slice(0, 10)}.s${last.id}`, label: last.name, sprintId: last.id };
  }
  const month = (fields.resolutionDate ?? fields.updated).slice(0, 7);
  return { kind: 'month', key: `${month}-01.m`, label: month, sprintId: null };
}

const isResolved = (fields: Pick<IssueFields, 'done' | 'resolutionDate'>): boolean => fields.done || fields.resolutionDate !== null;

/** A resolved issue without a record: in the period's resolved issues, nothing else. Null when it is not resolved. */
export function factsWithoutRecord(fields: IssueFields): IssueFacts | null {
  if (!isResolved(fields)) return null;
  return {
    issueId: fields.issueId,
    projectKey: projectKeyOf(fields.issueKey),
    projectId: fields.projectId,
    period: periodOf(fields),
    hasRecord: false,
    resolved: true,
    hasHypothesis: false,
    learningCount: 0,
    surpriseCount: 0,
    outcome: 'open',
    daysToLearning: null,
    helpedBy: [],
  };
}

/**
 * Whole days from when the hypothesis was written to the first learning (issue #16's time to
 * learning), never negative. Records saved before the app kept that time count from the issue's
 * creation. Null without a learning.
 */
function daysToLearningOf(record: Pick<LearningRecord, 'hypothesisAt' | 'learnings'>, created: string): number | null {
  const firstLearning = record.learnings.map((entry) => entry.createdAt).sort()[0];
  if (firstLearning === undefined) return null;
  const from = record.hypothesisAt ?? created;
  const days = Math.max(0, Math.floor((Date.parse(firstLearning) - Date.parse(from)) / DAY_MS));
  return Number.isFinite(days) ? days : null;
}

/** `reused`: a later ticket holds a "This helped" link to this issue. */
export function factsOf(fields: IssueFields, record: LearningRecord, reused = false): IssueFacts {
  const hasHypothesis = record.hypothesis.trim() !== '';
  const days = hasHypothesis ? daysToLearningOf(record, fields.created) : null;
  return {
    issueId: fields.issueId,
    projectKey: projectKeyOf(fields.issueKey),
    projectId: fields.projectId,
    period: periodOf(fields),
    hasRecord: true,
    resolved: isResolved(fields),
    hasHypothesis,
    learningCount: record.learnings.length,
    surpriseCount: record.learnings.filter((entry) => entry.surprise).length,
    outcome: record.outcome,
    daysToLearning: days,
    helpedBy: record.evidence
      .filter((link) => linkedIssueIdOf(link) !== null)
      .map((link) => BROWSE_URL_KEY_PATTERN.exec(link.url)?.[1])
      .filter((key): key is string => key !== undefined)
      .map(projectKeyOf)
      .sort(),
    helpedIssueIds: [...new Set(record.evidence.map(linkedIssueIdOf).filter((id): id is string => id !== null))].sort(),
    reused,
  };
}

/**
 * The learnings of an issue that helped a later ticket: a "This helped" link names the issue,
 * not one learning, so all of them once any ticket links it.
 */
export const reusedLearningsOf = (facts: Pick<IssueFacts, 'reused' | 'learningCount'>): number =>
  facts.reused === true ? facts.learningCount : 0;

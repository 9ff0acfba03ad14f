// The shapes the hand-written demo data is written in: issues as tuples, learning records as specs.
import type { IssueRow } from '../emulator';
import type { Confidence, Outcome } from '../src/domain/record/learning-record';
import type { DemoUserHandle } from './demo-team-setup';
import type { Handle } from './demo-themes';

export type Who = DemoUserHandle | null;
/**
 * [number, type, status, summary, description, assignee, reporter, labels, sprint (22|23|null), created days ago].
 * `Closed` (FLEX-103, 104, 108): finished and closed, a status whose fields Jira does not let anyone edit
 * (jira.issue.editable=false), though learnings may still be written there.
 */
export type IssueSpec = [
  number,
  IssueRow['issueType'],
  IssueRow['status'],
  string,
  string,
  Who,
  DemoUserHandle,
  string[],
  22 | 23 | null,
  number,
];

export interface EntrySpec {
  text: string;
  surprise?: boolean;
  by: DemoUserHandle;
  daysAgo: number;
}

export interface RecordSpec {
  issueKey: string;
  hypothesis: string;
  hypothesisBy: DemoUserHandle;
  hypothesisDaysAgo: number;
  entries: EntrySpec[];
  outcome: Outcome;
  confidence: Confidence | null;
  tags: string[];
  evidence?: Array<{ url: string; title: string }>;
  /** Earlier issues whose learning helped, by key: "This helped" links saved with the hypothesis. */
  helpedBy?: string[];
}

/** One earlier learning of the relevance set (demo-relevance-set.ts). */
export type RelevanceSpec = [
  key: string,
  summary: string,
  hypothesis: string,
  learnings: string[],
  tags: string[],
  by: Handle,
  daysAgo: number,
];

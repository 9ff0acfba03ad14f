// The shapes the generator produces, before ids and account ids are assigned.
import type { Confidence, Outcome } from '../src/domain/record/learning-record';
import type { IssueRow, Priority, SprintRow } from '../emulator';
import type { Handle } from './demo-themes';
import type { CoverageStory } from './demo-coverage-story';

export interface GeneratedEntry {
  text: string;
  surprise?: boolean;
  by: Handle;
  daysAgo: number;
}

export interface GeneratedRecord {
  issueKey: string;
  hypothesis: string;
  hypothesisBy: Handle;
  hypothesisDaysAgo: number;
  entries: GeneratedEntry[];
  outcome: Outcome;
  confidence: Confidence | null;
  tags: string[];
  evidence?: Array<{ url: string; title: string }>;
  /** Earlier issues whose learning helped, by key ("This helped", demo-reuse-story.ts). */
  helpedBy?: string[];
}

/** An issue before ids and account ids are assigned. */
export interface GeneratedIssue {
  key: string;
  projectKey: string;
  number: number;
  issueType: IssueRow['issueType'];
  status: IssueRow['status'];
  summary: string;
  description: string;
  assignee: Handle | null;
  reporter: Handle;
  labels: string[];
  sprintId: number | null;
  parentKey: string | null;
  priority: Priority;
  createdDaysAgo: number;
  updatedDaysAgo: number;
}

/** Days ago of a sprint's start and end (negative: in the future), from its ISO dates and the demo's now. */
export interface SprintWindow {
  sprint: SprintRow;
  startDaysAgo: number;
  endDaysAgo: number;
}

export interface GenerateOptions {
  seed: number;
  /** Issues per sprint state, per team. */
  perClosedSprint: number;
  perActiveSprint: number;
  perFutureSprint: number;
  backlog: number;
  /** Share of non-epic issues that carry a learning record. */
  recordShare: number;
  /** The first issue number per project. */
  firstNumber: Record<string, number>;
  /** Existing epics per project, that new issues may belong to. */
  existingEpics: Record<string, string[]>;
  /** Create the plan's new epics (false when only adding bulk learnings). */
  newEpics: boolean;
  /** Whether a person may edit a project's tickets (the demo's permissions): only they report, work on or write records. */
  mayEdit: (handle: Handle, projectKey: string) => boolean;
  /** Titles the rest of the demo already uses: generated tickets get others. */
  takenSummaries: Iterable<string>;
  /** Keys the rest of the demo already uses (the labelled set's 9xx issues): numbering skips them. */
  takenKeys?: ReadonlySet<string>;
  /** One team's coverage held to a share per sprint (the demo's story); other teams keep the seeded roll. */
  coverageStory?: CoverageStory;
}

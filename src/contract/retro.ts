/**
 * What the Jira project page "Learnings" (the retro view) may call. The
 * project and the person come from the Forge context, never from a payload.
 */
import type { LearningCard } from '../domain/search/learning-cards';
import type { RetroNote } from '../domain/retro/retro-notes';
import type { SprintFigures } from '../domain/retro/retro-surprises';
import type { Board, Sprint } from '../domain/retro/sprint-choice';
import type { Result } from './errors';

export interface RetroOpenPayload {
  /** Absent: the project's first board with sprints. */
  boardId?: number | null;
  /** Absent: the active sprint, else the most recently closed one. */
  sprintId?: number | null;
  /**
   * Without `sprintId`: the sprint that was the board's active one when this person last saw the view (their URL
   * keeps it). Searched at once, and shown while it is still active; once it is not, the board's active sprint is.
   */
  activeSprintId?: number | null;
  /** JQL the person typed; absent or null for the sprint's own query. */
  jql?: string | null;
  /**
   * The board and sprint this browser last showed, per Jira project key (at most `RETRO_LIMITS.rememberedProjects`):
   * sent with the page's first call, before the page knows its own project. With nothing else named, the
   * context's project's entry is opened, and the project's default sprint when that one is gone or hidden.
   */
  remembered?: Record<string, RememberedSprint>;
}

/** A board and sprint kept in the browser (`static/retro/src/state/remembered-location.ts`). */
export interface RememberedSprint {
  boardId: number;
  sprintId?: number | null;
  activeSprintId?: number | null;
}

export interface RetroQuery {
  /** The sprint's own queries, as shown and as opened in Jira's issue navigator. */
  surprisesJql: string;
  everythingJql: string;
  /** The person's JQL when they changed it; null when the view shows the sprint's own query. */
  customJql: string | null;
  /** Every JQL that was sent to Jira's search for this view, in order. */
  sent: string[];
}

export interface RetroView {
  project: { id: string; key: string };
  boards: Board[];
  /** null: the project has no board with sprints. */
  board: Board | null;
  /** The picker's sprints: active, recent closed, future (future ones cannot be chosen). */
  sprints: Sprint[];
  /** null: the board has no active or closed sprint. */
  sprint: Sprint | null;
  previousSprint: Sprint | null;
  query: RetroQuery | null;
  /**
   * Without custom JQL: every card of the sprint (the UI narrows to surprises
   * without another call). With custom JQL: that query's cards.
   */
  cards: LearningCard[];
  figures: { current: SprintFigures; previous: SprintFigures | null } | null;
  /** By surprise key (`<issue id>:<entry id>`); only for surprises the person can see. */
  notes: Record<string, RetroNote>;
  /** Display names of the authors, by account id. */
  names: Record<string, string>;
  /** True when a search stopped at the page cap (the figures then count what was read). */
  truncated: boolean;
  asOf: string;
  viewerAccountId: string;
}

export interface RetroNotePayload {
  boardId: number;
  sprintId: number;
  issueId: string;
  entryId: string;
  discussed: boolean;
  note: string;
}

export interface SavedRetroNote {
  key: string;
  /** null when the note was empty and not discussed: nothing is kept. */
  note: RetroNote | null;
}

export interface RetroExportPayload {
  boardId: number;
  sprintId: number;
  /** The person's JQL, when they changed it: its surprises are exported. */
  jql?: string | null;
}

export interface RetroExport {
  /** Atlassian Document Format, valid against @atlaskit/adf-schema. */
  adf: unknown;
  markdown: string;
  surprises: number;
}

export type RetroDefs = {
  'retro/open': (payload: RetroOpenPayload) => Result<RetroView>;
  'retro/saveNote': (payload: RetroNotePayload) => Result<SavedRetroNote>;
  'retro/export': (payload: RetroExportPayload) => Result<RetroExport>;
};

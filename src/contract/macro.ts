/** What the Confluence macro and its config view may call. The stored config comes from the Forge context. */
import type { LearningCard } from '../domain/search/learning-cards';
import type { MacroConfig } from '../domain/macro/macro-config';
import type { BoardChoice, Sprint } from '../domain/retro/sprint-choice';
import type { Result } from './errors';

export interface MacroLearningsPayload {
  /** From the previous page; absent for the first. */
  pageToken?: string | null;
  /** Only from the config view (a preview of unsaved settings); the macro itself uses the config stored in the page. */
  config?: MacroConfig;
}

export interface LearningsPage {
  cards: LearningCard[];
  nextPageToken: string | null;
  /** The JQL that was run, to show and to open in Jira's issue navigator. */
  jql: string;
  asOf: string;
  /** The config the page was read with (the stored one, with defaults filled in). */
  config: MacroConfig;
}

export interface MacroCountPayload {
  /** Only from the config view, as for `macro/list`. */
  config?: MacroConfig;
}

export interface LearningsCount {
  /** Jira's estimate (its approximate count) of the issues with learnings the query finds, as the viewer may see them. */
  count: number;
}

export interface EpicSearchPayload {
  /** What the person typed: words of the epic's summary, or its key; empty for the most recent epics. */
  text: string;
}

export interface EpicList {
  /** At most `EPIC_SEARCH_LIMITS.shown`, most recently updated first. */
  epics: Array<{ key: string; summary: string; projectName: string }>;
}

export interface BoardSearchPayload {
  /** What the person typed: words of the board's name, or a project's key; empty for the first boards of the site. */
  text: string;
}

export interface BoardList {
  /** Boards with sprints (scrum) the person may see, at most `BOARD_SEARCH_LIMITS.shown`; a project's own boards first. */
  boards: BoardChoice[];
}

export interface SprintListPayload {
  /** The board whose sprints to list; absent when reopening a page: then the picked sprint's own board. */
  boardId?: number | null;
  /** The sprint the page's JQL collects now, to show it as picked (by its name). */
  sprintId?: number | null;
}

export interface SprintList {
  /** The board listed: the one asked for, else the picked sprint's board; null when neither is known. */
  boardId: number | null;
  /** Active sprints, then future ones, then recent closed ones (the picked one always among them). */
  sprints: Sprint[];
  /** The sprint asked for by `sprintId`; null when none was asked or it does not exist for the person. */
  picked: Sprint | null;
}

export interface JqlCheckPayload {
  jql: string;
}

export interface JqlCheck {
  /** Jira's own messages; empty when the query is valid. */
  errors: string[];
  /** Roughly how many issues with learnings it finds; null when it is not valid. */
  count: number | null;
}

export type MacroDefs = {
  'macro/list': (payload: MacroLearningsPayload) => Result<LearningsPage>;
  'macro/count': (payload: MacroCountPayload) => Result<LearningsCount>;
  'macro/findEpics': (payload: EpicSearchPayload) => Result<EpicList>;
  'macro/findBoards': (payload: BoardSearchPayload) => Result<BoardList>;
  'macro/listSprints': (payload: SprintListPayload) => Result<SprintList>;
  'jql/check': (payload: JqlCheckPayload) => Result<JqlCheck>;
};

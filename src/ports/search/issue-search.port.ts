/** An issue found by JQL, with the learning property carried in the same response. */
export interface LearningHit {
  id: string;
  key: string;
  summary: string;
  /** The project's name is read only with the `project` part; its key always comes from the issue key. */
  project: { key: string; name: string };
  /** Null unless the `status` part is asked for. */
  status: string | null;
  /** The epic or parent issue; read only with the `parent` part (null otherwise). */
  parent: { key: string; summary: string } | null;
  sprints: Array<{ id: number; name: string; state: string }>;
  /** Null unless the `created` part is asked for. */
  created: string | null;
  /** Tickets its learning helped (`learning-loop-reuse`); absent when none. */
  reuses?: number;
  /** The raw learning property; undefined when the issue has none. */
  property: unknown;
}

export interface SearchPage {
  hits: LearningHit[];
  /** null on the last page. */
  nextPageToken: string | null;
}

/**
 * Issue fields beyond the summary, read only when a surface shows or groups by them:
 * each costs bytes on every issue of every page (a parent brings its own status, priority and type).
 */
export const ISSUE_PARTS = ['project', 'parent', 'status', 'created'] as const;
export type IssuePart = (typeof ISSUE_PARTS)[number];

export interface SearchRequest {
  jql: string;
  pageSize: number;
  pageToken?: string | null;
  /** Issues the person just wrote: Jira's search is eventually consistent, and these must show as written. */
  reconcileIssueIds?: readonly string[];
  /** The site's Sprint field, when the sprints of each issue are wanted (its id differs per site). */
  sprintFieldId?: string | null;
  /** Fields beyond the summary and the property; none by default. */
  parts?: readonly IssuePart[];
}

/** Jira's JQL search, one page per call, records in `properties=`: never one call per issue. */
export interface IssueSearchPort {
  search(input: SearchRequest): Promise<SearchPage>;
  /** Jira's own messages for a query; empty when it is valid. */
  validate(jql: string): Promise<string[]>;
  approximateCount(jql: string): Promise<number>;
}

/** Ids only: Jira's cheapest search, up to 5,000 issues a page (a few bytes each). */
export interface IssueIdSearchPort {
  /** The ids of the first `max` issues the JQL finds, in its order (the person's recent writes reconciled when given). */
  searchIds(input: { jql: string; max: number; reconcileIssueIds?: readonly string[] }): Promise<string[]>;
}

/**
 * Issues by id, at most `MAX_BULK_READ` a call (Jira's bulk fetch), with the summary and the property:
 * read from the issues themselves, so the pages after a search's first are read all at once.
 * Issues the person may not browse, or that are gone, are left out; `failedIds` are those Jira could
 * not return this time ("a retriable error or payload constraint": its `issueErrors`).
 */
export interface IssueBulkReadPort {
  readByIds(issueIds: readonly string[]): Promise<BulkRead>;
}

export interface BulkRead {
  hits: LearningHit[];
  failedIds: string[];
}

/** Jira's cap on one bulk fetch (POST /rest/api/3/issue/bulkfetch: "You can request up to 100 issues"). */
export const MAX_BULK_READ = 100;

/** Which of these issues another person may browse (for reads done as the app). */
export interface BrowsePermissionPort {
  browsableIssueIds(accountId: string, issueIds: readonly string[]): Promise<Set<string>>;
}

/**
 * Per-call limits that the UI and the backend share: the UI batches by them,
 * the resolvers refuse more. Each is named for what it limits.
 */

/**
 * `people/lookup` names at most this many people per call; it is also what one Jira
 * `GET /rest/api/3/user/bulk` request answers (its maxResults), so one call is one request.
 */
export const PEOPLE_PER_LOOKUP = 50;

/**
 * Jira's search reconciles at most this many issues written just before it
 * (`reconcileIssues` of `POST /rest/api/3/search/jql`); the app remembers that many recent writes.
 */
export const RECONCILE_ISSUES_LIMIT = 50;

/** `macro/findEpics`: the text a person may type to find an epic, and how many epics one answer lists. */
export const EPIC_SEARCH_LIMITS = { textChars: 100, shown: 20 } as const;

/** `macro/findBoards`: the text a person may type to find a board, and how many boards one answer lists. */
export const BOARD_SEARCH_LIMITS = { textChars: 100, shown: 20 } as const;

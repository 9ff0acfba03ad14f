import { AppError } from '../../contract/errors';
import { PEOPLE_PER_LOOKUP } from '../../contract/limits';
import type { RetroView } from '../../contract/retro';
import { cardOf } from '../../domain/search/card-of';
import { authorIdsOf, type LearningCard } from '../../domain/search/learning-cards';
import { customSearchJql, presetScopeOf, sprintJql, sprintSearchJql } from '../../domain/retro/retro-query';
import type { RetroNote } from '../../domain/retro/retro-notes';
import { figuresOf, surprisesOf } from '../../domain/retro/retro-surprises';
import { chooseBoard, chooseSprint, pickerSprints, previousSprintOf, type Sprint } from '../../domain/retro/sprint-choice';
import type { BrowsePermissionPort, IssueSearchPort } from '../../ports/search/issue-search.port';
import type { PeopleDirectoryPort } from '../../ports/people/people-directory.port';
import type { RecentWritesPort } from '../../ports/record/recent-writes.port';
import type { RetroNotesPort } from '../../ports/retro/retro-notes.port';
import type { SprintsPort } from '../../ports/retro/sprints.port';
import { hideUnbrowsableLinksInCards } from '../record/hide-unbrowsable-links';

export interface RetroDeps {
  /** Everything is read as the person: Jira shows them only what they may browse. */
  sprints: SprintsPort;
  search: IssueSearchPort;
  notes: RetroNotesPort;
  people: PeopleDirectoryPort;
  /** To hide "This helped" links to issues the person cannot browse. */
  permissions: BrowsePermissionPort;
  /** What the person just wrote, reconciled in the searches (Jira's index lags). */
  recentWrites: RecentWritesPort;
  now: () => Date;
}

export interface RetroInput {
  project: { id: string; key: string };
  accountId: string;
  boardId?: number | null;
  sprintId?: number | null;
  jql?: string | null;
}

/** Jira's largest page when fields are asked for. */
export const RETRO_PAGE_SIZE = 100;
/** A sprint's search reads at most this many pages (500 issues with learnings), so an invocation stays far from 25 s. */
export const MAX_SEARCH_PAGES = 5;
/** One bulk lookup of display names. */

interface ReadCards {
  cards: LearningCard[];
  truncated: boolean;
}

/** One JQL search, paged by `nextPageToken` up to the cap, records carried in `properties=`. */
async function readCards(search: IssueSearchPort, jql: string, reconcileIssueIds: readonly string[]): Promise<ReadCards> {
  const cards: LearningCard[] = [];
  let pageToken: string | null = null;
  for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
    const result = await search.search({ jql, pageSize: RETRO_PAGE_SIZE, pageToken, reconcileIssueIds });
    cards.push(...result.hits.map(cardOf).filter((card): card is LearningCard => card !== null));
    pageToken = result.nextPageToken;
    if (!pageToken) return { cards, truncated: false };
  }
  return { cards, truncated: true };
}

function emptyView(input: RetroInput, now: Date, part: Partial<RetroView>): RetroView {
  return {
    project: input.project,
    boards: [],
    board: null,
    sprints: [],
    sprint: null,
    previousSprint: null,
    query: null,
    cards: [],
    figures: null,
    notes: {},
    names: {},
    truncated: false,
    asOf: now.toISOString(),
    viewerAccountId: input.accountId,
    ...part,
  };
}

/** A requested sprint older than the closed sprints listed: asked for by id, kept when it is this board's. */
async function olderSprintOfBoard(sprints: SprintsPort, boardId: number, sprintId: number | null | undefined): Promise<Sprint | null> {
  if (sprintId === null || sprintId === undefined) return null;
  const found = await sprints.sprint(sprintId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!found || found.originBoardId !== boardId) return null;
  const { originBoardId: _board, ...sprint } = found;
  return sprint;
}

/**
 * The retro view of one sprint. Calls, all as the person: the project's
 * boards (1), the board's sprints (2 in parallel: open and closed; 1 more on a board with over 50 closed), one search for the sprint's learnings
 * and one for the previous sprint's figures (each 1 page per 100 issues with
 * learnings), one more search when the person typed their own JQL, one KVS
 * query for the notes and one bulk lookup of names. Never one call per issue.
 */
export async function openRetro(deps: RetroDeps, input: RetroInput): Promise<RetroView> {
  const now = deps.now();
  const [boards, recent] = await Promise.all([
    deps.sprints.boardsOf(input.project.key),
    deps.recentWrites.recent(input.accountId).catch(() => []),
  ]);
  const board = chooseBoard(boards, input.boardId);
  if (!board) {
    if (input.boardId !== null && input.boardId !== undefined)
      throw new AppError('NOT_FOUND', `That board is not one of ${input.project.key}'s boards, or you cannot see it.`);
    return emptyView(input, now, { boards });
  }
  const all = await deps.sprints.sprintsOf(board.id);
  const sprint = chooseSprint(all, input.sprintId) ?? (await olderSprintOfBoard(deps.sprints, board.id, input.sprintId));
  if (!sprint) {
    if (input.sprintId !== null && input.sprintId !== undefined)
      throw new AppError('NOT_FOUND', `That sprint is not on the board ${board.name}, or you cannot see it.`);
    return emptyView(input, now, { boards, board, sprints: pickerSprints(all, null) });
  }
  const previousSprint = previousSprintOf(all, sprint);

  const typed = input.jql?.trim() ? input.jql : null;
  let custom: string | null = null;
  if (typed && presetScopeOf(typed, sprint.id) === null) {
    const built = customSearchJql(typed);
    if (!built.ok) throw new AppError('INVALID_INPUT', built.message);
    custom = built.jql;
  }
  const sprintSearch = sprintSearchJql(sprint.id);
  const previousSearch = previousSprint ? sprintSearchJql(previousSprint.id) : null;
  const scope = { projectId: input.project.id, boardId: board.id, sprintId: sprint.id };

  const [current, previous, listed, storedNotes] = await Promise.all([
    readCards(deps.search, sprintSearch, recent),
    previousSearch ? readCards(deps.search, previousSearch, recent) : Promise.resolve(null),
    custom ? readCards(deps.search, custom, recent) : Promise.resolve(null),
    deps.notes.list(scope, input.accountId),
  ]);
  const cards = await hideUnbrowsableLinksInCards(deps.permissions, input.accountId, listed?.cards ?? current.cards);

  // Notes only for surprises the person can see: a note never reveals an issue they cannot browse.
  const visible = new Set([...surprisesOf(current.cards), ...surprisesOf(cards)].map((s) => s.key));
  const notes: Record<string, RetroNote> = {};
  for (const [key, note] of Object.entries(storedNotes)) if (visible.has(key)) notes[key] = note;

  const authors = authorIdsOf(cards).slice(0, PEOPLE_PER_LOOKUP);
  const names = authors.length ? await deps.people.displayNames(authors) : {};

  return {
    project: input.project,
    boards,
    board,
    sprints: pickerSprints(all, sprint),
    sprint,
    previousSprint,
    query: {
      surprisesJql: sprintJql(sprint.id, 'surprises'),
      everythingJql: sprintJql(sprint.id, 'all'),
      customJql: custom ? (typed ?? null) : null,
      sent: [sprintSearch, ...(previousSearch ? [previousSearch] : []), ...(custom ? [custom] : [])],
    },
    cards,
    figures: { current: figuresOf(current.cards), previous: previous ? figuresOf(previous.cards) : null },
    notes,
    names,
    truncated: current.truncated || (previous?.truncated ?? false) || (listed?.truncated ?? false),
    asOf: now.toISOString(),
    viewerAccountId: input.accountId,
  };
}

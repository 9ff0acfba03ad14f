import { AppError } from '../../contract/errors';
import type { RetroView } from '../../contract/retro';
import { customSearchJql, presetScopeOf, sprintJql, sprintSearchJql } from '../../domain/retro/retro-query';
import type { RetroNote } from '../../domain/retro/retro-notes';
import { figuresOf, surprisesOf } from '../../domain/retro/retro-surprises';
import { chooseBoard, chooseSprint, pickerSprints, previousSprintOf, type Board, type Sprint } from '../../domain/retro/sprint-choice';
import type { BrowsePermissionPort } from '../../ports/search/issue-search.port';
import type { PeopleDirectoryPort } from '../../ports/people/people-directory.port';
import type { RecentWritesPort } from '../../ports/record/recent-writes.port';
import type { RetroNotesPort, RetroNotesScope } from '../../ports/retro/retro-notes.port';
import { EMPTY_RETRO_MEMORY, type RetroMemory, type RetroMemoryPort } from '../../ports/retro/retro-memory.port';
import type { SprintFigures } from '../../domain/retro/retro-surprises';
import type { SprintsPort } from '../../ports/retro/sprints.port';
import { nameAndCheckCards } from './name-and-check-cards';
import { readRetroCards, type CardsReading, type RetroSearchPort } from './read-retro-cards';

export { MAX_SEARCH_PAGES, RETRO_PAGE_SIZE } from './read-retro-cards';

export interface RetroDeps {
  /** Everything is read as the person: Jira shows them only what they may browse. */
  sprints: SprintsPort;
  /** Searches (a first page and the ids, in parallel) and reads the issues after the first page by id, all at once. */
  search: RetroSearchPort;
  notes: RetroNotesPort;
  people: PeopleDirectoryPort;
  /** To hide "This helped" links to issues the person cannot browse. */
  permissions: BrowsePermissionPort;
  /** What the person just wrote, reconciled in the searches (Jira's index lags). */
  recentWrites: RecentWritesPort;
  /** The boards, sprints and closed sprints' figures this person read lately: a second opening skips those calls. */
  memory: RetroMemoryPort;
  now: () => Date;
}

export interface RetroInput {
  project: { id: string; key: string };
  accountId: string;
  boardId?: number | null;
  sprintId?: number | null;
  /** The active sprint this person last saw (RetroOpenPayload): shown while still active. */
  activeSprintId?: number | null;
  jql?: string | null;
  /**
   * The board and sprint named are a preference (the browser's memory, open-remembered.ts): one that is gone or
   * hidden opens the project's default board and sprint from the lists already read, instead of NOT_FOUND.
   */
  orDefault?: boolean;
}

/** The sprint the payload names: `sprintId`, else `activeSprintId` while that sprint is still active on the board. */
function requestedSprintId(input: Pick<RetroInput, 'sprintId' | 'activeSprintId'>, sprints: readonly Sprint[]): number | null {
  if (input.sprintId !== null && input.sprintId !== undefined) return input.sprintId;
  const lastSeen = input.activeSprintId ?? null;
  return sprints.some((s) => s.id === lastSeen && s.state === 'active') ? lastSeen : null;
}

/** The sprint whose search can start before the board's sprints are known. */
const sprintToSearchEarly = (input: RetroInput): number | null => input.sprintId ?? input.activeSprintId ?? null;

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

interface Navigation {
  boards: Board[];
  board: Board;
  all: Sprint[];
  sprint: Sprint;
  /** What was read from Jira now (not remembered), to remember. */
  learned: RetroMemory;
}

/**
 * The board and sprint to show, from memory when fresh, else from the Agile API. A board named
 * in the payload has its sprints read in the same round as the project's boards (checked after).
 */
async function navigate(
  deps: RetroDeps,
  input: RetroInput,
  { memory, boardsEarly }: Pick<FirstRound, 'memory' | 'boardsEarly'>,
  now: Date,
): Promise<Navigation | RetroView> {
  const learned: RetroMemory = { boards: null, sprints: {}, closedFigures: {} };
  const named = input.boardId ?? null;
  const namedSprints = named !== null && !memory.sprints[named] ? deps.sprints.sprintsOf(named) : null;
  namedSprints?.catch(() => undefined); // awaited below only when the board is the project's
  const boards = memory.boards ?? (learned.boards = await (boardsEarly ?? deps.sprints.boardsOf(input.project.key)));
  const chosen = chooseBoard(boards, input.boardId);
  const board = chosen ?? (input.orDefault ? chooseBoard(boards, null) : null);
  if (!board) {
    if (named !== null && !input.orDefault)
      throw new AppError('NOT_FOUND', `That board is not one of ${input.project.key}'s boards, or you cannot see it.`);
    return emptyView(input, now, { boards });
  }
  // A default board in place of a gone one (orDefault): its own sprints, and not the sprint named, which was the other's.
  const early = chosen ? namedSprints : null;
  const all = memory.sprints[board.id] ?? (learned.sprints[board.id] = await (early ?? deps.sprints.sprintsOf(board.id)));
  const asked: Pick<RetroInput, 'sprintId' | 'activeSprintId'> = chosen ? input : {};
  const requested = chooseSprint(all, requestedSprintId(asked, all)) ?? (await olderSprintOfBoard(deps.sprints, board.id, asked.sprintId));
  const sprint = requested ?? (input.orDefault ? chooseSprint(all, null) : null);
  if (!sprint) {
    if (input.sprintId !== null && input.sprintId !== undefined && !input.orDefault)
      throw new AppError('NOT_FOUND', `That sprint is not on the board ${board.name}, or you cannot see it.`);
    return emptyView(input, now, { boards, board, sprints: pickerSprints(all, null) });
  }
  return { boards, board, all, sprint, learned };
}

/** A closed sprint's figures: remembered, or read (every page of its search, up to the cap) and then remembered with the cap's flag. */
async function closedFigures(deps: RetroDeps, memory: RetroMemory, learned: RetroMemory, sprint: Sprint | null, recent: readonly string[]) {
  if (!sprint) return null;
  const known = memory.closedFigures[sprint.id];
  if (known) return { ...known, searched: false };
  const read = await readRetroCards(deps.search, sprintSearchJql(sprint.id), recent).all;
  const figures: SprintFigures = figuresOf(read.cards);
  // Cut by the cap, the same count comes back next time; issues Jira could not return this time, not.
  if (!read.failed && sprint.state === 'closed') learned.closedFigures[sprint.id] = { figures, truncated: read.truncated };
  return { figures, truncated: read.truncated, searched: true };
}

/**
 * What this opening read from Jira (boards, sprints, closed sprints' figures), kept for the next; a failure only costs those
 * calls again. With the sprint named and searched in the first round, the lists were read beside its names and would cost
 * a round of their own to write: they are kept only when a closed sprint's figures are written anyway.
 */
async function rememberLearned(deps: RetroDeps, input: RetroInput, learned: RetroMemory, namedIsShown: boolean): Promise<void> {
  const withFigures = Object.keys(learned.closedFigures).length > 0;
  if (namedIsShown && !withFigures) return;
  const any = withFigures || learned.boards !== null || Object.keys(learned.sprints).length > 0;
  if (any) await deps.memory.remember(input.accountId, input.project.key, learned).catch(() => undefined);
}

interface FirstRound {
  memory: RetroMemory;
  recent: string[];
  /**
   * The named sprint's search (the view reloaded on its URL), started beside the KVS reads, or run again with the
   * recent writes reconciled when there are any; used once the sprint proves to be the board's.
   */
  early: CardsReading | null;
  /**
   * That search's cards named and their links checked, started as soon as the round ends, so they run beside the
   * Agile API's boards and sprints (read when the person's memory of them is stale); used only with `early`.
   */
  earlyShown: ReturnType<typeof nameAndCheckCards> | null;
  /** The notes of the named board and sprint, read in the same round; used only for that board and sprint. */
  earlyNotes: { scope: RetroNotesScope; notes: Promise<Record<string, RetroNote>> } | null;
  /**
   * With no board named, the project's boards, read beside the memory: a first opening (or one after the memory's
   * 5 minutes) saves that round; within the 5 minutes, the memory's copy is used and this call was one too many.
   */
  boardsEarly: Promise<Board[]> | null;
}

/**
 * One round: this person's retro memory and recent writes, and, when the payload names a sprint, its search
 * and notes. Jira's read-after-write: someone who saved within minutes has that search run again with their
 * writes reconciled (one round more, only for them).
 */
async function firstRound(deps: RetroDeps, input: RetroInput): Promise<FirstRound> {
  const named = sprintToSearchEarly(input);
  const early = named !== null ? readRetroCards(deps.search, sprintSearchJql(named), []) : null;
  const boardId = input.boardId ?? null;
  const scope = named !== null && boardId !== null ? { projectId: input.project.id, boardId, sprintId: named } : null;
  const earlyNotes = scope ? { scope, notes: deps.notes.list(scope, input.accountId) } : null;
  earlyNotes?.notes.catch(() => undefined); // awaited only when the board and sprint are the ones shown
  const boardsEarly = boardId === null ? deps.sprints.boardsOf(input.project.key) : null;
  boardsEarly?.catch(() => undefined); // awaited only when the memory holds no boards
  const [memory, recent] = await Promise.all([
    deps.memory.read(input.accountId, input.project.key).catch(() => EMPTY_RETRO_MEMORY),
    deps.recentWrites.recent(input.accountId).catch(() => []),
  ]);
  const reconciled = named !== null && recent.length > 0 ? readRetroCards(deps.search, sprintSearchJql(named), recent) : early;
  // A typed query shows its own search's cards, not the sprint's.
  const earlyShown = reconciled && !input.jql?.trim() ? nameAndCheckCards(deps, input.accountId, reconciled) : null;
  earlyShown?.catch(() => undefined); // awaited only when the named sprint is the one shown
  return { memory, recent, early: reconciled, earlyShown, earlyNotes, boardsEarly };
}

const sameScope = (a: RetroNotesScope, b: RetroNotesScope): boolean =>
  a.projectId === b.projectId && a.boardId === b.boardId && a.sprintId === b.sprintId;

/**
 * The retro view of one sprint, all read as the person. Reloaded on a sprint (its board and sprint in the
 * payload): one round (the memory, the recent writes, the sprint's search and notes), then the first page's
 * names and link checks, beside the boards and sprints when the memory of them is stale; a sprint over one page adds its later pages by id
 * (read-retro-cards.ts, name-and-check-cards.ts). The first time, the Agile API's boards and sprints (each
 * their own round) come first; closed sprints' figures are remembered a day. Never one call per issue.
 */
export async function openRetro(deps: RetroDeps, input: RetroInput): Promise<RetroView> {
  const now = deps.now();
  const first = await firstRound(deps, input);
  const { memory, recent, early, earlyShown, earlyNotes } = first;
  const nav = await navigate(deps, input, first, now);
  if (!('learned' in nav)) return nav;
  const { boards, board, all, sprint, learned } = nav;
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

  const namedIsShown = early !== null && sprint.id === sprintToSearchEarly(input);
  const currentRead = namedIsShown ? early : readRetroCards(deps.search, sprintSearch, recent);
  const listedRead = custom ? readRetroCards(deps.search, custom, recent) : null;
  // What is shown gets its names and its links checked from its first page on, beside the later pages and the previous sprint's search.
  const shownRead =
    namedIsShown && earlyShown && !listedRead ? earlyShown : nameAndCheckCards(deps, input.accountId, listedRead ?? currentRead);
  const previousRead = closedFigures(deps, memory, learned, previousSprint, recent);
  // Remembered as soon as the last of it (the previous sprint's figures) is read, beside the other calls.
  const remembered = previousRead.then(() => rememberLearned(deps, input, learned, namedIsShown));
  const notesRead = earlyNotes && sameScope(earlyNotes.scope, scope) ? earlyNotes.notes : deps.notes.list(scope, input.accountId);
  const [current, previous, listed, storedNotes, { cards, names }] = await Promise.all([
    currentRead.all,
    previousRead,
    listedRead?.all,
    notesRead,
    shownRead,
    remembered,
  ]);

  // Notes only for surprises the person can see: a note never reveals an issue they cannot browse.
  const visible = new Set([...surprisesOf(current.cards), ...surprisesOf(cards)].map((s) => s.key));
  const notes: Record<string, RetroNote> = {};
  for (const [key, note] of Object.entries(storedNotes)) if (visible.has(key)) notes[key] = note;

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
      sent: [sprintSearch, ...(previousSearch && previous?.searched ? [previousSearch] : []), ...(custom ? [custom] : [])],
    },
    cards,
    figures: { current: figuresOf(current.cards), previous: previous?.figures ?? null },
    notes,
    names,
    truncated: current.truncated || (previous?.truncated ?? false) || (listed?.truncated ?? false),
    asOf: now.toISOString(),
    viewerAccountId: input.accountId,
  };
}

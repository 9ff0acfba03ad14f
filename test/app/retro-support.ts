/** In-memory sprints, search and retro notes for the retro use-case tests, with the sprint's cards they share. */
import { FixedSiteFacts, InMemoryBrowsePermissions, InMemoryRecentWrites, InMemoryRetroMemory } from '../support/in-memory-ports';
import type { RetroDeps } from '../../src/app/retro/open-retro';
import { AppError } from '../../src/contract/errors';
import type { LearningCard } from '../../src/domain/search/learning-cards';
import { toStoredProperty } from '../../src/domain/record/stored-format';
import type { RetroNote } from '../../src/domain/retro/retro-notes';
import type { Board, Sprint } from '../../src/domain/retro/sprint-choice';
import type {
  BulkRead,
  IssueBulkReadPort,
  IssueIdSearchPort,
  IssueSearchPort,
  LearningHit,
  SearchPage,
  SearchRequest,
} from '../../src/ports/search/issue-search.port';
import type { RetroNotesPort, RetroNotesScope } from '../../src/ports/retro/retro-notes.port';
import type { SprintsPort } from '../../src/ports/retro/sprints.port';
import { aDraft } from '../support/learning-mother';
import { aCard, FLEX_112_CARD } from '../support/retro-mother';

export const sprint = (id: number, state: Sprint['state'], start: string, end: string): Sprint => ({
  id,
  name: `FLEX Sprint ${id}`,
  state,
  startDate: start,
  endDate: end,
  completeDate: state === 'closed' ? end : null,
  goal: '',
});

export class InMemorySprints implements SprintsPort {
  calls = { boardsOf: 0, sprintsOf: 0, sprint: 0 };
  boards: Board[] = [{ id: 1, name: 'FLEX board', type: 'scrum' }];
  /** Sprints of board 1 too old to be listed by sprintsOf, found only by id. */
  unlisted: Sprint[] = [];
  sprints: Sprint[] = [
    sprint(21, 'closed', '2026-10-19', '2026-11-02'),
    sprint(22, 'closed', '2026-11-02', '2026-11-09'),
    sprint(23, 'active', '2026-11-09', '2026-11-23'),
    sprint(24, 'future', '2026-11-23', '2026-12-07'),
  ];
  boardsOf(): Promise<Board[]> {
    this.calls.boardsOf++;
    return Promise.resolve(this.boards);
  }
  sprintsOf(boardId: number): Promise<Sprint[]> {
    this.calls.sprintsOf++;
    return Promise.resolve(boardId === 1 ? this.sprints : []);
  }
  sprint(id: number): Promise<Sprint & { originBoardId: number }> {
    this.calls.sprint++;
    const s = [...this.sprints, ...this.unlisted].find((x) => x.id === id);
    if (!s) return Promise.reject(new AppError('NOT_FOUND', 'no'));
    return Promise.resolve({ ...s, originBoardId: 1 });
  }
}

/**
 * Answers `sprint = N …` with that sprint's cards, paged like Jira; anything else from `custom`.
 * Ids-only searches and reads by id (at most 100, as Jira's bulk fetch) answer from the same cards.
 */
export class InMemorySearch implements IssueSearchPort, IssueIdSearchPort, IssueBulkReadPort {
  jqls: string[] = [];
  idJqls: string[] = [];
  /** The ids of each read by id. */
  readsById: string[][] = [];
  bySprint = new Map<number, LearningCard[]>();
  custom: LearningCard[] = [];
  reconciled: Array<readonly string[] | undefined> = [];
  private cardsFor(jql: string): LearningCard[] {
    const one = /id = (\d+) AND sprint = (\d+)/.exec(jql);
    const sprintId = /^sprint = (\d+) AND/.exec(jql)?.[1];
    return one
      ? (this.bySprint.get(Number(one[2])) ?? []).filter((c) => c.issue.id === one[1] && c.record.learnings.some((e) => e.surprise))
      : sprintId
        ? (this.bySprint.get(Number(sprintId)) ?? [])
        : this.custom;
  }
  searchIds(input: { jql: string; max: number; reconcileIssueIds?: readonly string[] }): Promise<string[]> {
    this.idJqls.push(input.jql);
    this.reconciled.push(input.reconcileIssueIds);
    return Promise.resolve(
      this.cardsFor(input.jql)
        .slice(0, input.max)
        .map((c) => c.issue.id),
    );
  }
  /** Ids a read by id answers as errors (Jira's `issueErrors`): each failing this many more times. */
  failing = new Map<string, number>();
  readByIds(issueIds: readonly string[]): Promise<BulkRead> {
    if (issueIds.length > 100) return Promise.reject(new Error('Jira reads at most 100 issues by id.'));
    this.readsById.push([...issueIds]);
    const failedIds = issueIds.filter((id) => (this.failing.get(id) ?? 0) > 0);
    for (const id of failedIds) this.failing.set(id, (this.failing.get(id) ?? 0) - 1);
    const wanted = new Set(issueIds.filter((id) => !failedIds.includes(id)));
    const cards = [...this.bySprint.values(), this.custom].flat().filter((c) => wanted.has(c.issue.id));
    const unique = [...new Map(cards.map((c) => [c.issue.id, c])).values()].sort((a, b) => Number(a.issue.id) - Number(b.issue.id));
    return Promise.resolve({ hits: unique.map((c) => ({ ...c.issue, property: toStoredProperty(c.record) })), failedIds });
  }
  search(input: SearchRequest): Promise<SearchPage> {
    this.jqls.push(input.jql);
    this.reconciled.push(input.reconcileIssueIds);
    const cards = this.cardsFor(input.jql);
    const start = Number(input.pageToken ?? 0);
    const page = cards.slice(start, start + input.pageSize);
    const hits: LearningHit[] = page.map((c) => ({ ...c.issue, property: toStoredProperty(c.record) }));
    return Promise.resolve({ hits, nextPageToken: start + input.pageSize < cards.length ? String(start + input.pageSize) : null });
  }
  validate(): Promise<string[]> {
    return Promise.resolve([]);
  }
  approximateCount(): Promise<number> {
    return Promise.resolve(0);
  }
}

export class InMemoryNotes implements RetroNotesPort {
  store = new Map<string, RetroNote>();
  calls = { list: 0, put: 0 };
  private prefix = (s: RetroNotesScope) => `${s.projectId}/${s.boardId}/${s.sprintId}/`;
  list(scope: RetroNotesScope, _reader = ''): Promise<Record<string, RetroNote>> {
    this.calls.list++;
    const out: Record<string, RetroNote> = {};
    for (const [key, note] of this.store) if (key.startsWith(this.prefix(scope))) out[key.slice(this.prefix(scope).length)] = note;
    return Promise.resolve(out);
  }
  get(scope: RetroNotesScope, issueId: string, entryId: string): Promise<RetroNote | null> {
    return Promise.resolve(this.store.get(`${this.prefix(scope)}${issueId}:${entryId}`) ?? null);
  }
  put(scope: RetroNotesScope, issueId: string, entryId: string, note: RetroNote | null, _writer = ''): Promise<void> {
    this.calls.put++;
    const key = `${this.prefix(scope)}${issueId}:${entryId}`;
    if (note) this.store.set(key, note);
    else this.store.delete(key);
    return Promise.resolve();
  }
}

export function deps() {
  const sprints = new InMemorySprints();
  const search = new InMemorySearch();
  const notes = new InMemoryNotes();
  const people = {
    calls: 0,
    displayNames(ids: readonly string[]): Promise<Record<string, string>> {
      this.calls++;
      return Promise.resolve(Object.fromEntries(ids.map((id) => [id, `Name of ${id}`])));
    },
  };
  const all: RetroDeps & {
    sprints: InMemorySprints;
    search: InMemorySearch;
    notes: InMemoryNotes;
    people: typeof people;
    recentWrites: InMemoryRecentWrites;
    site: FixedSiteFacts;
    issueLearnings: { canEdit: boolean; mayEdit(): Promise<boolean> };
  } = {
    sprints,
    search,
    notes,
    people,
    permissions: new InMemoryBrowsePermissions(),
    recentWrites: new InMemoryRecentWrites(),
    memory: new InMemoryRetroMemory(),
    site: new FixedSiteFacts(),
    issueLearnings: {
      canEdit: true,
      mayEdit() {
        return Promise.resolve(this.canEdit);
      },
    },
    now: () => new Date('2026-11-16T09:00:00.000Z'),
  };
  return all;
}

export const project = { id: '10001', key: 'FLEX' };
export const flex = FLEX_112_CARD();
export const quiet = aCard(
  'FLEX-113',
  aDraft().withHypothesis('Shorter copy converts.').withLearning('It did.').withOutcome('invalidated').build(),
  { sprintId: 23 },
);
export const before = aCard('FLEX-90', aDraft().withHypothesis('Old idea.').withSurprise('Old surprise.').build(), { sprintId: 22 });

import { FixedSiteFacts, InMemoryBrowsePermissions, InMemoryRecentWrites, InMemoryRetroMemory } from '../support/in-memory-ports';
import { exportRetro } from '../../src/app/retro/export-retro';
import { saveRetroNote } from '../../src/app/retro/save-retro-note';
import { openRetro, type RetroDeps } from '../../src/app/retro/open-retro';
import { AppError } from '../../src/contract/errors';
import type { LearningCard } from '../../src/domain/search/learning-cards';
import { toStoredProperty } from '../../src/domain/record/learning-record';
import type { RetroNote } from '../../src/domain/retro/retro-notes';
import type { Board, Sprint } from '../../src/domain/retro/sprint-choice';
import type { IssueSearchPort, LearningHit, SearchPage, SearchRequest } from '../../src/ports/search/issue-search.port';
import type { RetroNotesPort, RetroNotesScope } from '../../src/ports/retro/retro-notes.port';
import type { SprintsPort } from '../../src/ports/retro/sprints.port';
import { aDraft } from '../support/learning-mother';
import { aCard, FLEX_112_CARD } from '../support/retro-mother';

const sprint = (id: number, state: Sprint['state'], start: string, end: string): Sprint => ({
  id,
  name: `FLEX Sprint ${id}`,
  state,
  startDate: start,
  endDate: end,
  completeDate: state === 'closed' ? end : null,
  goal: '',
});

class InMemorySprints implements SprintsPort {
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
  async boardsOf() {
    this.calls.boardsOf++;
    return this.boards;
  }
  async sprintsOf(boardId: number) {
    this.calls.sprintsOf++;
    return boardId === 1 ? this.sprints : [];
  }
  async sprint(id: number) {
    this.calls.sprint++;
    const s = [...this.sprints, ...this.unlisted].find((x) => x.id === id);
    if (!s) throw new AppError('NOT_FOUND', 'no');
    return { ...s, originBoardId: 1 };
  }
}

/** Answers `sprint = N …` with that sprint's cards, paged like Jira; anything else from `custom`. */
class InMemorySearch implements IssueSearchPort {
  jqls: string[] = [];
  bySprint = new Map<number, LearningCard[]>();
  custom: LearningCard[] = [];
  reconciled: Array<readonly string[] | undefined> = [];
  async search(input: SearchRequest): Promise<SearchPage> {
    this.jqls.push(input.jql);
    this.reconciled.push(input.reconcileIssueIds);
    const one = /id = (\d+) AND sprint = (\d+)/.exec(input.jql);
    const sprintId = /^sprint = (\d+) AND/.exec(input.jql)?.[1];
    const cards = one
      ? (this.bySprint.get(Number(one[2])) ?? []).filter((c) => c.issue.id === one[1] && c.record.learnings.some((e) => e.surprise))
      : sprintId
        ? (this.bySprint.get(Number(sprintId)) ?? [])
        : this.custom;
    const start = Number(input.pageToken ?? 0);
    const page = cards.slice(start, start + input.pageSize);
    const hits: LearningHit[] = page.map((c) => ({ ...c.issue, property: toStoredProperty(c.record) }));
    return { hits, nextPageToken: start + input.pageSize < cards.length ? String(start + input.pageSize) : null };
  }
  async validate() {
    return [];
  }
  async approximateCount() {
    return 0;
  }
}

class InMemoryNotes implements RetroNotesPort {
  store = new Map<string, RetroNote>();
  calls = { list: 0, put: 0 };
  private prefix = (s: RetroNotesScope) => `${s.projectId}/${s.boardId}/${s.sprintId}/`;
  async list(scope: RetroNotesScope, _reader = '') {
    this.calls.list++;
    const out: Record<string, RetroNote> = {};
    for (const [key, note] of this.store) if (key.startsWith(this.prefix(scope))) out[key.slice(this.prefix(scope).length)] = note;
    return out;
  }
  async get(scope: RetroNotesScope, issueId: string, entryId: string) {
    return this.store.get(`${this.prefix(scope)}${issueId}:${entryId}`) ?? null;
  }
  async put(scope: RetroNotesScope, issueId: string, entryId: string, note: RetroNote | null, _writer = '') {
    this.calls.put++;
    const key = `${this.prefix(scope)}${issueId}:${entryId}`;
    if (note) this.store.set(key, note);
    else this.store.delete(key);
  }
}

function deps() {
  const sprints = new InMemorySprints();
  const search = new InMemorySearch();
  const notes = new InMemoryNotes();
  const people = {
    calls: 0,
    async displayNames(ids: readonly string[]) {
      this.calls++;
      return Object.fromEntries(ids.map((id) => [id, `Name of ${id}`]));
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
      async mayEdit() {
        return this.canEdit;
      },
    },
    now: () => new Date('2026-11-16T09:00:00.000Z'),
  };
  return all;
}

const project = { id: '10001', key: 'FLEX' };
const flex = FLEX_112_CARD();
const quiet = aCard(
  'FLEX-113',
  aDraft().withHypothesis('Shorter copy converts.').withLearning('It did.').withOutcome('invalidated').build(),
  { sprintId: 23 },
);
const before = aCard('FLEX-90', aDraft().withHypothesis('Old idea.').withSurprise('Old surprise.').build(), { sprintId: 22 });

describe('opening the retro view', () => {
  it('opened again, reads no board, no sprint list and not the previous sprint: they are remembered', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    d.search.bySprint.set(22, [before]);
    const first = await openRetro(d, { project, accountId: 'acc-alice' });
    const calls = { ...d.sprints.calls };
    const searches = d.search.jqls.length;
    const again = await openRetro(d, { project, accountId: 'acc-alice' });
    expect(d.sprints.calls).toEqual(calls);
    expect(d.search.jqls.slice(searches)).toEqual([first.query!.sent[0]]);
    expect(again.figures).toEqual(first.figures);
    expect(again.figures?.previous?.issues).toBe(1);
    expect(again.sprint?.id).toBe(23);
  });

  it('opens on the active sprint with its learnings, figures against the previous sprint, and costs few calls', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    d.search.bySprint.set(22, [before]);
    const view = await openRetro(d, { project, accountId: 'acc-alice' });
    expect(view.sprint?.id).toBe(23);
    expect(view.previousSprint?.id).toBe(22);
    expect(view.sprints.map((s) => s.id)).toEqual([23, 22, 21, 24]);
    expect(view.cards.map((c) => c.issue.key)).toEqual(['FLEX-112', 'FLEX-113']);
    expect(view.query).toMatchObject({
      surprisesJql: 'sprint = 23 AND learningSurprise = "true"',
      everythingJql: 'sprint = 23',
      customJql: null,
    });
    expect(view.figures?.current).toMatchObject({ issues: 2, withHypothesis: 2, learnings: 4, surprises: 2 });
    expect(view.figures?.previous).toMatchObject({ issues: 1, surprises: 1 });
    expect(view.names['acc-alice']).toBe('Name of acc-alice');
    // boards 1, sprints 1, one search per sprint, notes 1, names 1.
    expect(d.sprints.calls).toEqual({ boardsOf: 1, sprintsOf: 1, sprint: 0 });
    expect(d.search.jqls).toEqual([
      'sprint = 23 AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC',
      'sprint = 22 AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC',
    ]);
    expect([d.notes.calls.list, d.people.calls]).toEqual([1, 1]);
  });

  it("reconciles the person's recent writes in every search of the view", async () => {
    const d = deps();
    await d.recentWrites.remember('acc-alice', flex.issue.id);
    await openRetro(d, { project, accountId: 'acc-alice' });
    expect(d.search.reconciled.length).toBeGreaterThan(0);
    expect(d.search.reconciled.every((ids) => ids?.includes(flex.issue.id))).toBe(true);
  });

  it('opens on the most recently closed sprint when none is active', async () => {
    const d = deps();
    d.sprints.sprints = d.sprints.sprints.filter((s) => s.state !== 'active');
    const view = await openRetro(d, { project, accountId: 'a' });
    expect(view.sprint?.id).toBe(22);
    expect(view.previousSprint?.id).toBe(21);
  });

  it('pages a large sprint 100 issues at a time, and stops at the cap', async () => {
    const d = deps();
    d.search.bySprint.set(
      23,
      Array.from({ length: 250 }, (_, i) => aCard(`FLEX-${i + 1}`)),
    );
    const view = await openRetro(d, { project, accountId: 'a' });
    expect(view.cards).toHaveLength(250);
    expect(d.search.jqls.filter((j) => j.startsWith('sprint = 23'))).toHaveLength(3);
    expect(view.truncated).toBe(false);
    d.search.bySprint.set(
      23,
      Array.from({ length: 600 }, (_, i) => aCard(`FLEX-${i + 1}`)),
    );
    expect((await openRetro(d, { project, accountId: 'a' })).truncated).toBe(true);
  });

  it('shows empty states: no board, no sprint', async () => {
    const d = deps();
    d.sprints.boards = [{ id: 5, name: 'Kanban', type: 'kanban' }];
    expect(await openRetro(d, { project, accountId: 'a' })).toMatchObject({ board: null, sprint: null, cards: [], figures: null });
    const e = deps();
    e.sprints.sprints = [sprint(24, 'future', '2026-11-23', '2026-12-07')];
    const view = await openRetro(e, { project, accountId: 'a' });
    expect(view).toMatchObject({ board: { id: 1 }, sprint: null });
    expect(view.sprints.map((s) => s.id)).toEqual([24]);
    expect(e.search.jqls).toEqual([]);
  });

  it("opens a closed sprint too old to be listed when it is asked for by id, and only when it is the board's", async () => {
    const d = deps();
    d.sprints.unlisted = [sprint(3, 'closed', '2024-01-01', '2024-01-14')];
    const view = await openRetro(d, { project, accountId: 'a', sprintId: 3 });
    expect(view.sprint?.id).toBe(3);
    expect(d.sprints.calls.sprint).toBe(1);
    d.sprints.sprint = async (id: number) => ({ ...sprint(id, 'closed', '2024-01-01', '2024-01-14'), originBoardId: 77 });
    await expect(openRetro(d, { project, accountId: 'a', sprintId: 3 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("refuses a board or sprint that is not the project's", async () => {
    await expect(openRetro(deps(), { project, accountId: 'a', boardId: 99 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openRetro(deps(), { project, accountId: 'a', sprintId: 99 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("runs a person's JQL as one more search, and treats the view's own JQL as no change", async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    d.search.custom = [quiet];
    const view = await openRetro(d, { project, accountId: 'a', jql: 'labels = pricing' });
    expect(view.cards.map((c) => c.issue.key)).toEqual(['FLEX-113']);
    expect(view.query?.customJql).toBe('labels = pricing');
    expect(view.query?.sent).toHaveLength(3);
    const own = await openRetro(deps(), { project, accountId: 'a', jql: 'sprint = 23  AND learningSurprise = "true"' });
    expect(own.query?.customJql).toBeNull();
    await expect(openRetro(d, { project, accountId: 'a', jql: 'labels = = x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('returns notes only for surprises the person can see', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex]);
    const note = { discussed: true, note: 'n', updatedAt: 't', updatedBy: 'a' };
    await d.notes.put({ projectId: '10001', boardId: 1, sprintId: 23 }, flex.issue.id, flex.record.learnings[0]!.id, note);
    await d.notes.put({ projectId: '10001', boardId: 1, sprintId: 23 }, '99999', 'hidden', note);
    const view = await openRetro(d, { project, accountId: 'a' });
    expect(Object.keys(view.notes)).toEqual([`${flex.issue.id}:${flex.record.learnings[0]!.id}`]);
  });
});

describe('keeping a note for a surprise', () => {
  const surpriseOf = (card: typeof flex) => card.record.learnings.find((e) => e.surprise)!.id;
  const base = () => ({ project, accountId: 'acc-alice', boardId: 1, sprintId: 23, issueId: flex.issue.id, entryId: surpriseOf(flex) });
  const withSprint = () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    return d;
  };

  it('writes once, normalised, and deletes when there is nothing to keep', async () => {
    const d = withSprint();
    const saved = await saveRetroNote(d, { ...base(), discussed: true, note: '  Label first.\r\n ' });
    expect(saved).toEqual({
      key: `${flex.issue.id}:${surpriseOf(flex)}`,
      note: { discussed: true, note: 'Label first.', updatedAt: '2026-11-16T09:00:00.000Z', updatedBy: 'acc-alice' },
    });
    expect(d.notes.calls.put).toBe(1);
  });

  it("keeps a note's earlier text when it is changed or cleared", async () => {
    const d = withSprint();
    await saveRetroNote(d, { ...base(), discussed: true, note: 'Label first.' });
    const changed = await saveRetroNote(d, { ...base(), accountId: 'acc-bob', discussed: true, note: 'Price first.' });
    expect(changed.note).toMatchObject({ note: 'Price first.', earlier: [{ note: 'Label first.', updatedBy: 'acc-alice' }] });
    const cleared = await saveRetroNote(d, { ...base(), discussed: false, note: '' });
    expect(cleared.note?.earlier?.map((e) => e.note)).toEqual(['Price first.', 'Label first.']);
  });

  it('refuses a note on anything that is not a surprise of that sprint on that board, writing nothing', async () => {
    const d = withSprint();
    const notSurprise = quiet.record.learnings[0]!.id;
    for (const wrong of [
      { issueId: '99999' },
      { issueId: quiet.issue.id, entryId: notSurprise },
      { entryId: 'made-up' },
      { sprintId: 22 },
      { boardId: 77 },
    ]) {
      await expect(saveRetroNote(d, { ...base(), ...wrong, discussed: true, note: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(d.notes.calls.put).toBe(0);
  });

  it('refuses someone who may not edit the issue (a browse-only reader cannot change or delete a note)', async () => {
    const d = withSprint();
    d.issueLearnings.canEdit = false;
    await expect(saveRetroNote(d, { ...base(), discussed: false, note: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(d.notes.calls.put).toBe(0);
  });

  it('refuses a note over the limit and ids that are not ids', async () => {
    await expect(saveRetroNote(withSprint(), { ...base(), discussed: false, note: 'x'.repeat(501) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(saveRetroNote(withSprint(), { ...base(), issueId: 'FLEX-1', discussed: false, note: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(saveRetroNote(withSprint(), { ...base(), entryId: 'a:b', discussed: false, note: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('exporting the sprint', () => {
  it('exports the surprises with notes as ADF and Markdown, reading what the view reads', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    await saveRetroNote(d, {
      project,
      accountId: 'a',
      boardId: 1,
      sprintId: 23,
      issueId: flex.issue.id,
      entryId: flex.record.learnings.find((e) => e.surprise)!.id,
      discussed: true,
      note: 'Spain first.',
    });
    d.site = new FixedSiteFacts('https://acme.atlassian.net');
    const out = await exportRetro(d, { project, accountId: 'a', boardId: 1, sprintId: 23 });
    expect(out.surprises).toBe(2);
    // Issue links use the site URL from Jira's server info, not from the resolver context.
    expect(out.markdown).toContain('https://acme.atlassian.net/browse/FLEX-112');
    expect(out.markdown).toContain('> **Take-away:** Spain first.');
    expect(JSON.stringify(out.adf)).toContain('"type":"doc"');
  });
});

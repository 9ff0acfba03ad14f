/**
 * The retro view reloaded on a sprint (its board and sprint in the payload, from the page's URL): the sprint's
 * search and notes start beside the KVS reads, and Jira's read-after-write holds for someone who just saved.
 * A closed sprint's figures cut by the search cap are remembered with the cap's flag.
 */
import { openRetro } from '../../src/app/retro/open-retro';
import { EMPTY_RETRO_MEMORY, type RetroMemory } from '../../src/ports/retro/retro-memory.port';
import type { SearchPage, SearchRequest } from '../../src/ports/search/issue-search.port';
import { aCard } from '../support/retro-mother';
import { deps, flex, InMemorySearch, project, quiet, sprint } from './retro-support';

const named = { project, accountId: 'acc-alice', boardId: 1, sprintId: 23 };

/** Jira's index lags: `late` is found only when the search reconciles it. */
class LaggingSearch extends InMemorySearch {
  /** Each search's JQL and the issues it reconciled. */
  sent: Array<{ jql: string; reconciled: readonly string[] }> = [];
  constructor(private readonly late: string) {
    super();
  }
  override search(input: SearchRequest): Promise<SearchPage> {
    this.sent.push({ jql: input.jql, reconciled: input.reconcileIssueIds ?? [] });
    return super.search(input).then((page) => ({
      ...page,
      hits: page.hits.filter((h) => h.id !== this.late || (input.reconcileIssueIds ?? []).includes(this.late)),
    }));
  }
}

describe('the retro view opened on a named sprint', () => {
  it("starts the sprint's search and its notes before the memory and the recent writes have answered", async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    let answer: (memory: RetroMemory) => void = () => undefined;
    d.memory = { read: () => new Promise<RetroMemory>((resolve) => (answer = resolve)), remember: () => Promise.resolve() };
    const opening = openRetro(d, named);
    await new Promise((resolve) => setImmediate(resolve));
    expect(d.search.jqls).toEqual(['sprint = 23 AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC']);
    expect(d.notes.calls.list).toBe(1);
    answer(EMPTY_RETRO_MEMORY);
    const view = await opening;
    expect(view.sprint?.id).toBe(23);
    expect(view.cards.map((c) => c.issue.key)).toEqual(['FLEX-112', 'FLEX-113']);
    // Neither the search nor the notes were asked again once the sprint proved to be the board's.
    expect(d.search.jqls.filter((j) => j.startsWith('sprint = 23'))).toHaveLength(1);
    expect(d.notes.calls.list).toBe(1);
  });

  it('runs the search again with the recent writes reconciled for someone who just saved, and shows that answer', async () => {
    const d = deps();
    const search = new LaggingSearch(flex.issue.id);
    d.search = search;
    d.search.bySprint.set(23, [flex, quiet]);
    const calm = await openRetro(d, named);
    expect(calm.cards.map((c) => c.issue.key)).toEqual(['FLEX-113']);

    await d.recentWrites.remember('acc-alice', flex.issue.id);
    const before = search.sent.length;
    const view = await openRetro(d, named);
    expect(view.cards.map((c) => c.issue.key)).toEqual(['FLEX-112', 'FLEX-113']);
    // Started before the recent writes were known, then once more with them.
    expect(search.sent.slice(before).filter((s) => s.jql.startsWith('sprint = 23'))).toEqual([
      expect.objectContaining({ reconciled: [] }),
      expect.objectContaining({ reconciled: [flex.issue.id] }),
    ]);
  });

  it("asks for the cards' authors' names while the board's sprints are still being read (memory stale): not after", async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    let answerSprints: () => void = () => undefined;
    const listed = d.sprints.sprints;
    d.sprints.sprintsOf = () =>
      new Promise((resolve) => {
        answerSprints = () => {
          resolve(listed);
        };
      });
    const opening = openRetro(d, named);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The sprint list has not answered, and the names of the named sprint's authors are already asked for.
    expect(d.people.calls).toBe(1);
    answerSprints();
    const view = await opening;
    expect(view.sprint?.id).toBe(23);
    expect(Object.keys(view.names).length).toBeGreaterThan(0);
    // No second lookup for the same cards once the sprint proved to be the board's.
    expect(d.people.calls).toBe(1);
  });

  it('a typed query names its own cards, not those of the sprint searched early', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    d.search.custom = [quiet];
    const view = await openRetro(d, { ...named, jql: 'labels = pricing' });
    expect(view.query?.customJql).toBe('labels = pricing');
    expect(view.cards.map((c) => c.issue.key)).toEqual([quiet.issue.key]);
    // One lookup: the typed query's cards; none for the sprint's, which are only counted.
    expect(d.people.calls).toBe(1);
  });

  it('lists the notes again for the board and sprint shown when the payload named no board', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex]);
    const note = { discussed: true, note: 'n', updatedAt: 't', updatedBy: 'a' };
    await d.notes.put({ projectId: project.id, boardId: 1, sprintId: 23 }, flex.issue.id, flex.record.learnings[0]!.id, note);
    const view = await openRetro(d, { project, accountId: 'acc-alice', sprintId: 23 });
    expect(Object.keys(view.notes)).toEqual([`${flex.issue.id}:${flex.record.learnings[0]!.id}`]);
    expect(d.notes.calls.list).toBe(1);
  });
});

describe('the retro view opened on the active sprint its URL last saw', () => {
  const lastSeen = { project, accountId: 'acc-alice', boardId: 1, activeSprintId: 23 };

  it("starts that sprint's search at once and shows it while it is still active", async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex]);
    const view = await openRetro(d, lastSeen);
    expect(view.sprint?.id).toBe(23);
    expect(d.search.jqls.filter((j) => j.startsWith('sprint = 23'))).toHaveLength(1);
    expect(d.notes.calls.list).toBe(1);
  });

  it("shows the board's active sprint once that one has closed, not the old one", async () => {
    const d = deps();
    d.sprints.sprints = [
      sprint(22, 'closed', '2026-11-02', '2026-11-09'),
      sprint(23, 'closed', '2026-11-09', '2026-11-23'),
      sprint(24, 'active', '2026-11-23', '2026-12-07'),
    ];
    d.search.bySprint.set(23, [quiet]);
    d.search.bySprint.set(24, [flex]);
    const view = await openRetro(d, lastSeen);
    expect(view.sprint?.id).toBe(24);
    expect(view.previousSprint?.id).toBe(23);
    expect(view.cards.map((c) => c.issue.key)).toEqual(['FLEX-112']);
    // The notes asked for early were of sprint 23: those of sprint 24 are read for the view.
    expect(d.notes.calls.list).toBe(2);
  });

  it('a sprint named outright still wins over the last-seen active one', async () => {
    const d = deps();
    d.search.bySprint.set(22, [quiet]);
    const view = await openRetro(d, { ...lastSeen, sprintId: 22 });
    expect(view.sprint?.id).toBe(22);
  });
});

describe("a closed sprint's figures cut by the search cap", () => {
  it('are remembered with the flag: opened again, that sprint is not read and the view still says it is incomplete', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex]);
    d.search.bySprint.set(
      22,
      Array.from({ length: 506 }, (_, i) => aCard(`FLEX-${i + 300}`)),
    );
    const first = await openRetro(d, { project, accountId: 'a' });
    expect(first.truncated).toBe(true);
    expect(first.figures?.previous?.issues).toBe(500);
    const searches = d.search.jqls.length;
    const again = await openRetro(d, { project, accountId: 'a', boardId: 1, sprintId: 23 });
    expect(d.search.jqls.slice(searches).filter((j) => j.startsWith('sprint = 22'))).toEqual([]);
    expect(again.query?.sent).toEqual(['sprint = 23 AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC']);
    expect(again.figures?.previous?.issues).toBe(500);
    expect(again.truncated).toBe(true);
  });
});

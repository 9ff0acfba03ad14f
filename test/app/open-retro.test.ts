import { openRetro } from '../../src/app/retro/open-retro';
import { aCard } from '../support/retro-mother';
import { before, deps, flex, project, quiet, sprint } from './retro-support';

describe('opening the retro view', () => {
  it('with nothing named, asks for the boards before the memory has answered', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex]);
    let answer: () => void = () => undefined;
    const memory = d.memory;
    d.memory = {
      read: (accountId, projectKey) =>
        new Promise((resolve) => {
          answer = () => {
            resolve(memory.read(accountId, projectKey));
          };
        }),
      remember: (accountId, projectKey, learned) => memory.remember(accountId, projectKey, learned),
    };
    const opening = openRetro(d, { project, accountId: 'acc-alice' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(d.sprints.calls.boardsOf).toBe(1);
    answer();
    expect((await opening).board?.id).toBe(1);
    expect(d.sprints.calls.boardsOf).toBe(1);
  });

  it('opened again, reads no sprint list and not the previous sprint: they are remembered (the boards are asked beside the memory)', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    d.search.bySprint.set(22, [before]);
    const first = await openRetro(d, { project, accountId: 'acc-alice' });
    const calls = { ...d.sprints.calls };
    const searches = d.search.jqls.length;
    const again = await openRetro(d, { project, accountId: 'acc-alice' });
    // Nothing named: the boards leave with the memory's read (a first opening saves a round); their answer is not needed here.
    expect(d.sprints.calls).toEqual({ ...calls, boardsOf: calls.boardsOf + 1 });
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

  it("reads a large sprint's first page and ids together, then the rest by id at once, in the search's order, and stops at the cap", async () => {
    const d = deps();
    const large = Array.from({ length: 250 }, (_, i) => aCard(`FLEX-${i + 1}`));
    d.search.bySprint.set(23, large);
    const view = await openRetro(d, { project, accountId: 'a' });
    expect(view.cards.map((c) => c.issue.key)).toEqual(large.map((c) => c.issue.key));
    expect(view.figures?.current.issues).toBe(250);
    // One page of the sprint's search, one ids-only search, and the 150 others by id in two reads (Jira's 100 per bulk fetch).
    expect(d.search.jqls.filter((j) => j.startsWith('sprint = 23'))).toHaveLength(1);
    expect(d.search.idJqls.filter((j) => j.startsWith('sprint = 23'))).toHaveLength(1);
    expect(d.search.readsById.map((ids) => ids.length)).toEqual([100, 50]);
    expect(new Set(d.search.readsById.flat())).toEqual(new Set(large.slice(100).map((c) => c.issue.id)));
    expect(view.truncated).toBe(false);
    d.search.bySprint.set(
      23,
      Array.from({ length: 600 }, (_, i) => aCard(`FLEX-${i + 1}`)),
    );
    const capped = await openRetro(d, { project, accountId: 'a' });
    expect(capped.truncated).toBe(true);
    expect(capped.cards).toHaveLength(500);
    expect(capped.figures?.current.issues).toBe(500);
  });

  it('asks once more for issues Jira could not return by id, and calls the view incomplete when they still fail', async () => {
    const d = deps();
    const large = Array.from({ length: 250 }, (_, i) => aCard(`FLEX-${i + 1}`));
    d.search.bySprint.set(23, large);
    const [once, twice] = [large[150]!.issue.id, large[200]!.issue.id];
    d.search.failing.set(once, 1);
    const retried = await openRetro(d, { project, accountId: 'a' });
    expect(d.search.readsById.map((ids) => ids.length)).toEqual([100, 50, 1]);
    expect(retried.cards).toHaveLength(250);
    expect(retried.truncated).toBe(false);

    d.search.failing.set(twice, 2);
    const incomplete = await openRetro(d, { project, accountId: 'a' });
    expect(incomplete.cards.map((c) => c.issue.id)).not.toContain(twice);
    expect(incomplete.cards).toHaveLength(249);
    expect(incomplete.truncated).toBe(true);
  });

  it("never remembers a closed sprint's figures that an incomplete reading counted", async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex]);
    const previous = Array.from({ length: 150 }, (_, i) => aCard(`FLEX-${i + 300}`));
    d.search.bySprint.set(22, previous);
    d.search.failing.set(previous[120]!.issue.id, 2);
    const first = await openRetro(d, { project, accountId: 'a' });
    expect(first.figures?.previous?.issues).toBe(149);
    expect(first.truncated).toBe(true);
    const searches = d.search.jqls.length;
    const again = await openRetro(d, { project, accountId: 'a' });
    expect(d.search.jqls.slice(searches).filter((j) => j.startsWith('sprint = 22'))).toHaveLength(1);
    expect(again.figures?.previous?.issues).toBe(150);
  });

  it('reads a sprint that fits one page with that page alone: its ids are not read again', async () => {
    const d = deps();
    d.search.bySprint.set(23, [flex, quiet]);
    await openRetro(d, { project, accountId: 'a' });
    expect(d.search.readsById).toEqual([]);
  });

  it('names the authors the later pages bring in a second lookup, only for them', async () => {
    const d = deps();
    const cards = Array.from({ length: 150 }, (_, i) =>
      aCard(`FLEX-${i + 1}`, undefined, { accountId: i < 100 ? 'acc-early' : 'acc-late' }),
    );
    d.search.bySprint.set(23, cards);
    const asked: string[][] = [];
    d.people.displayNames = (ids) => {
      asked.push([...ids]);
      return Promise.resolve(Object.fromEntries(ids.map((id) => [id, `Name of ${id}`])));
    };
    const view = await openRetro(d, { project, accountId: 'a' });
    expect(asked).toEqual([['acc-early'], ['acc-late']]);
    expect(view.names).toEqual({ 'acc-early': 'Name of acc-early', 'acc-late': 'Name of acc-late' });
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
    d.sprints.sprint = (id: number) => Promise.resolve({ ...sprint(id, 'closed', '2024-01-01', '2024-01-14'), originBoardId: 77 });
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

/**
 * The retro view's first call carries every project's sprint the browser remembers (the page does not yet know
 * its project): the backend opens the one of the context's project, and the default when that one is gone.
 */
import { openRetroOrRemembered } from '../../src/app/retro/open-remembered';
import { deps, flex, project, quiet } from './retro-support';

const alice = { project, accountId: 'acc-alice' };

describe('the retro view opened on the sprint the browser remembers', () => {
  it("opens the context's project's remembered sprint, not another project's", async () => {
    const d = deps();
    d.search.bySprint.set(22, [flex]);
    d.search.bySprint.set(23, [quiet]);
    const view = await openRetroOrRemembered(d, {
      ...alice,
      remembered: { OPS: { boardId: 9, sprintId: 99 }, [project.key]: { boardId: 1, sprintId: 22 } },
    });
    expect(view.board?.id).toBe(1);
    expect(view.sprint?.id).toBe(22);
    expect(view.cards.map((c) => c.issue.key)).toEqual(['FLEX-112']);
  });

  it("opens the board's active sprint for a remembered active sprint that is still active, as the URL's form does", async () => {
    const d = deps();
    const view = await openRetroOrRemembered(d, { ...alice, remembered: { [project.key]: { boardId: 1, activeSprintId: 23 } } });
    expect(view.sprint?.id).toBe(23);
  });

  it('opens the default sprint when the remembered sprint or board is gone, in the same call', async () => {
    const d = deps();
    const goneSprint = await openRetroOrRemembered(d, { ...alice, remembered: { [project.key]: { boardId: 1, sprintId: 999 } } });
    expect(goneSprint.sprint?.id).toBe(23);
    // From the boards and sprints this opening read: none asked twice.
    expect(d.sprints.calls).toMatchObject({ boardsOf: 1, sprintsOf: 1 });
    const goneBoard = await openRetroOrRemembered(d, { ...alice, remembered: { [project.key]: { boardId: 77, sprintId: 22 } } });
    expect(goneBoard.board?.id).toBe(1);
    expect(goneBoard.sprint?.id).toBe(23);
  });

  it('opens what the payload names over what is remembered, and says when that is not there', async () => {
    const d = deps();
    const named = await openRetroOrRemembered(d, {
      ...alice,
      boardId: 1,
      sprintId: 21,
      remembered: { [project.key]: { boardId: 1, sprintId: 22 } },
    });
    expect(named.sprint?.id).toBe(21);
    await expect(
      openRetroOrRemembered(d, { ...alice, boardId: 1, sprintId: 999, remembered: { [project.key]: { boardId: 1, sprintId: 22 } } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('opens the default with nothing remembered for the project', async () => {
    const d = deps();
    const view = await openRetroOrRemembered(d, { ...alice, remembered: { OPS: { boardId: 1, sprintId: 22 } } });
    expect(view.sprint?.id).toBe(23);
  });
});

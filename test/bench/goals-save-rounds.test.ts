/**
 * How many sequential rounds of remote calls saving a sprint's learning goals waits on, KVS as slow as Jira
 * (rounds: the chain of calls each made after another answered, bench/lib/call-rounds.ts). The history is listed
 * beside the first reads, pruning goes beside the write, and the answer's tickets and names are read beside it too.
 */
import { sequentialRounds } from '../../bench/lib/call-rounds';
import { useLocalSite } from '../support/local-site';
import { projectPageContextFor } from '../support/invoke-contexts';
import { aSprintGoal } from '../support/valid-requests';

jest.setTimeout(60_000);

const ROUND_MS = 1000;
const site = useLocalSite();

describe('saving sprint goals', () => {
  it('waits on 4 rounds once there is a revision to keep (was 7)', async () => {
    const context = projectPageContextFor(site, 'FLEX');
    const sprintId = site.store.listSprints().find((s) => s.name === 'FLEX Sprint 24')!.id;
    const first = await site.invoke({
      functionKey: 'goals/save',
      as: 'alice',
      context,
      payload: { sprintId, base: { revision: 0, goals: [] }, goals: [aSprintGoal('g1')] },
    });
    if (!first.result.ok) throw new Error(JSON.stringify(first.result));
    const slow = site.faults.latency(ROUND_MS, { target: 'any' });
    try {
      const saved = await site.invoke({
        functionKey: 'goals/save',
        as: 'alice',
        context,
        payload: { sprintId, base: { revision: 1, goals: [aSprintGoal('g1')] }, goals: [aSprintGoal('g1'), aSprintGoal('g2')] },
      });
      if (!saved.result.ok) throw new Error(JSON.stringify(saved.result));
      expect(saved.result.value).toMatchObject({ document: { revision: 2 }, history: [{ revision: 1 }] });
      // The sprint, the goals, Manage sprints and the history's list; the people revision 1 names; revision 1 kept;
      // the new revision written beside the pruning's listing and the answer's ticket search and names.
      expect(sequentialRounds(saved.calls)).toBe(4);
    } finally {
      site.faults.remove(slow.id);
    }
  });
});

/**
 * The retro view's sequential rounds of remote calls when its sprints span several of Jira's
 * pages (issue #14): the active sprint with 250 learnings, the previous one with 150. Every
 * call answers after ROUND_MS; rounds are the chain of calls each made after another answered
 * (bench/lib/call-rounds.ts). A bench figure kept as a budget (no wall-clock time asserted).
 */
import { startAppSite, type AppSite } from '../support/app-site';
import { projectPageContextFor } from '../support/invoke-contexts';
import { jiraCalls } from '../support/local-site';
import { sequentialRounds } from '../../bench/lib/call-rounds';
import { seedRetroSprints } from './retro-sprints-seed';

jest.setTimeout(120_000);

/**
 * Long against local work (the stand-in's search over ≈800 issues runs in this process): a call the stand-in's CPU
 * delayed past another call's answer would count after it, so the latency keeps every such delay far shorter.
 */
const ROUND_MS = 2000;
const CURRENT_LEARNINGS = 250;
const PREVIOUS_LEARNINGS = 150;

describe('retro view rounds with sprints of several pages', () => {
  let site: AppSite;
  let sizes: { current: number; previous: number };

  beforeAll(async () => {
    site = await startAppSite({ port: 0, demo: false });
    sizes = seedRetroSprints(site, 400, { current: CURRENT_LEARNINGS, previous: PREVIOUS_LEARNINGS });
  });

  afterAll(async () => {
    await site.close();
  });

  const open = async (target: 'any' | 'jira') => {
    const slow = site.faults.latency(ROUND_MS, { target });
    try {
      const opened = await site.invoke({
        functionKey: 'retro/open',
        payload: {},
        as: 'alice',
        context: projectPageContextFor(site, 'FLEX'),
      });
      if (!opened.result.ok) throw new Error('The retro view did not open.');
      const view = opened.result.value as { cards: unknown[]; figures: { current: { issues: number }; previous: { issues: number } } };
      // Only the slowed calls count: a KVS call answered at once is no round when only Jira is slow.
      const slowed = target === 'jira' ? jiraCalls(opened.calls) : opened.calls;
      return { view, rounds: sequentialRounds(slowed), calls: opened.calls };
    } finally {
      site.faults.remove(slow.id);
    }
  };

  it("the first opening reads every learning of both sprints, and waits on 5 rounds: memory and boards, sprints, both searches, the first page's names beside the rest by id, then the later pages' link checks and the memory (was 7)", async () => {
    expect(sizes).toEqual({ current: CURRENT_LEARNINGS, previous: PREVIOUS_LEARNINGS });
    const first = await open('any');
    expect(first.view.cards).toHaveLength(CURRENT_LEARNINGS);
    expect(first.view.figures.current.issues).toBe(CURRENT_LEARNINGS);
    expect(first.view.figures.previous.issues).toBe(PREVIOUS_LEARNINGS);
    expect(first.calls.filter((c) => c.endpoint === 'POST /rest/api/3/issue/bulkfetch')).toHaveLength(3);
    expect(first.rounds).toBe(5);
  });

  // The second round of Jira calls reads the later pages by id beside the first page's names and link checks; the later
  // pages' own authors and "This helped" links (the generated learnings have both) need a third.
  it('opened again, waits on 3 rounds of Jira calls (was 4) and 4 of remote calls, KVS as slow as Jira (was 5)', async () => {
    expect((await open('jira')).rounds).toBe(3);
    expect((await open('any')).rounds).toBe(4);
  });
});

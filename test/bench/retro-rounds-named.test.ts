/**
 * The retro view reloaded on its sprint (the board and sprint the page's URL keeps, issue #14), as at 10,000
 * learnings: the active sprint fits one page, the previous one has more learnings than a search reads (506
 * over the 500 cap). Every remote call, Jira's and KVS's, answers after ROUND_MS; rounds are the chain of calls each
 * made after another answered (bench/lib/call-rounds.ts). No wall-clock time asserted.
 */
import { startAppSite, type AppSite } from '../support/app-site';
import { projectPageContextFor } from '../support/invoke-contexts';
import { sequentialRounds } from '../../bench/lib/call-rounds';
import { seedRetroSprints } from './retro-sprints-seed';

jest.setTimeout(120_000);

const ROUND_MS = 2000;
const CURRENT_LEARNINGS = 40;
const PREVIOUS_LEARNINGS = 506;

interface Opened {
  board: { id: number } | null;
  sprint: { id: number; state: string } | null;
  cards: unknown[];
  truncated: boolean;
  figures: { current: { issues: number }; previous: { issues: number } | null };
}

describe('retro view reloaded on its sprint, the previous sprint over the search cap', () => {
  let site: AppSite;
  let sizes: { current: number; previous: number };

  beforeAll(async () => {
    site = await startAppSite({ port: 0, demo: false });
    sizes = seedRetroSprints(site, 700, { current: CURRENT_LEARNINGS, previous: PREVIOUS_LEARNINGS });
  });

  afterAll(async () => {
    await site.close();
  });

  const open = async (payload: { boardId?: number; sprintId?: number; activeSprintId?: number }) => {
    const slow = site.faults.latency(ROUND_MS, { target: 'any' });
    try {
      const opened = await site.invoke({ functionKey: 'retro/open', payload, as: 'alice', context: projectPageContextFor(site, 'FLEX') });
      if (!opened.result.ok) throw new Error('The retro view did not open.');
      return { view: opened.result.value as Opened, rounds: sequentialRounds(opened.calls), calls: opened.calls };
    } finally {
      site.faults.remove(slow.id);
    }
  };

  it('opened again on the sprint of the first answer, waits on 2 rounds counting KVS (was 3): the reads with the search, then names and link checks', async () => {
    expect(sizes).toEqual({ current: CURRENT_LEARNINGS, previous: PREVIOUS_LEARNINGS });
    const first = await open({});
    expect(first.view.figures.current.issues).toBe(CURRENT_LEARNINGS);
    expect(first.view.figures.previous?.issues).toBe(500);
    expect(first.view.truncated).toBe(true);

    const { board, sprint } = first.view;
    if (!board || !sprint) throw new Error('The first answer has a board and a sprint.');
    // As the view's URL names it: the active sprint, last seen.
    expect(sprint.state).toBe('active');
    const again = await open({ boardId: board.id, activeSprintId: sprint.id });
    expect(again.view.sprint?.id).toBe(sprint.id);
    expect(again.view.cards).toHaveLength(first.view.cards.length);
    // The previous sprint's figures come from memory, still said to be incomplete, and none of its pages is read again.
    expect(again.view.figures.previous?.issues).toBe(500);
    expect(again.view.truncated).toBe(true);
    expect(again.calls.filter((c) => c.endpoint === 'POST /rest/api/3/issue/bulkfetch')).toHaveLength(0);
    expect(again.rounds).toBe(2);
  });

  it('opened on its sprint once the remembered boards and sprints are stale (after 5 minutes), still waits on 2 rounds: the names beside the Agile API', async () => {
    const first = await open({});
    const { board, sprint } = first.view;
    if (!board || !sprint) throw new Error('The first answer has a board and a sprint.');
    // The person's retro memory, as stored: its lists made 6 minutes old, its closed sprints' figures (a day) kept.
    const [row] = site.store
      .kvsScan('plain', { prefix: 'retro-memory:', limit: 10, now: Date.now() })
      .filter((r) => r.key.endsWith(':FLEX'));
    if (!row) throw new Error('The first opening remembered the boards and sprints.');
    const stored = JSON.parse(row.valueText) as { boards: { at: number } | null; sprints: Record<string, { at: number }> };
    const aged = (at: number) => at - 6 * 60 * 1000;
    if (stored.boards) stored.boards.at = aged(stored.boards.at);
    for (const entry of Object.values(stored.sprints)) entry.at = aged(entry.at);
    site.store.kvsSet('plain', row.key, JSON.stringify(stored), Date.now(), null);

    const again = await open({ boardId: board.id, activeSprintId: sprint.id });
    expect(again.view.sprint?.id).toBe(sprint.id);
    // The lists were read again (the memory was stale), the previous sprint's pages were not.
    expect(again.calls.filter((c) => c.endpoint === 'GET /rest/agile/1.0/board')).toHaveLength(1);
    expect(again.calls.filter((c) => c.endpoint === 'POST /rest/api/3/issue/bulkfetch')).toHaveLength(0);
    expect(again.rounds).toBe(2);
  });
});

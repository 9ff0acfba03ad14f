/**
 * retro/open with the sprints the browser remembers (`remembered`, sent before the page knows its project): the real
 * handler against the local site, as in retro-resolvers.test.ts.
 */
import type { RetroView } from '../../src/contract/retro';
import { projectPageContextFor } from '../support/invoke-contexts';
import { useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });

const open = (as: string, key: string, payload: unknown) =>
  site.invoke({ functionKey: 'retro/open', as, context: projectPageContextFor(site, key), payload });

async function view(as: string, key: string, payload: unknown = {}): Promise<{ view: RetroView }> {
  const { result } = await open(as, key, payload);
  if (!result.ok) throw new Error(`retro/open failed: ${JSON.stringify(result)}`);
  return { view: result.value };
}

describe('retro/open with the sprints the browser remembers', () => {
  it("opens the sprint the browser remembers for the page's project, and the default for one carol may not see", async () => {
    const { view: flex } = await view('alice', 'FLEX');
    const boardId = flex.board!.id;
    const closed = flex.sprints.find((s) => s.state === 'closed')!.id;
    const growSprint = site.store.listSprints('GROW')[0]!.id;
    const remembered = { GROW: { boardId: 1, sprintId: growSprint }, FLEX: { boardId, sprintId: closed } };
    const { view: v } = await view('alice', 'FLEX', { remembered });
    expect(v.sprint?.id).toBe(closed);
    // GROW's sprint named for FLEX: not hers to see, so FLEX's default, in the same call and without an error.
    const { view: c } = await view('carol', 'FLEX', { remembered: { FLEX: { boardId, sprintId: growSprint } } });
    expect(c.sprint?.id).toBe(flex.sprint?.id);
    expect(c.cards.some((card) => card.issue.key.startsWith('GROW-'))).toBe(false);
  });

  it('refuses remembered sprints that are not ids under project keys, or of more than 20 projects', async () => {
    const refused = [
      { remembered: { flex: { boardId: 1, sprintId: 2 } } },
      { remembered: { FLEX: { sprintId: 2 } } },
      { remembered: { FLEX: { boardId: 1, sprintId: 'x' } } },
      { remembered: { FLEX: { boardId: 1, name: 'Sprint 1' } } },
      { remembered: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`P${i}`, { boardId: i + 1 }])) },
    ];
    for (const payload of refused)
      expect((await open('alice', 'FLEX', payload)).result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`P${i}`, { boardId: i + 1 }]));
    expect((await open('alice', 'FLEX', { remembered: twenty })).result).toMatchObject({ ok: true });
  });
});

/**
 * The retro memory in Forge KVS (the real adapter over the local site's KVS): a closed sprint's figures keep
 * the search cap's flag, and entries written before the flag existed read as complete.
 */
import { kvs } from '@forge/kvs';
import { KvsRetroMemory } from '../../src/forge/retro/kvs-retro-memory';
import { useLocalSite } from '../support/local-site';

useLocalSite();

const figures = (issues: number) => ({
  issues,
  withHypothesis: 1,
  learnings: issues,
  surprises: 2,
  outcomes: { open: issues - 1, validated: 1, invalidated: 0, inconclusive: 0 },
});

describe('retro memory', () => {
  it("keeps a closed sprint's figures with the cap's flag, and reads an entry without it as complete", async () => {
    const at = Date.now();
    // As stored before the flag existed (version 1): the key is named here, not taken from the app.
    await kvs.set('retro-memory:acc-old:FLEX', {
      v: 1,
      boards: null,
      sprints: {},
      figures: { '21': { at, value: figures(40) } },
    });
    const memory = new KvsRetroMemory(() => at);
    await memory.remember('acc-old', 'FLEX', {
      boards: null,
      sprints: {},
      closedFigures: { '22': { figures: figures(500), truncated: true } },
    });
    const read = await new KvsRetroMemory(() => at).read('acc-old', 'FLEX');
    expect(read.closedFigures).toEqual({
      '21': { figures: figures(40), truncated: false },
      '22': { figures: figures(500), truncated: true },
    });
  });
});

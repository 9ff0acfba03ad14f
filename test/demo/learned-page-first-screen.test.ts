/**
 * The demo's "what we learned" Confluence page opens on learnings, not on "Nothing learned yet" cards
 * (issue #15, item 22): its macro's first screen, read through the real macro resolver as each demo user
 * who may read Confluence's page, shows at least ten cards and every one of the first ten has a learning.
 */
import { demoConfluence } from '../../demo';
import { macroContextFor } from '../support/invoke-contexts';
import { useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });
const FIRST_SCREEN = 10;

function learnedPageConfig(): unknown {
  const page = demoConfluence().pages.find((p) => /what we learned/i.test(p.title));
  const macro = page?.blocks.find((b) => b.type === 'macro');
  if (macro?.type !== 'macro') throw new Error('The "what we learned" page has no macro.');
  return macro.config;
}

describe('the demo\'s "what we learned" page', () => {
  it.each(['alice', 'bob', 'carol', 'dan'])('opens on cards with learnings as %s', async (user) => {
    const { result } = await site.invoke({
      functionKey: 'macro/list',
      as: user,
      context: macroContextFor(site, learnedPageConfig()),
      payload: {},
    });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    const first = result.value.cards.slice(0, FIRST_SCREEN);
    expect(first).toHaveLength(FIRST_SCREEN);
    expect(first.filter((card) => card.record.learnings.length === 0).map((card) => card.issue.key)).toEqual([]);
  });
});

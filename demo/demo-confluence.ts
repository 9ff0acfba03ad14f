/**
 * The demo's Confluence: the "Product Learnings" space, with pages that embed
 * the app's "Learnings from Jira" macro (one with the retro preset) and its
 * "Learning insights" macro.
 */
import { paragraphsOf, type ConfluenceDataset, type PageBlock } from '../emulator';
import { DEMO_NOW, DEMO_USERS, demoSprintId } from './demo-data';

/** The macro the seeded pages embed: the app's "Learnings from Jira". */
export const SEED_MACRO_KEY = 'learnings-macro';

/** The app's "Learning insights" macro, on the last page. */
export const INSIGHTS_MACRO_KEY = 'learning-insights';

/**
 * The retro page of FLEX Sprint 23 pins that sprint by its id: `sprint in openSprints()` would
 * show Sprint 24's surprises on this page as soon as Sprint 24 starts.
 */
const RETRO_PAGE_MACRO_CONFIG = {
  title: 'Surprises of FLEX Sprint 23',
  jql: `sprint = ${demoSprintId('FLEX', 23)} AND learningSurprise = "true"`,
  groupBy: 'none',
};

const PAGES: Array<{ title: string; blocks: PageBlock[] }> = [
  {
    title: 'Pricing experiments — what we learned',
    blocks: [
      ...paragraphsOf(
        'Every pricing experiment we ran this half, with what it taught us. The list below is live: it comes from the Jira tickets, so it is current every time this page is viewed.\n\n' +
          'Start with the surprises: they are the learnings most likely to change what the next team tries.',
      ),
      {
        type: 'macro',
        localId: '4f6c1a52-2b0e-4d7a-9a51-7c3e2f1d0a11',
        moduleKey: SEED_MACRO_KEY,
        // Only tickets with learnings: the page is what we learned, and hypotheses still open would fill its first screen.
        config: { jql: 'learningTags = pricing AND learningCount > 0' },
      },
      ...paragraphsOf('Questions about an experiment? Ask in #pricing-guild, or open the ticket and read its hypothesis.'),
    ],
  },
  {
    title: 'Sprint retro — FLEX Sprint 23',
    blocks: [
      ...paragraphsOf('Retro of the Flex team, sprint 23. What went well, what did not, and what surprised us.\n\nSurprises this sprint:'),
      { type: 'macro', localId: '9b2d7e40-5c1f-4a8e-8f3b-2d6a1e9c4b22', moduleKey: SEED_MACRO_KEY, config: RETRO_PAGE_MACRO_CONFIG },
      ...paragraphsOf('Actions: label the refund option more clearly; rerun the Spain test with a larger sample.'),
    ],
  },
  {
    title: 'How we run experiments',
    blocks: paragraphsOf(
      'Write the hypothesis on the ticket before the work starts: "We believe … will … We\'ll know when …".\n\n' +
        'Add what you learned while you work and when you finish, and flag what surprised you. Link the evidence.',
    ),
  },
  // Last, so the pages above keep their ids.
  {
    title: 'Learning insights',
    blocks: [
      ...paragraphsOf(
        'Are our teams learning, and from whom? Hypothesis coverage, learning yield, surprises and reuse of each team, sprint by sprint. ' +
          'Each reader sees the figures of the Jira projects they may browse.',
      ),
      {
        type: 'macro',
        localId: 'c3a81f07-6d2e-4b95-a0c4-5e8d7f2b1a33',
        moduleKey: INSIGHTS_MACRO_KEY,
        config: { projects: ['FLEX', 'CHK', 'GROW', 'SRCH'], periods: 6 },
      },
    ],
  },
];

/** The space and its pages (ids 65601, 65602, 65603, 65604 in this order). */
export function demoConfluence(): ConfluenceDataset {
  const at = DEMO_NOW.toISOString();
  return {
    spaces: [
      {
        id: '98305',
        key: 'PL',
        name: 'Product Learnings',
        description: 'What our teams learned from their experiments, collected from Jira.',
      },
    ],
    pages: PAGES.map((page) => ({
      spaceKey: 'PL',
      title: page.title,
      blocks: page.blocks,
      authorAccountId: DEMO_USERS.alice.accountId,
      at,
    })),
  };
}

/**
 * The Confluence macro's card list in a DOM (jsdom): the cards drawn from the
 * backend's answer, the empty state, and "Load more" asking for the next page.
 * The bridge is the fake in support/fake-bridge.ts; expectations are written out by hand.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LearningsPage } from '../../src/contract/macro';
import type { LearningCard } from '../../src/domain/search/learning-cards';
import { App } from '../../static/learnings-macro/src/app';
import { answer, callsTo, resetBridge, setContext, unanswered } from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

const JQL = 'project = FLEX AND learningUpdated >= -90d';
const CONFIG = {
  title: 'What FLEX learned',
  jql: JQL,
  groupBy: 'none' as const,
  surprisesOnly: false,
  outcomes: [],
  sort: 'updated' as const,
  layout: 'cards' as const,
  show: { hypothesis: true, entries: true, evidence: true, tags: true, author: true, dates: true },
};

function aCard(key: string, summary: string, hypothesis: string, learnings: Array<[string, boolean]>): LearningCard {
  const at = '2025-03-01T10:00:00.000Z';
  return {
    issue: {
      id: `id-${key}`,
      key,
      summary,
      project: { key: 'FLEX', name: 'Flex' },
      status: 'Done',
      parent: null,
      sprints: [],
      created: at,
    },
    record: {
      schemaVersion: 1,
      hypothesis,
      learnings: learnings.map(([text, surprise], i) => ({
        id: `${key}-${i}`,
        text,
        surprise,
        authorAccountId: 'acc-ada',
        createdAt: at,
        updatedAt: at,
      })),
      outcome: 'validated',
      confidence: null,
      tags: ['pricing'],
      evidence: [],
      revision: 2,
      updatedAt: at,
      updatedBy: 'acc-ada',
    },
  };
}

const billing = aCard('FLEX-1', 'Annual billing', 'Annual plans sell better.', [['Buyers compare monthly totals', false]]);
const onboarding = aCard('FLEX-2', 'Onboarding checklist', 'A checklist shortens setup.', [['Nobody opened step 3', true]]);
const search = aCard('FLEX-3', 'Search filters', 'Filters cut support tickets.', [['Tickets moved to filter bugs', false]]);

function page(cards: LearningCard[], nextPageToken: string | null): { ok: true; value: LearningsPage } {
  return { ok: true, value: { cards, nextPageToken, jql: JQL, asOf: new Date().toISOString(), config: CONFIG } };
}

function macroWith(pages: Record<string, ReturnType<typeof page>>) {
  setContext({ siteUrl: 'https://acme.atlassian.net' });
  answer('macro/list', (payload) => pages[(payload as { pageToken?: string }).pageToken ?? 'first']);
  answer('people/lookup', () => ({ ok: true, value: { names: { 'acc-ada': 'Ada Lovelace' } } }));
  render(<App />);
}

const cardNames = () => screen.getAllByRole('article').map((card) => card.getAttribute('aria-label'));

beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

describe('learnings macro card list', () => {
  it('draws one card per issue of the answer, with its link, hypothesis, learnings and author', async () => {
    macroWith({ first: page([billing, onboarding], null) });
    expect(await screen.findByRole('heading', { name: 'What FLEX learned' })).toBeTruthy();
    expect(cardNames()).toEqual(['FLEX-1 Annual billing', 'FLEX-2 Onboarding checklist']);

    const first = screen.getByRole('article', { name: 'FLEX-1 Annual billing' });
    expect(within(first).getByRole('link', { name: 'FLEX-1 (opens in a new tab)' }).getAttribute('href')).toBe(
      'https://acme.atlassian.net/browse/FLEX-1',
    );
    expect(within(first).getByText('Annual plans sell better.')).toBeTruthy();
    expect(within(first).getByRole('list', { name: 'What FLEX-1 learned' }).textContent).toContain('Buyers compare monthly totals');
    await waitFor(() => {
      expect(within(first).getByText(/By Ada Lovelace/)).toBeTruthy();
    });
    expect(screen.getByText('2 issues with learnings.')).toBeTruthy();
    expect(callsTo('macro/list')).toEqual([{}]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows the empty state, with the query, when the answer has no cards', async () => {
    macroWith({ first: page([], null) });
    const empty = await screen.findByRole('region', { name: 'No learnings yet' });
    expect(within(empty).getByText('No learnings here yet')).toBeTruthy();
    expect(within(empty).getByText(JQL)).toBeTruthy();
    expect(screen.queryAllByRole('article')).toEqual([]);
    expect(screen.queryByRole('textbox', { name: 'Search these learnings' })).toBeNull();
  });

  it('asks for the next page with its token on "Load more" and adds its cards below', async () => {
    const user = userEvent.setup();
    macroWith({ first: page([billing, onboarding], 'page-2'), 'page-2': page([search], null) });
    expect(await screen.findByText('2 issues with learnings so far.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() => {
      expect(cardNames()).toEqual(['FLEX-1 Annual billing', 'FLEX-2 Onboarding checklist', 'FLEX-3 Search filters']);
    });
    expect(callsTo('macro/list')).toEqual([{}, { pageToken: 'page-2' }]);
    expect(screen.getByText('3 issues with learnings.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});

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
      schemaVersion: 2,
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
    // Everything is loaded: the total is exact, links to the navigator, and costs no count call.
    const totalLink = screen.getByRole('link', { name: '2 issues with learnings (opens in a new tab)' });
    expect(totalLink.getAttribute('href')).toBe(`https://acme.atlassian.net/issues/?jql=${encodeURIComponent(JQL)}`);
    expect(screen.getByRole('status').textContent).toBe('2 issues with learnings (opens in a new tab).');
    expect(callsTo('macro/list')).toEqual([{}]);
    expect(callsTo('macro/count')).toEqual([]);
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
    answer('macro/count', () => ({ ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira could not be reached for the count.' } }));
    macroWith({ first: page([billing, onboarding], 'page-2'), 'page-2': page([search], null) });
    // Without Jira's count, the line says only what is loaded.
    expect(await screen.findByText('2 issues with learnings so far.')).toBeTruthy();
    expect(screen.getByText('2 loaded')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() => {
      expect(cardNames()).toEqual(['FLEX-1 Annual billing', 'FLEX-2 Onboarding checklist', 'FLEX-3 Search filters']);
    });
    expect(callsTo('macro/list')).toEqual([{}, { pageToken: 'page-2' }]);
    expect(screen.getByRole('status').textContent).toBe('3 issues with learnings (opens in a new tab).');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows the true total beside "Load more", linking to the navigator, from one count asked after the first screen', async () => {
    const user = userEvent.setup();
    answer('macro/count', () => ({ ok: true, value: { count: 211 } }));
    macroWith({ first: page([billing, onboarding], 'page-2'), 'page-2': page([search], 'page-3') });
    const totalLink = await screen.findByRole('link', { name: 'about 211 issues with learnings (opens in a new tab)' });
    expect(totalLink.getAttribute('href')).toBe(`https://acme.atlassian.net/issues/?jql=${encodeURIComponent(JQL)}`);
    expect(screen.getByRole('status').textContent).toBe('about 211 issues with learnings (opens in a new tab) · 2 of about 211 loaded.');
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
    expect(screen.getByText('2 of about 211 loaded', { selector: 'span' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('3 of about 211 loaded', { selector: 'span' })).toBeTruthy();
    expect(callsTo('macro/count')).toEqual([{}]);
  });

  it('never shows a total below what is loaded while more is to come (Jira’s count lags its search)', async () => {
    answer('macro/count', () => ({ ok: true, value: { count: 1 } }));
    macroWith({ first: page([billing, onboarding], 'page-2') });
    expect(await screen.findByRole('link', { name: 'about 3 issues with learnings (opens in a new tab)' })).toBeTruthy();
  });
});

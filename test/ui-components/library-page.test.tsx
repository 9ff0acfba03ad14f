/**
 * The learning library's page in a DOM (jsdom): the first page for no filters, each control
 * sending its filter with `library/list`, the total and "Load more" with the same filters, the
 * empty state clearing the filters, and an error's "Try again". The bridge is the fake in
 * support/fake-bridge.ts; expectations are written out by hand.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LibraryPage } from '../../src/contract/library';
import { App } from '../../static/library/src/app';
import type { LearningCard } from '../../src/domain/search/learning-cards';
import { answer, callsTo, resetBridge, setContext, unanswered } from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

const NONE = { text: '', projects: [], tags: [], outcomes: [], surprisesOnly: false, period: 'any', author: '', sort: 'newest' };
const page = (cards: LibraryPage['cards'], nextPageToken: string | null, jql = 'learningOutcome IS NOT empty'): LibraryPage => ({
  cards,
  nextPageToken,
  jql,
  asOf: '2026-11-21T09:00:00.000Z',
});
function aCard(n: number): LearningCard {
  const at = '2026-11-01T10:00:00Z';
  return {
    issue: {
      id: String(10000 + n),
      key: `FLEX-${n}`,
      summary: `Summary ${n}`,
      project: { key: 'FLEX', name: 'Flex' },
      status: 'Done',
      parent: null,
      sprints: [],
      created: at,
    },
    record: {
      schemaVersion: 2,
      hypothesis: `Hypothesis ${n}`,
      learnings: [{ id: `e${n}`, text: `Learning ${n}`, surprise: false, authorAccountId: 'acc-ada', createdAt: at, updatedAt: at }],
      outcome: 'validated',
      confidence: null,
      tags: ['pricing'],
      evidence: [],
      revision: 1,
      updatedAt: at,
      updatedBy: 'acc-ada',
    },
  };
}
const cards = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => aCard(from + i));

beforeEach(() => {
  resetBridge();
  setContext({ siteUrl: 'https://example.atlassian.net', extension: { type: 'jira:globalPage' } });
  answer('library/projects', () => ({
    ok: true,
    value: {
      projects: [
        { key: 'CHK', name: 'Checkout' },
        { key: 'FLEX', name: 'Flex' },
      ],
    },
  }));
  answer('people/lookup', () => ({ ok: true, value: { names: {} } }));
  answer('library/count', () => ({ ok: true, value: { count: 3 } }));
});

afterEach(() => {
  expect(unanswered).toEqual([]);
});

const lastFilters = () => (callsTo('library/list').at(-1) as { filters: typeof NONE }).filters;

describe('the learning library page', () => {
  it('opens on a Library tab with every learning, the total and Load more with the same filters', async () => {
    answer('library/list', (payload) =>
      (payload as { pageToken?: string }).pageToken
        ? { ok: true, value: page(cards(3, 3), null) }
        : { ok: true, value: page(cards(1, 2), 'p2') },
    );
    render(<App />);
    expect(screen.getByRole('tab', { name: 'Library' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('article', { name: 'FLEX-1 Summary 1' })).toBeTruthy();
    expect(callsTo('library/list')[0]).toEqual({ filters: NONE });
    const total = await screen.findByRole('link', { name: /about 3 issues with learnings/ });
    expect(total.getAttribute('href')).toBe('https://example.atlassian.net/issues/?jql=learningOutcome%20IS%20NOT%20empty');
    expect(screen.getByRole('link', { name: /Open in issue navigator/ }).getAttribute('href')).toBe(
      'https://example.atlassian.net/issues/?jql=learningOutcome%20IS%20NOT%20empty',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('article', { name: 'FLEX-3 Summary 3' })).toBeTruthy();
    expect(callsTo('library/list')[1]).toEqual({ filters: NONE, pageToken: 'p2' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByRole('link', { name: /^3 issues with learnings/ })).toBeTruthy();
  });

  it('sends each filter the person sets, by keyboard and by click', async () => {
    answer('library/list', () => ({ ok: true, value: page(cards(1, 1), null) }));
    render(<App />);
    await screen.findByRole('article', { name: 'FLEX-1 Summary 1' });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search learnings and hypotheses' }), 'refund labels{Enter}');
    await waitFor(() => {
      expect(lastFilters()).toEqual({ ...NONE, text: 'refund labels' });
    });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Flex (FLEX)' }));
    await waitFor(() => {
      expect(lastFilters().projects).toEqual(['FLEX']);
    });
    await userEvent.click(within(screen.getByRole('group', { name: 'Outcome' })).getByRole('checkbox', { name: 'Invalidated' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Surprises only' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Updated' }), 'Last 90 days');
    await userEvent.type(screen.getByRole('combobox', { name: 'Tags' }), 'Pricing{Enter}');
    await waitFor(() => {
      expect(lastFilters()).toEqual({
        text: 'refund labels',
        projects: ['FLEX'],
        outcomes: ['invalidated'],
        surprisesOnly: true,
        period: '90d',
        tags: ['pricing'],
        author: '',
        sort: 'newest',
      });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Remove tag pricing' }));
    await waitFor(() => {
      expect(lastFilters().tags).toEqual([]);
    });
  });

  it('offers "Written by": you first, then the authors of the loaded cards by name, and keeps them when narrowed', async () => {
    setContext({ siteUrl: 'https://example.atlassian.net', accountId: 'acc-me', extension: { type: 'jira:globalPage' } });
    answer('people/lookup', () => ({ ok: true, value: { names: { 'acc-ada': 'Ada Lovelace' } } }));
    answer('library/list', (payload) =>
      (payload as { filters: typeof NONE }).filters.author === 'acc-me'
        ? { ok: true, value: page([], null) }
        : { ok: true, value: page(cards(1, 1), null) },
    );
    render(<App />);
    await screen.findByRole('article', { name: 'FLEX-1 Summary 1' });
    const writtenBy = screen.getByRole('combobox', { name: 'Written by' });
    await waitFor(() => {
      expect(
        within(writtenBy)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Anyone', 'You', 'Ada Lovelace']);
    });
    await userEvent.selectOptions(writtenBy, 'You');
    await waitFor(() => {
      expect(lastFilters()).toEqual({ ...NONE, author: 'acc-me' });
    });
    // Nothing of mine: Ada stays a choice, and picking her asks for her learnings.
    await screen.findByText(/No learnings match/);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Written by' }), 'Ada Lovelace');
    await waitFor(() => {
      expect(lastFilters()).toEqual({ ...NONE, author: 'acc-ada' });
    });
  });

  it('orders "Most reused first" on request, shows each card\'s reuse count, and explains an empty most-reused list', async () => {
    const reused = { ...aCard(7), issue: { ...aCard(7).issue, reuses: 3 } };
    answer('library/list', (payload) => {
      const { filters } = payload as { filters: typeof NONE };
      if (filters.sort !== 'reused') return { ok: true, value: page([aCard(1), reused], null) };
      return { ok: true, value: page(filters.projects.length ? [] : [reused], null) };
    });
    render(<App />);
    const card = await screen.findByRole('article', { name: 'FLEX-7 Summary 7' });
    expect(within(card).getByText('Helped 3 other tickets')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'FLEX-1 Summary 1' })).queryByText(/^Helped/)).toBeNull();
    const order = screen.getByRole('combobox', { name: 'Order' });
    expect(
      within(order)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Newest first', 'Most reused first']);
    await userEvent.selectOptions(order, 'Most reused first');
    await waitFor(() => {
      expect(lastFilters()).toEqual({ ...NONE, sort: 'reused' });
    });
    await waitFor(() => {
      expect(screen.queryByRole('article', { name: 'FLEX-1 Summary 1' })).toBeNull();
    });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Flex (FLEX)' }));
    expect(await screen.findByText('No learnings match')).toBeTruthy();
    expect(screen.getByText(/lists only learnings that helped another ticket/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => {
      expect(lastFilters()).toEqual(NONE);
    });
  });

  it('says when nothing matches, and "Clear filters" asks for everything again', async () => {
    answer('library/list', (payload) =>
      (payload as { filters: typeof NONE }).filters.text
        ? { ok: true, value: page([], null) }
        : { ok: true, value: page(cards(1, 1), null) },
    );
    render(<App />);
    await screen.findByRole('article', { name: 'FLEX-1 Summary 1' });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search learnings and hypotheses' }), 'nothing like this{Enter}');
    expect(await screen.findByText('No learnings match')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('article', { name: 'FLEX-1 Summary 1' })).toBeTruthy();
    expect(lastFilters()).toEqual(NONE);
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search learnings and hypotheses' }).value).toBe('');
  });

  it('shows an error with "Try again", which loads again', async () => {
    let failing = true;
    answer('library/list', () =>
      failing
        ? { ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer the search.' } }
        : { ok: true, value: page(cards(1, 1), null) },
    );
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('Jira did not answer the search.');
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'FLEX-1 Summary 1' })).toBeTruthy();
  });
});

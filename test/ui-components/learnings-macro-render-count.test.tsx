/**
 * "Load more" at scale: appending a page draws only that page's cards, in
 * every layout, grouped or not, and the names of the new page's authors
 * arriving afterwards do not redraw the cards already shown. Each card's issue
 * link is counted as it renders (one per card in every layout), so a list that
 * re-renders everything on each page (900 ms per page at 2,000 cards) fails
 * here without timing anything.
 */
import type { ReactNode } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LearningsPage } from '../../src/contract/macro';
import type { LearningCard } from '../../src/domain/search/learning-cards';
import { App } from '../../static/learnings-macro/src/app';
import type * as Parts from '../../static/shared/learnings/learning-parts';
import { answer, resetBridge, setContext, unanswered } from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

/** Issue keys in the order their cards rendered. */
const mockRendered: string[] = [];
jest.mock('../../static/shared/learnings/learning-parts', () => {
  const actual = jest.requireActual<typeof Parts>('../../static/shared/learnings/learning-parts');
  function CountedIssueLink(props: { issueKey: string; siteUrl: string | null; children?: ReactNode }) {
    mockRendered.push(props.issueKey);
    return <actual.IssueLink {...props} />;
  }
  return { ...actual, IssueLink: CountedIssueLink };
});

const NAMES: Record<string, string> = { 'acc-ada': 'Ada Lovelace', 'acc-bob': 'Bob Babbage' };

function aCard(n: number, author: string): LearningCard {
  const at = '2025-03-01T10:00:00.000Z';
  const key = `FLEX-${n}`;
  return {
    issue: {
      id: `id-${n}`,
      key,
      summary: `Experiment ${n}`,
      project: { key: 'FLEX', name: 'Flex' },
      status: 'Done',
      parent: null,
      sprints: [],
      created: at,
    },
    record: {
      schemaVersion: 1,
      hypothesis: `Hypothesis ${n}.`,
      learnings: [{ id: `${key}-0`, text: `Learning ${n}`, surprise: n % 2 === 0, authorAccountId: author, createdAt: at, updatedAt: at }],
      outcome: n % 3 === 0 ? 'invalidated' : 'validated',
      confidence: null,
      tags: ['pricing'],
      evidence: [{ id: `${key}-e`, url: `https://example.com/${key}`, title: `Dashboard ${n}` }],
      revision: 1,
      updatedAt: at,
      updatedBy: author,
    },
  };
}

const FIRST = [1, 2, 3, 4].map((n) => aCard(n, 'acc-ada'));
const NEXT = [5, 6].map((n) => aCard(n, 'acc-bob'));

function macro(layout: 'cards' | 'table' | 'compact', groupBy: 'none' | 'outcome') {
  const config = {
    title: 'All learnings',
    jql: 'project = FLEX',
    groupBy,
    surprisesOnly: false,
    outcomes: [],
    sort: 'updated' as const,
    layout,
    show: { hypothesis: true, entries: true, evidence: true, tags: true, author: true, dates: true },
  };
  const page = (cards: LearningCard[], nextPageToken: string | null): { ok: true; value: LearningsPage } => ({
    ok: true,
    value: { cards, nextPageToken, jql: config.jql, asOf: new Date().toISOString(), config },
  });
  setContext({ siteUrl: 'https://acme.atlassian.net' });
  answer('macro/list', (payload) =>
    (payload as { pageToken?: string }).pageToken === 'page-2' ? page(NEXT, null) : page(FIRST, 'page-2'),
  );
  answer('macro/count', () => ({ ok: true, value: { count: 6 } }));
  answer('people/lookup', (payload) => {
    const ids = (payload as { accountIds: string[] }).accountIds;
    return { ok: true, value: { names: Object.fromEntries(ids.map((id) => [id, NAMES[id] ?? 'Unknown'])) } };
  });
  render(<App />);
}

beforeEach(() => {
  resetBridge();
  mockRendered.length = 0;
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

describe.each([
  ['cards', 'none'],
  ['cards', 'outcome'],
  ['table', 'none'],
  ['table', 'outcome'],
  ['compact', 'none'],
  ['compact', 'outcome'],
] as const)('the macro in the %s layout, grouped by %s', (layout, groupBy) => {
  it('draws only the appended page’s cards on "Load more", and not the shown ones again when names arrive', async () => {
    const user = userEvent.setup();
    macro(layout, groupBy);
    await waitFor(() => {
      expect(screen.getAllByText(/Ada Lovelace/).length).toBeGreaterThan(0);
    });
    // Every card of the first page drew, and the first page's names reached them.
    expect(new Set(mockRendered)).toEqual(new Set(['FLEX-1', 'FLEX-2', 'FLEX-3', 'FLEX-4']));
    mockRendered.length = 0;

    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() => {
      expect(screen.getAllByText(/Bob Babbage/).length).toBeGreaterThan(0);
    });
    expect(screen.getByRole('link', { name: 'FLEX-6 (opens in a new tab)' })).toBeTruthy();

    // Drawn: the new page's two cards (again when their author's name arrived), never the four already shown.
    expect(new Set(mockRendered)).toEqual(new Set(['FLEX-5', 'FLEX-6']));
    expect(mockRendered.length).toBeLessThanOrEqual(4);
  });
});

/**
 * "Load more" at scale: appending a page draws only that page's cards, in
 * every layout, grouped or not, and the names of the new page's authors
 * arriving afterwards do not redraw the cards already shown. Each card's issue
 * link is counted as it renders (one per card in every layout), so a list that
 * re-renders everything on each page (900 ms per page at 2,000 cards) fails
 * here without timing anything.
 */
import type { ReactNode } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as Parts from '../../static/shared/learnings/learning-parts';
import { resetBridge, unanswered } from './support/fake-bridge';
import { aCard, macroOn } from './support/macro-fixture';

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

const FIRST = [1, 2, 3, 4].map((n) => aCard(n, 'acc-ada'));
const NEXT = [5, 6].map((n) => aCard(n, 'acc-bob'));

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
    macroOn(layout, groupBy, FIRST, NEXT);
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

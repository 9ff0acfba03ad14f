/**
 * The macro's first screen paints a dozen cards before the rest of its page: a
 * page of 100 cards is one long render, and nothing shows until it ends. The
 * browser's frames are held here, so what the first commit drew is observed
 * exactly, then the frame is let through and the whole page follows.
 */
import { screen, within } from '@testing-library/react';
import { resetBridge, unanswered } from './support/fake-bridge';
import { holdFrames } from './support/held-frames';
import { aCard, macroOn, type MacroLayout } from './support/macro-fixture';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

const PAGE = Array.from({ length: 30 }, (_, i) => aCard(i + 1));
const issueLinks = () => screen.queryAllByRole('link', { name: /^FLEX-\d+ \(opens in a new tab\)$/ });

let frames: ReturnType<typeof holdFrames>;
beforeEach(() => {
  resetBridge();
  frames = holdFrames();
});
afterEach(() => {
  jest.restoreAllMocks();
  expect(unanswered).toEqual([]);
});

describe.each(['cards', 'table', 'compact'] as const)('the macro in the %s layout', (layout: MacroLayout) => {
  it('draws the first 12 of 30 cards, then all 30 after the first frame', async () => {
    macroOn(layout, 'none', PAGE);
    await screen.findByRole('link', { name: 'FLEX-1 (opens in a new tab)' });
    expect(issueLinks().map((a) => a.textContent)).toEqual(PAGE.slice(0, 12).map((c) => `${c.issue.key} (opens in a new tab)`));
    // The true total is known from the start: the count line does not wait for the rest.
    expect(screen.getByText(/30 issues/)).toBeTruthy();

    await frames.release();
    expect(issueLinks()).toHaveLength(30);
  });
});

it('keeps every group heading’s full count while only the first cards are drawn', async () => {
  // Outcomes: every third card invalidated (10), the rest validated (20); validated first in the order.
  macroOn('cards', 'outcome', PAGE);
  await screen.findByRole('link', { name: 'FLEX-1 (opens in a new tab)' });
  expect(issueLinks()).toHaveLength(12);
  const validated = screen.getByRole('region', { name: /Validated/ });
  expect(within(validated).getByText('20')).toBeTruthy();

  await frames.release();
  expect(issueLinks()).toHaveLength(30);
  expect(within(screen.getByRole('region', { name: /Invalidated/ })).getByText('10')).toBeTruthy();
});

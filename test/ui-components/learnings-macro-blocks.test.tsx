/**
 * "Load more" at 2,000 cards stays the cost of one page: rows are drawn in
 * contained blocks of 60 (the browser skips blocks out of view), a block whose
 * rows did not change is not rendered again (not even to work out its rows'
 * people lines), the table is one ARIA table whatever draws it, and appending
 * a page inserts no style rule (an inserted rule makes the browser restyle the
 * whole document). Counted, never timed.
 */
import type { ReactNode } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as Parts from '../../static/shared/learnings/learning-parts';
import { resetBridge, unanswered } from './support/fake-bridge';
import { aCard, macroOn, type MacroLayout } from './support/macro-fixture';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

/** Issue keys whose row props were worked out (names, dates), in order. */
const mockPrepared: string[] = [];
jest.mock('../../static/shared/learnings/learning-parts', () => {
  const actual = jest.requireActual<typeof Parts>('../../static/shared/learnings/learning-parts');
  return {
    ...actual,
    rowProps: (...args: Parameters<typeof actual.rowProps>) => {
      mockPrepared.push(args[0].issue.key);
      return actual.rowProps(...args);
    },
    IssueLink: (props: { issueKey: string; siteUrl: string | null; children?: ReactNode }) => <actual.IssueLink {...props} />,
  };
});

// 70 on the first page (Ada's), 60 on the next (Bob's): blocks of 60, 10 → 60, 60, 10.
const FIRST = Array.from({ length: 70 }, (_, i) => aCard(i + 1, 'acc-ada'));
const NEXT = Array.from({ length: 60 }, (_, i) => aCard(i + 71, 'acc-bob'));
const blocks = () => [...document.querySelectorAll<HTMLElement>('.ll-block')];
const ROW = { cards: 'article', table: '[role="row"]', compact: '[role="listitem"]' } as const;

// 130 rows in jsdom, found by role: slower than the default 5 s allows on a busy machine.
jest.setTimeout(30_000);
const WAIT = { timeout: 10_000 };

beforeEach(() => {
  resetBridge();
  mockPrepared.length = 0;
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

async function shownWithNames(layout: MacroLayout) {
  macroOn(layout, 'none', FIRST, NEXT);
  await waitFor(() => {
    expect(screen.getAllByText(/Ada Lovelace/).length).toBeGreaterThan(0);
    expect(document.querySelectorAll(`.ll-block ${ROW[layout]}`)).toHaveLength(70);
  }, WAIT);
}

describe.each(['cards', 'table', 'compact'] as const)('the macro in the %s layout', (layout) => {
  it('draws rows in blocks of 60, and "Load more" leaves the full blocks alone: no re-render, no new style rule', async () => {
    const user = userEvent.setup();
    await shownWithNames(layout);
    expect(blocks().map((block) => block.querySelectorAll(ROW[layout]).length)).toEqual([60, 10]);
    const firstBlock = blocks()[0];
    const styles = document.querySelectorAll('style, link[rel="stylesheet"]').length;
    const inserted: string[] = [];
    const watch = new MutationObserver((records) => {
      for (const node of records.flatMap((r) => [...r.addedNodes])) if (node.nodeName === 'STYLE') inserted.push(node.textContent ?? '');
    });
    watch.observe(document, { childList: true, subtree: true });
    mockPrepared.length = 0;

    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() => {
      expect(screen.getAllByText(/Bob Babbage/).length).toBeGreaterThan(0);
    }, WAIT);
    watch.disconnect();

    expect(blocks().map((block) => block.querySelectorAll(ROW[layout]).length)).toEqual([60, 60, 10]);
    expect(blocks()[0]).toBe(firstBlock);
    // Only the blocks that gained rows worked out their rows again: none of the first block's 60.
    const prepared = new Set(mockPrepared);
    expect(FIRST.slice(0, 60).filter((card) => prepared.has(card.issue.key))).toEqual([]);
    expect(NEXT.every((card) => prepared.has(card.issue.key))).toBe(true);
    expect(inserted).toEqual([]);
    expect(document.querySelectorAll('style, link[rel="stylesheet"]').length).toBe(styles);
  });
});

it('the table is one ARIA table: its column headers once, then a row of cells per issue, the blocks row groups', async () => {
  await shownWithNames('table');
  const table = screen.getByRole('table');
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((header) => header.textContent);
  expect(headers).toEqual(['Issue', 'Outcome', 'Hypothesis', 'What we learned', 'Tags', 'Evidence', 'By', 'Updated']);
  const rows = within(table).getAllByRole('row');
  expect(rows).toHaveLength(1 + 70);
  const second = within(rows[2]!).getAllByRole('cell');
  expect(second).toHaveLength(headers.length);
  expect(second[0]!.textContent).toContain('FLEX-2');
  expect(second[2]!.textContent).toBe('Hypothesis 2.');
  expect(second[6]!.textContent).toBe('Ada Lovelace');
  // Header group first, then the blocks, each a row group of the same table.
  expect(within(table).getAllByRole('rowgroup')).toHaveLength(3);
});

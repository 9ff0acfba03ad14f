/**
 * The retro view when a person runs their own JQL (issue #15, item 7): the header, the sprint picker
 * and the figures describe what is shown, and the presenter (a sprint's surprises) is not offered for it.
 * The bridge is the fake in support/fake-bridge.ts; the answers and expectations are written out by hand.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RetroView } from '../../src/contract/retro';
import { App } from '../../static/retro/src/app';
import { answer, callsTo, resetBridge, unanswered } from './support/fake-bridge';
import { aCard, answerNoGoals, sprintViewOf } from './support/retro-view';
import type * as FakeBridge from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<typeof FakeBridge>('./support/fake-bridge'));

const figures = {
  issues: 1,
  withHypothesis: 1,
  learnings: 2,
  surprises: 1,
  outcomes: { open: 1, validated: 0, invalidated: 0, inconclusive: 0 },
};
const sprintView = sprintViewOf(
  [
    aCard('FLEX-1', 23, [
      ['Spain engaged more', true],
      ['Labels matter', false],
    ]),
  ],
  { current: figures, previous: null },
);
const CUSTOM = 'learningTags = pricing';
const customView: RetroView = {
  ...sprintView,
  query: { ...sprintView.query!, customJql: CUSTOM },
  cards: [aCard('FLEX-7', 20, [['Old surprise', true]]), aCard('FLEX-9', 19, [['Another', true]])],
};

beforeEach(() => {
  resetBridge();
  // The sprint's learning goals load beside the view (none here).
  answerNoGoals();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

describe('the retro view with custom JQL', () => {
  it('says "Custom query", drops the sprint figures and the presenter, and the picker names no sprint', async () => {
    answer('retro/open', (payload) => ({ ok: true, value: (payload as { jql?: string }).jql ? customView : sprintView }));
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Surprises this sprint' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'This sprint in figures' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Present (1)' })).toBeTruthy();

    const jql = screen.getByLabelText('JQL');
    await userEvent.clear(jql);
    await userEvent.type(jql, `${CUSTOM}{Enter}`);
    expect(await screen.findByRole('heading', { name: 'Custom query' })).toBeTruthy();
    expect(callsTo('retro/open').at(-1)).toEqual({ boardId: 1, sprintId: 23, jql: CUSTOM });

    expect(screen.queryByRole('region', { name: 'This sprint in figures' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Present/ })).toBeNull();
    const picker = screen.getByRole('combobox', { name: 'Sprint' });
    expect((picker as HTMLSelectElement).value).toBe('');
    expect(within(picker).getByRole('option', { selected: true }).textContent).toBe('Custom query');
    const show = screen.getByRole('group', { name: 'Show' });
    expect(
      within(show)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-pressed')),
    ).toEqual(['false', 'false']);
    expect(screen.getByText('Summary of FLEX-7')).toBeTruthy();
    expect(screen.getByText('Summary of FLEX-9')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Back to FLEX Sprint 23' }));
    expect(await screen.findByRole('heading', { name: 'Surprises this sprint' })).toBeTruthy();
    expect(callsTo('retro/open').at(-1)).toEqual({ boardId: 1, sprintId: 23 });
  });
});

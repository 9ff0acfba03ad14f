/**
 * The retro view when a person runs their own JQL (issue #15, item 7): the header, the sprint picker
 * and the figures describe what is shown, and the presenter (a sprint's surprises) is not offered for it.
 * The bridge is the fake in support/fake-bridge.ts; the answers and expectations are written out by hand.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RetroView } from '../../src/contract/retro';
import type { LearningCard } from '../../src/domain/search/learning-cards';
import { App } from '../../static/retro/src/app';
import { answer, callsTo, resetBridge, unanswered } from './support/fake-bridge';
import type * as FakeBridge from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<typeof FakeBridge>('./support/fake-bridge'));

const at = '2026-11-20T10:00:00.000Z';

function aCard(key: string, sprintId: number, learnings: Array<[string, boolean]>): LearningCard {
  return {
    issue: {
      id: key.replace(/\D/g, ''),
      key,
      summary: `Summary of ${key}`,
      project: { key: 'FLEX', name: 'Flex Refunds' },
      status: 'Done',
      parent: null,
      sprints: [{ id: sprintId, name: `FLEX Sprint ${sprintId}`, state: 'active' }],
      created: at,
    },
    record: {
      schemaVersion: 2,
      hypothesis: 'A clearer label lifts attach.',
      learnings: learnings.map(([text, surprise], i) => ({
        id: `e${i}`,
        text,
        surprise,
        authorAccountId: 'acc-ada',
        createdAt: at,
        updatedAt: at,
      })),
      outcome: 'open',
      confidence: null,
      tags: [],
      evidence: [],
      revision: 1,
      updatedAt: at,
      updatedBy: 'acc-ada',
    },
  };
}

const figures = {
  issues: 1,
  withHypothesis: 1,
  learnings: 2,
  surprises: 1,
  outcomes: { open: 1, validated: 0, invalidated: 0, inconclusive: 0 },
};
const sprint23 = { id: 23, name: 'FLEX Sprint 23', state: 'active' as const, startDate: at, endDate: at, completeDate: null, goal: '' };
const sprintView: RetroView = {
  project: { id: '10001', key: 'FLEX' },
  boards: [{ id: 1, name: 'FLEX board', type: 'scrum' }],
  board: { id: 1, name: 'FLEX board', type: 'scrum' },
  sprints: [sprint23],
  sprint: sprint23,
  previousSprint: null,
  query: { surprisesJql: 'sprint = 23 AND learningSurprise = "true"', everythingJql: 'sprint = 23', customJql: null, sent: [] },
  cards: [
    aCard('FLEX-1', 23, [
      ['Spain engaged more', true],
      ['Labels matter', false],
    ]),
  ],
  figures: { current: figures, previous: null },
  notes: {},
  names: { 'acc-ada': 'Ada Lovelace' },
  truncated: false,
  asOf: at,
  viewerAccountId: 'acc-ada',
};
const CUSTOM = 'learningTags = pricing';
const customView: RetroView = {
  ...sprintView,
  query: { ...sprintView.query!, customJql: CUSTOM },
  cards: [aCard('FLEX-7', 20, [['Old surprise', true]]), aCard('FLEX-9', 19, [['Another', true]])],
};

beforeEach(() => {
  resetBridge();
  // The sprint's learning goals load beside the view (none here).
  answer('goals/open', (payload) => ({
    ok: true,
    value: {
      sprintId: (payload as { sprintId: number }).sprintId,
      document: { schemaVersion: 1, revision: 0, updatedAt: null, updatedBy: null, goals: [] },
      canEdit: false,
      issues: {},
      names: {},
      history: [],
      projectKey: 'FLEX',
    },
  }));
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

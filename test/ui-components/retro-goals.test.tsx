/**
 * "What we hoped to learn" in jsdom: the empty state, read-only for people who do not manage
 * sprints, and a goal answered as partly without its sentence is stopped before any call.
 * The bridge is the fake in support/fake-bridge.ts; answers are written out by hand.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GoalsSection } from '../../static/retro/src/components/goals-section';
import { answer, callsTo, resetBridge, unanswered } from './support/fake-bridge';
import type * as FakeBridge from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<typeof FakeBridge>('./support/fake-bridge'));

const sprint = { id: 23, name: 'FLEX Sprint 23', state: 'active' as const, startDate: null, endDate: null, completeDate: null, goal: '' };
const goal = {
  id: 'g1',
  question: 'Does the label matter?',
  ownerAccountId: null,
  issueKeys: ['FLEX-1'],
  answer: 'open',
  answerNote: '',
  carriedFrom: null,
  carriedTo: null,
};
const viewOf = (canEdit: boolean, goals: unknown[]) => ({
  ok: true,
  value: {
    sprintId: 23,
    document: { schemaVersion: 1, revision: goals.length > 0 ? 1 : 0, updatedAt: null, updatedBy: null, goals },
    canEdit,
    issues: {
      'FLEX-1': { key: 'FLEX-1', summary: 'Label test', hypothesis: '', learnings: [{ id: 'e1', text: 'Labels win', surprise: true }] },
    },
    names: {},
    history: [],
    projectKey: 'FLEX',
  },
});

beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

describe('What we hoped to learn', () => {
  it('asks what the team hopes to learn when the sprint has no goals', async () => {
    answer('goals/open', () => viewOf(true, []));
    render(<GoalsSection sprint={sprint} sprints={[sprint]} viewerAccountId="me" />);
    expect(await screen.findByText('No learning goals for this sprint yet: what do you hope to learn?')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add a learning goal' })).toBeTruthy();
    expect(screen.queryByTestId('goals-answered')).toBeNull();
  });

  it('says how many of the sprint’s goals were answered', async () => {
    const answered = { ...goal, answer: 'answered' };
    const partly = { ...goal, id: 'g2', answer: 'partly', answerNote: 'Only in Spain.' };
    answer('goals/open', () => viewOf(false, [answered, partly, { ...goal, id: 'g3' }]));
    render(<GoalsSection sprint={sprint} sprints={[sprint]} viewerAccountId="me" />);
    expect((await screen.findByTestId('goals-answered')).textContent).toBe('1 of 3 goals answered · 1 partly');
  });

  it("shows a reader the goals, their tickets' learnings and who can edit, with no edit control", async () => {
    answer('goals/open', () => viewOf(false, [goal]));
    render(<GoalsSection sprint={sprint} sprints={[sprint]} viewerAccountId="me" />);
    expect(await screen.findByText('People who manage sprints in FLEX can edit these goals.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Learnings of FLEX-1' }).textContent).toContain('Labels win');
    expect(screen.queryByRole('button', { name: 'Add a learning goal' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit or answer/ })).toBeNull();
  });

  it('stops "partly answered" without what was learned instead, before any save', async () => {
    answer('goals/open', () => viewOf(true, [goal]));
    render(<GoalsSection sprint={sprint} sprints={[sprint]} viewerAccountId="me" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit or answer: Does the label matter?' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Partly answered' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Goal 1 is partly answered: say what you learned instead.');
    expect(callsTo('goals/save')).toEqual([]);
  });
});

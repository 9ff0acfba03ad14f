/**
 * "Learning goals" from the sprint's menu (static/sprint-goals) in jsdom: the goals of the sprint the
 * action's context names (no sprint id sent), a goal added and linked with the keyboard alone,
 * read-only for a reader, an error with Try again, and Close asking Forge to close the modal.
 * The bridge is the fake in support/fake-bridge.ts; answers are written out by hand.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../static/sprint-goals/src/app';
import { answer, callsTo, resetBridge, setContext, unanswered, viewClosed } from './support/fake-bridge';
import type * as FakeBridge from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<typeof FakeBridge>('./support/fake-bridge'));

const saved = {
  id: 'x1',
  question: 'Does the label matter more than the refund amount?',
  ownerAccountId: 'acc-alice',
  issueKeys: ['FLEX-112'],
  answer: 'open',
  answerNote: '',
  carriedFrom: null,
  carriedTo: null,
};
const viewOf = (canEdit: boolean, goals: unknown[]) => ({
  ok: true,
  value: {
    sprintId: 106,
    document: { schemaVersion: 1, revision: goals.length, updatedAt: null, updatedBy: null, goals },
    canEdit,
    issues: {
      'FLEX-112': {
        key: 'FLEX-112',
        summary: 'Flex labels',
        hypothesis: '',
        learnings: [{ id: 'e1', text: 'Labeling matters', surprise: true }],
      },
    },
    names: { 'acc-alice': 'Alice Admin' },
    history: [],
    projectKey: 'FLEX',
  },
});

beforeEach(() => {
  resetBridge();
  setContext({ accountId: 'acc-alice', extension: { type: 'jira:sprintAction', sprint: { id: '106', state: 'active' } } });
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

describe('Learning goals from the sprint menu', () => {
  it('adds a goal linked to FLEX-112, owned by me, with the keyboard alone; the payload names no sprint', async () => {
    answer('goals/open', () => viewOf(true, []));
    answer('goals/save', () => viewOf(true, [saved]));
    render(<App />);
    expect(await screen.findByText('No learning goals for this sprint yet: what do you hope to learn?')).toBeTruthy();
    expect(callsTo('goals/open')).toEqual([{}]);

    screen.getByRole('button', { name: 'Add a learning goal' }).focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('Does the label matter more than the refund amount?');
    await userEvent.tab();
    await userEvent.keyboard('flex-112');
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Enter}');

    expect(await screen.findByRole('list', { name: 'Learnings of FLEX-112' })).toBeTruthy();
    const [payload] = callsTo('goals/save') as Array<{ sprintId?: number; base: unknown; goals: Array<Record<string, unknown>> }>;
    expect(payload).toMatchObject({ base: { revision: 0, goals: [] } });
    expect(payload).not.toHaveProperty('sprintId');
    expect(payload?.goals).toMatchObject([
      {
        question: 'Does the label matter more than the refund amount?',
        issueKeys: ['FLEX-112'],
        ownerAccountId: 'acc-alice',
        answer: 'open',
      },
    ]);
  });

  it('shows a reader the goals without edit controls, and Close asks Forge to close the modal', async () => {
    answer('goals/open', () => viewOf(false, [saved]));
    render(<App />);
    expect(await screen.findByText('People who manage sprints in FLEX can edit these goals.')).toBeTruthy();
    expect(screen.getByText('Does the label matter more than the refund amount?')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a learning goal' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(viewClosed.count).toBe(1);
  });

  it("says what failed and reads again on Try again, and Escape outside a goal's form closes", async () => {
    let attempts = 0;
    answer('goals/open', () => {
      attempts += 1;
      return attempts === 1
        ? { ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer for this sprint.' } }
        : viewOf(true, []);
    });
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('Jira did not answer for this sprint.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Add a learning goal' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(viewClosed.count).toBe(1);
  });
});

/**
 * The panel of a ticket linked to a sprint learning goal says which goal it serves, asked after the
 * record painted (the record never waits for it); in the editor the line steps aside; a failed
 * lookup shows nothing rather than an error about a pointer.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, callsTo, resetBridge, unanswered } from './support/fake-bridge';
import { aRecord, panelOn } from './support/panel-fixture';

jest.mock('../../static/shared/bridge-client', (): unknown => jest.requireActual('./support/fake-bridge'));

const SERVED = {
  sprintId: 102,
  sprintName: 'FLEX Sprint 23',
  sprintState: 'active',
  question: 'Does the label matter more than the refund amount?',
  answer: 'partly',
};

beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

it('names the goal and its answer under the record, once, and hides it in the editor', async () => {
  const user = userEvent.setup();
  panelOn(aRecord({ hypothesis: 'Labels beat amounts.' }));
  answer('goals/forIssue', () => ({ ok: true, value: { goals: [SERVED] } }));
  const goals = await screen.findByRole('list', { name: 'Sprint learning goals this ticket serves' });
  expect(goals.textContent).toBe(
    'Serves a learning goal of FLEX Sprint 23: “Does the label matter more than the refund amount?” · partly answered',
  );
  expect(callsTo('goals/forIssue')).toHaveLength(1);

  await user.click(screen.getByRole('button', { name: /^Edit/ }));
  await waitFor(() => {
    expect(screen.queryByRole('list', { name: 'Sprint learning goals this ticket serves' })).toBeNull();
  });
});

it('shows no line when the lookup fails, and the record as usual', async () => {
  panelOn(aRecord({ hypothesis: 'Labels beat amounts.' }));
  answer('goals/forIssue', () => ({ ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer.' } }));
  expect(await screen.findByText('Labels beat amounts.')).toBeTruthy();
  await waitFor(() => {
    expect(callsTo('goals/forIssue')).toHaveLength(1);
  });
  expect(screen.queryByRole('list', { name: 'Sprint learning goals this ticket serves' })).toBeNull();
  expect(screen.queryByRole('alert')).toBeNull();
});

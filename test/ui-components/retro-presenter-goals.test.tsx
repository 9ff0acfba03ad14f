/**
 * Presenter mode walks the sprint's learning goals before its surprises, with the keyboard and
 * the buttons; when the goals cannot be read it says so and presents the surprises alone.
 */
import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { surprisesOf } from '../../src/domain/retro/retro-surprises';
import { Presenter } from '../../static/retro/src/components/presenter';
import { aCard } from './support/macro-fixture';
import { answer, resetBridge, unanswered } from './support/fake-bridge';
import type * as FakeBridge from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<typeof FakeBridge>('./support/fake-bridge'));

const goal = (id: string, question: string, over: Record<string, unknown> = {}) => ({
  id,
  question,
  ownerAccountId: 'acc-ada',
  issueKeys: ['FLEX-112'],
  answer: 'open',
  answerNote: '',
  carriedFrom: null,
  carriedTo: null,
  ...over,
});
const goalsView = {
  ok: true,
  value: {
    sprintId: 23,
    document: {
      schemaVersion: 1,
      revision: 1,
      updatedAt: null,
      updatedBy: null,
      goals: [
        goal('g1', 'Does the label matter more than the refund amount?', { answer: 'answered', answerNote: 'Yes, at every amount.' }),
        goal('g2', 'Will Spain book more?', { answer: 'partly', answerNote: 'Engagement grew; bookings too few to tell.' }),
      ],
    },
    canEdit: false,
    issues: {
      'FLEX-112': {
        key: 'FLEX-112',
        summary: 'Flex label',
        hypothesis: '',
        learnings: [{ id: 'e1', text: 'Labels win', surprise: false }],
      },
    },
    names: { 'acc-ada': 'Ada Lovelace' },
    history: [],
    projectKey: 'FLEX',
  },
};

// Cards with an even number carry one surprise each.
const SURPRISES = surprisesOf([aCard(2), aCard(4)]);

function PresenterOnSprint23() {
  const [index, setIndex] = useState(0);
  return (
    <Presenter
      sprintId={23}
      surprises={SURPRISES}
      index={index}
      onIndex={setIndex}
      notes={{}}
      names={{}}
      sprintName="FLEX Sprint 23"
      saving={null}
      saveError={null}
      onSave={() => Promise.resolve(true)}
      onExit={() => undefined}
    />
  );
}

const presentation = () => screen.getByRole('region', { name: /of \d+$/ });

beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

it('presents each goal (answer, owner, what was learned, tickets) and then the surprises', async () => {
  const user = userEvent.setup();
  answer('goals/open', () => goalsView);
  render(<PresenterOnSprint23 />);
  expect(await screen.findByTestId('presented-goal')).toBeTruthy();
  expect(presentation().getAttribute('aria-label')).toBe('Learning goal 1 of 2');
  expect(screen.getByTestId('presented-goal').textContent).toBe('Does the label matter more than the refund amount?');
  expect(screen.getByText(/Answered · owner: Ada Lovelace/)).toBeTruthy();
  expect(screen.getByText('What we learned:')).toBeTruthy();
  expect(screen.getByRole('list', { name: 'Learnings of FLEX-112' }).textContent).toContain('Labels win');

  await user.keyboard('{ArrowRight}');
  expect(presentation().getAttribute('aria-label')).toBe('Learning goal 2 of 2');
  expect(screen.getByText('What we learned instead:')).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Next →' }));
  expect(presentation().getAttribute('aria-label')).toBe('Surprise 1 of 2');
  expect(screen.getByTestId('presented-surprise').textContent).toContain('Learning 2');
  await user.keyboard('{End}');
  expect(presentation().getAttribute('aria-label')).toBe('Surprise 2 of 2');
  await user.keyboard('{Home}');
  expect(presentation().getAttribute('aria-label')).toBe('Learning goal 1 of 2');
});

it('says the goals could not be read and presents the surprises alone', async () => {
  answer('goals/open', () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No such sprint.' } }));
  render(<PresenterOnSprint23 />);
  expect(await screen.findByText('The sprint’s learning goals could not be read, so only its surprises are presented.')).toBeTruthy();
  expect(presentation().getAttribute('aria-label')).toBe('Surprise 1 of 2');
});

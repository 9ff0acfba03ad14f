import { goalsAnswered } from '../../src/domain/sprint-goals/goals-answered';
import { emptyGoalsDocument } from '../../src/domain/sprint-goals/goals-document';
import { aSprintGoal } from '../support/valid-requests';

describe('the share of a sprint’s learning goals answered', () => {
  it('counts each answer; 2 of 5 answered is 0.4', () => {
    const document = {
      ...emptyGoalsDocument(),
      goals: [
        aSprintGoal('a', { answer: 'answered' }),
        aSprintGoal('b', { answer: 'answered' }),
        aSprintGoal('c', { answer: 'partly', answerNote: 'Only in Spain.' }),
        aSprintGoal('d', { answer: 'not-answered', answerNote: 'Too few bookings.', carriedTo: { sprintId: 103, goalId: 'd' } }),
        aSprintGoal('e'),
      ],
    };
    expect(goalsAnswered(document)).toEqual({ goals: 5, answered: 2, partly: 1, notAnswered: 1, open: 1, answeredShare: 0.4 });
  });

  it('has no share for a sprint without goals', () => {
    expect(goalsAnswered(emptyGoalsDocument()).answeredShare).toBeNull();
  });
});

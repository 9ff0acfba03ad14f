/** The retro view's goals logic: the next sprint to carry over to, ticket keys as typed, drafts into goals. */
import type { Sprint } from '../../src/domain/retro/sprint-choice';
import { draftOfGoal, draftProblem, goalOfDraft, issueKeysOf, nextSprintOf } from '../../static/retro/src/state/goals-state';

const sprint = (id: number, state: Sprint['state'], startDate: string | null): Sprint => ({
  id,
  name: `Sprint ${id}`,
  state,
  startDate,
  endDate: null,
  completeDate: null,
  goal: '',
});

describe('goals state', () => {
  it('carries over to the first active or future sprint that starts later, none after the last', () => {
    const sprints = [
      sprint(1, 'closed', '2026-01-01'),
      sprint(2, 'active', '2026-01-15'),
      sprint(4, 'future', '2026-02-12'),
      sprint(3, 'future', '2026-01-29'),
    ];
    expect(nextSprintOf(sprints, sprints[0]!)?.id).toBe(2);
    expect(nextSprintOf(sprints, sprints[1]!)?.id).toBe(3);
    expect(nextSprintOf(sprints, sprints[2]!)).toBeNull();
  });

  it('reads ticket keys as typed: upper-cased, split on commas and spaces, each once', () => {
    expect(issueKeysOf(' flex-112, FLEX-105  FLEX-105;chk-42 ')).toEqual(['FLEX-112', 'FLEX-105', 'CHK-42']);
    expect(issueKeysOf('')).toEqual([]);
  });

  it('makes a goal of a draft, keeping its id, links and another owner, and says what is missing', () => {
    const goal = {
      id: 'g1',
      question: 'Q?',
      ownerAccountId: 'someone-else',
      issueKeys: ['FLEX-1'],
      answer: 'open' as const,
      answerNote: '',
      carriedFrom: { sprintId: 7, goalId: 'x' },
      carriedTo: null,
    };
    const draft = { ...draftOfGoal(goal, 'me'), answer: 'partly' as const, answerNote: ' Only in Spain. ' };
    expect(goalOfDraft(draft, goal, 'me', 'unused')).toEqual({ ...goal, answer: 'partly', answerNote: 'Only in Spain.' });
    expect(goalOfDraft({ ...draft, ownedByMe: true }, goal, 'me', 'unused').ownerAccountId).toBe('me');
    expect(draftProblem({ ...draft, answerNote: '' }, 1)).toBe('Goal 2 is partly answered: say what you learned instead.');
    expect(draftProblem({ ...draft, question: '' }, 0)).toBe('Goal 1 needs a question: what do you hope to learn?');
  });
});

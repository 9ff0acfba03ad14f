/**
 * The demo's sprint learning goals: FLEX's previous sprint (one goal answered, one not, carried
 * over) and its active sprint (the carried goal and a new one), stored on the sprints as the app does.
 */
import { SPRINT_GOALS_PROPERTY_KEY, type SprintGoal, type SprintGoalsDocument } from '../src/domain/sprint-goals/goals-document';
import { at, DEMO_USERS, demoSprintId } from './demo-team-setup';

const stamp = (daysAgo: number) => `${at(daysAgo).slice(0, 19)}Z`;

const open = (goal: Partial<SprintGoal> & Pick<SprintGoal, 'id' | 'question' | 'issueKeys'>): SprintGoal => ({
  ownerAccountId: null,
  answer: 'open',
  answerNote: '',
  carriedFrom: null,
  carriedTo: null,
  ...goal,
});

export function demoSprintGoals(): Array<{ sprintId: number; key: string; valueText: string; at: string }> {
  const previous = demoSprintId('FLEX', 22);
  const active = demoSprintId('FLEX', 23);
  const carriedId = `c${previous}-spain`;
  const previousGoals: SprintGoalsDocument = {
    schemaVersion: 1,
    revision: 2,
    updatedAt: stamp(8),
    updatedBy: DEMO_USERS.alice.accountId,
    goals: [
      open({
        id: 'label',
        question: 'Does the label matter more than the refund amount?',
        issueKeys: ['FLEX-112', 'FLEX-108'],
        ownerAccountId: DEMO_USERS.alice.accountId,
        answer: 'answered',
        answerNote: 'Yes: "Flex" beat "Refundable" at every refund amount we tried.',
      }),
      open({
        id: 'spain',
        question: "Will Spain's extra engagement turn into bookings?",
        issueKeys: ['FLEX-105'],
        ownerAccountId: DEMO_USERS.bob.accountId,
        answer: 'not-answered',
        answerNote: 'Engagement grew, but two weeks gave too few bookings to tell; we learned the test needs a month.',
        carriedTo: { sprintId: active, goalId: carriedId },
      }),
    ],
  };
  const activeGoals: SprintGoalsDocument = {
    schemaVersion: 1,
    revision: 1,
    updatedAt: stamp(6),
    updatedBy: DEMO_USERS.alice.accountId,
    goals: [
      open({
        id: carriedId,
        question: "Will Spain's extra engagement turn into bookings?",
        issueKeys: ['FLEX-105', 'FLEX-110'],
        ownerAccountId: DEMO_USERS.bob.accountId,
        carriedFrom: { sprintId: previous, goalId: 'spain' },
      }),
    ],
  };
  return [
    { sprintId: previous, key: SPRINT_GOALS_PROPERTY_KEY, valueText: JSON.stringify(previousGoals), at: at(8) },
    { sprintId: active, key: SPRINT_GOALS_PROPERTY_KEY, valueText: JSON.stringify(activeGoals), at: at(6) },
  ];
}

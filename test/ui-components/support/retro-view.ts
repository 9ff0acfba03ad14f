/**
 * The retro view's answers written out by hand for its component tests: FLEX's active sprint 23 on board 1, with
 * the cards a test gives, and the sprint's learning goals (none), which load beside the view.
 */
import type { RetroView } from '../../../src/contract/retro';
import type { LearningCard } from '../../../src/domain/search/learning-cards';
import { answer } from './fake-bridge';

export const AT = '2026-11-20T10:00:00.000Z';
export const SPRINT_23 = {
  id: 23,
  name: 'FLEX Sprint 23',
  state: 'active' as const,
  startDate: AT,
  endDate: AT,
  completeDate: null,
  goal: '',
};

/** An issue of FLEX in `sprintId`, with these learnings (text, surprise) by Ada. */
export function aCard(key: string, sprintId: number, learnings: Array<[string, boolean]>): LearningCard {
  return {
    issue: {
      id: key.replace(/\D/g, ''),
      key,
      summary: `Summary of ${key}`,
      project: { key: 'FLEX', name: 'Flex Refunds' },
      status: 'Done',
      parent: null,
      sprints: [{ id: sprintId, name: `FLEX Sprint ${sprintId}`, state: 'active' }],
      created: AT,
    },
    record: {
      schemaVersion: 2,
      hypothesis: 'A clearer label lifts attach.',
      learnings: learnings.map(([text, surprise], i) => ({
        id: `e${i}`,
        text,
        surprise,
        authorAccountId: 'acc-ada',
        createdAt: AT,
        updatedAt: AT,
      })),
      outcome: 'open',
      confidence: null,
      tags: [],
      evidence: [],
      revision: 1,
      updatedAt: AT,
      updatedBy: 'acc-ada',
    },
  };
}

/** Sprint 23 of FLEX's board, showing `cards`. */
export function sprintViewOf(cards: LearningCard[], figures: RetroView['figures'] = null): RetroView {
  return {
    project: { id: '10001', key: 'FLEX' },
    boards: [{ id: 1, name: 'FLEX board', type: 'scrum' }],
    board: { id: 1, name: 'FLEX board', type: 'scrum' },
    sprints: [SPRINT_23],
    sprint: SPRINT_23,
    previousSprint: null,
    query: { surprisesJql: 'sprint = 23 AND learningSurprise = "true"', everythingJql: 'sprint = 23', customJql: null, sent: [] },
    cards,
    figures,
    notes: {},
    names: { 'acc-ada': 'Ada Lovelace' },
    truncated: false,
    asOf: AT,
    viewerAccountId: 'acc-ada',
  };
}

export function answerNoGoals(): void {
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
}

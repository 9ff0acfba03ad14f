/**
 * The retro view's list paints a dozen issues first and the rest right after the first frame: a sprint of
 * many learnings is otherwise one long render before the first surprise shows. The browser's frames are held
 * here, so what the first commit drew is observed exactly.
 */
import { act, render, screen, within } from '@testing-library/react';
import type { RetroView } from '../../src/contract/retro';
import type { LearningCard } from '../../src/domain/search/learning-cards';
import { App } from '../../static/retro/src/app';
import { answer, resetBridge, unanswered } from './support/fake-bridge';
import type * as FakeBridge from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<typeof FakeBridge>('./support/fake-bridge'));

const at = '2026-11-20T10:00:00.000Z';
const sprint23 = { id: 23, name: 'FLEX Sprint 23', state: 'active' as const, startDate: at, endDate: at, completeDate: null, goal: '' };

const aCard = (n: number): LearningCard => ({
  issue: {
    id: String(10000 + n),
    key: `FLEX-${n}`,
    summary: `Summary of FLEX-${n}`,
    project: { key: 'FLEX', name: 'Flex Refunds' },
    status: 'Done',
    parent: null,
    sprints: [{ id: 23, name: 'FLEX Sprint 23', state: 'active' }],
    created: at,
  },
  record: {
    schemaVersion: 2,
    hypothesis: '',
    learnings: [{ id: 'e1', text: `Surprise ${n}`, surprise: true, authorAccountId: 'acc-ada', createdAt: at, updatedAt: at }],
    outcome: 'open',
    confidence: null,
    tags: [],
    evidence: [],
    revision: 1,
    updatedAt: at,
    updatedBy: 'acc-ada',
  },
});

const cards = Array.from({ length: 30 }, (_, i) => aCard(i + 1));
const view: RetroView = {
  project: { id: '10001', key: 'FLEX' },
  boards: [{ id: 1, name: 'FLEX board', type: 'scrum' }],
  board: { id: 1, name: 'FLEX board', type: 'scrum' },
  sprints: [sprint23],
  sprint: sprint23,
  previousSprint: null,
  query: { surprisesJql: 'sprint = 23 AND learningSurprise = "true"', everythingJql: 'sprint = 23', customJql: null, sent: [] },
  cards,
  figures: null,
  notes: {},
  names: { 'acc-ada': 'Ada Lovelace' },
  truncated: false,
  asOf: at,
  viewerAccountId: 'acc-ada',
};

let heldFrames: FrameRequestCallback[] = [];
beforeEach(() => {
  resetBridge();
  heldFrames = [];
  jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    heldFrames.push(callback);
    return heldFrames.length;
  });
  answer('retro/open', () => ({ ok: true, value: view }));
  answer('goals/open', () => ({
    ok: true,
    value: {
      sprintId: 23,
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
  jest.restoreAllMocks();
  expect(unanswered).toEqual([]);
});

it("draws the first 12 of a sprint's 30 issues, then all 30 after the first frame", async () => {
  render(<App />);
  const list = await screen.findByRole('list', { name: 'Surprises' });
  const keys = () =>
    within(list)
      .getAllByText(/^Summary of FLEX-\d+$/)
      .map((s) => s.textContent);
  expect(keys()).toEqual(cards.slice(0, 12).map((c) => c.issue.summary));
  // The count the presenter offers is the sprint's, not the first paint's.
  expect(screen.getByRole('button', { name: 'Present (30)' })).toBeTruthy();

  await act(async () => {
    for (const frame of heldFrames.splice(0)) frame(performance.now());
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(keys()).toEqual(cards.map((c) => c.issue.summary));
});

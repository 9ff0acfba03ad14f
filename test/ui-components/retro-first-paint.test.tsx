/**
 * The retro view's list paints a dozen issues first and the rest right after the first frame: a sprint of
 * many learnings is otherwise one long render before the first surprise shows. The browser's frames are held
 * here, so what the first commit drew is observed exactly.
 */
import { render, screen, within } from '@testing-library/react';
import { App } from '../../static/retro/src/app';
import { answer, resetBridge, unanswered } from './support/fake-bridge';
import { holdFrames } from './support/held-frames';
import { aCard, answerNoGoals, sprintViewOf } from './support/retro-view';
import type * as FakeBridge from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<typeof FakeBridge>('./support/fake-bridge'));

const cards = Array.from({ length: 30 }, (_, i) => aCard(`FLEX-${i + 1}`, 23, [[`Surprise ${i + 1}`, true]]));
const view = sprintViewOf(cards);

let frames: ReturnType<typeof holdFrames>;
beforeEach(() => {
  resetBridge();
  frames = holdFrames();
  answer('retro/open', () => ({ ok: true, value: view }));
  answerNoGoals();
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

  await frames.release();
  expect(keys()).toEqual(cards.map((c) => c.issue.summary));
});

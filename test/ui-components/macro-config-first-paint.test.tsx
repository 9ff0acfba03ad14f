/**
 * The macro's config dialog paints its title and "what to collect" first, and its arrangement and preview right
 * after the first frame: one commit of the whole form kept the first field from showing. The browser's frames are
 * held here, so what the first commit drew is observed exactly.
 */
import { act, render, screen } from '@testing-library/react';
import { App } from '../../static/macro-config/src/app';
import { answer, resetBridge, setContext, unanswered } from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

const CONFIG = {
  title: 'What FLEX learned',
  jql: 'project = FLEX',
  groupBy: 'none' as const,
  surprisesOnly: false,
  outcomes: [],
  sort: 'updated' as const,
  layout: 'cards' as const,
  show: { hypothesis: true, entries: true, evidence: true, tags: true, author: true, dates: true },
};

let heldFrames: FrameRequestCallback[] = [];
beforeEach(() => {
  resetBridge();
  heldFrames = [];
  jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    heldFrames.push(callback);
    return heldFrames.length;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  expect(unanswered).toEqual([]);
});

it('draws the title and the presets first, then the arrangement and the preview after the first frame', async () => {
  setContext({ extension: { config: CONFIG } });
  render(<App />);
  expect(await screen.findByRole('radiogroup', { name: 'Start from' })).toBeTruthy();
  expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('What FLEX learned');
  expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  expect(screen.queryByRole('group', { name: 'Filter and arrange' })).toBeNull();
  expect(screen.queryByRole('heading', { name: 'Preview' })).toBeNull();

  await act(async () => {
    for (const frame of heldFrames.splice(0)) frame(performance.now());
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(screen.getByRole('group', { name: 'Filter and arrange' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Preview' })).toBeTruthy();
});

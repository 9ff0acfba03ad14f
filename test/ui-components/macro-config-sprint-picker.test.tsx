/**
 * The config view's retro preset in a DOM (jsdom): choosing "Surprises of one sprint" leaves the
 * JQL as it was until a board and one of its sprints are picked (`macro/findBoards`,
 * `macro/listSprints`), then writes `sprint = <id> AND learningSurprise = "true"` and names the
 * sprint beside the JQL. Reopening a page that pins a sprint shows it picked. Loading, empty and
 * error states; keyboard only. The bridge is the fake in support/fake-bridge.ts.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LearningsPage, SprintList } from '../../src/contract/macro';
import { App } from '../../static/macro-config/src/app';
import { answer, callsTo, resetBridge, setContext, unanswered } from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

const CONFIG = {
  title: 'What we learned',
  jql: 'learningUpdated >= -90d',
  groupBy: 'none' as const,
  surprisesOnly: false,
  outcomes: [],
  sort: 'updated' as const,
  layout: 'cards' as const,
  show: { hypothesis: true, entries: true, evidence: true, tags: true, author: true, dates: true },
};

const board = (id: number, key: string) => ({ id, name: `${key} board`, type: 'scrum', projectKey: key, projectName: `Team ${key}` });
const sprint = (id: number, state: 'active' | 'future' | 'closed', startDate: string, endDate: string) => ({
  id,
  name: `Sprint ${id}`,
  state,
  startDate,
  endDate,
  completeDate: state === 'closed' ? endDate : null,
  goal: '',
});
const SHOP_SPRINTS = [
  sprint(31, 'active', '2025-03-03T09:00:00.000Z', '2025-03-17T17:00:00.000Z'),
  sprint(32, 'future', '2025-03-17T09:00:00.000Z', '2025-03-31T17:00:00.000Z'),
  sprint(30, 'closed', '2025-02-17T09:00:00.000Z', '2025-03-03T17:00:00.000Z'),
];

type SprintAnswer = (payload: { boardId?: number | null; sprintId?: number | null }) => unknown;

function openConfig(jql = CONFIG.jql, sprints?: SprintAnswer) {
  setContext({ extension: { config: { ...CONFIG, jql } } });
  answer('jql/check', () => ({ ok: true, value: { errors: [], count: 4 } }));
  answer('macro/findBoards', (payload) => {
    const text = (payload as { text: string }).text;
    const boards = [board(7, 'SHOP'), board(9, 'PAY'), board(11, 'EMPTY')].filter(
      (b) => !text || b.projectKey.includes(text.toUpperCase()),
    );
    return { ok: true, value: { boards } };
  });
  const listed = (payload: { boardId?: number | null; sprintId?: number | null }): { ok: true; value: SprintList } => {
    if (payload.sprintId === 30) return { ok: true, value: { boardId: 7, sprints: SHOP_SPRINTS, picked: SHOP_SPRINTS[2]! } };
    if (payload.sprintId) return { ok: true, value: { boardId: null, sprints: [], picked: null } };
    return { ok: true, value: { boardId: payload.boardId ?? null, sprints: payload.boardId === 7 ? SHOP_SPRINTS : [], picked: null } };
  };
  answer('macro/listSprints', (payload) => (sprints ?? listed)(payload as Parameters<SprintAnswer>[0]));
  const page = (config: unknown): LearningsPage => ({
    cards: [],
    nextPageToken: null,
    jql: 'x',
    asOf: new Date().toISOString(),
    config: config as LearningsPage['config'],
  });
  answer('macro/list', (payload) => ({ ok: true, value: page((payload as { config: unknown }).config) }));
  answer('macro/count', () => ({ ok: true, value: { count: 4 } }));
  answer('people/lookup', () => ({ ok: true, value: { names: {} } }));
  render(<App />);
}

const jqlBox = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'JQL' });
const RETRO = 'Surprises of one sprint (for a retro page)';
const labels = (group: HTMLElement) =>
  within(group)
    .getAllByRole('radio')
    .map((r) => r.closest('label')?.textContent);

beforeAll(() => {
  // jsdom has no CSS.escape, which user-event needs to walk a radio group with the arrow keys.
  if (!('CSS' in window)) Object.assign(window, { CSS: { escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) } });
});
beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

describe('the retro preset pins a picked sprint', () => {
  it("changes nothing until a sprint is picked, lists a board's sprints active, future, then closed, and writes its id", async () => {
    const user = userEvent.setup();
    openConfig();
    const presets = await screen.findByRole('radiogroup', { name: 'Start from' });
    expect(within(presets).queryByRole('radio', { name: /open sprints/ })).toBeNull();
    await user.click(within(presets).getByRole('radio', { name: RETRO }));
    expect(jqlBox().value).toBe('learningUpdated >= -90d');
    expect(within(presets).getByRole('radio', { name: RETRO })).toHaveProperty('checked', true);
    expect(screen.getByText(/Pick a board, then one of its sprints/)).toBeTruthy();

    const boards = await screen.findByRole('radiogroup', { name: 'Boards' });
    expect(labels(boards)).toEqual(['SHOP board · Team SHOP (SHOP)', 'PAY board · Team PAY (PAY)', 'EMPTY board · Team EMPTY (EMPTY)']);
    expect(screen.getByText('Pick a board to see its sprints.')).toBeTruthy();
    await user.click(within(boards).getByRole('radio', { name: /SHOP board/ }));
    const sprints = await screen.findByRole('radiogroup', { name: 'Sprints' });
    expect(labels(sprints)).toEqual([
      'Sprint 31 · Active · Mar 3 – Mar 17',
      'Sprint 32 · Future · Mar 17 – Mar 31',
      'Sprint 30 · Closed · Feb 17 – Mar 3',
    ]);
    expect(jqlBox().value).toBe('learningUpdated >= -90d');
    await user.click(within(sprints).getByRole('radio', { name: /Sprint 30/ }));
    expect(jqlBox().value).toBe('sprint = 30 AND learningSurprise = "true"');
    expect(screen.getByText('Sprint 30 is “Sprint 30” (Closed · Feb 17 – Mar 3).')).toBeTruthy();
    expect(within(presets).getByRole('radio', { name: RETRO })).toHaveProperty('checked', true);
    expect(callsTo('macro/listSprints')).toEqual([{ boardId: 7 }]);
  });

  it('reopens on the sprint a page pins: its board, the sprint picked and named beside the JQL', async () => {
    openConfig('sprint = 30 AND learningSurprise = "true"');
    const presets = await screen.findByRole('radiogroup', { name: 'Start from' });
    expect(within(presets).getByRole('radio', { name: RETRO })).toHaveProperty('checked', true);
    expect(await screen.findByRole('radio', { name: /Sprint 30 · Closed/ })).toHaveProperty('checked', true);
    expect(await screen.findByRole('radio', { name: /SHOP board/ })).toHaveProperty('checked', true);
    expect(screen.getByText('Sprint 30 is “Sprint 30” (Closed · Feb 17 – Mar 3).')).toBeTruthy();
    expect(callsTo('macro/listSprints')).toEqual([{ sprintId: 30 }]);
  });

  it('says so when the pinned sprint is gone, a board has no sprints, nothing matches, or Jira fails', async () => {
    const user = userEvent.setup();
    let failing = false;
    openConfig('sprint = 404 AND learningSurprise = "true"', (payload) => {
      if (failing)
        return { ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira is not answering right now. Try again in a minute.' } };
      return { ok: true, value: { boardId: payload.boardId ?? null, sprints: payload.boardId === 7 ? SHOP_SPRINTS : [], picked: null } };
    });
    expect(await screen.findByText(/Sprint 404 of this page does not exist, or you may not see it/)).toBeTruthy();
    expect(screen.getByText('Sprint 404 does not exist, or you may not see it.')).toBeTruthy();
    // The JQL is left as it was: nothing is rewritten until a sprint is picked.
    expect(jqlBox().value).toBe('sprint = 404 AND learningSurprise = "true"');
    await user.click(await screen.findByRole('radio', { name: /EMPTY board/ }));
    expect(await screen.findByText('This board has no sprints yet.')).toBeTruthy();
    failing = true;
    await user.click(screen.getByRole('radio', { name: /PAY board/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('Jira is not answering right now.');
    await user.type(screen.getByRole('textbox', { name: 'Find a board' }), 'zzz');
    expect(await screen.findByText('No board with sprints you may see matches “zzz”.')).toBeTruthy();
  });

  it('works from the keyboard alone: find a board by its key, arrow to a sprint', async () => {
    const user = userEvent.setup();
    openConfig();
    const presets = await screen.findByRole('radiogroup', { name: 'Start from' });
    within(presets).getByRole('radio', { name: 'Invalidated hypotheses' }).focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(presets).getByRole('radio', { name: RETRO })).toHaveProperty('checked', true);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Find a board' }));
    await user.keyboard('shop');
    await waitFor(() => {
      expect(labels(screen.getByRole('radiogroup', { name: 'Boards' }))).toEqual(['SHOP board · Team SHOP (SHOP)']);
    });
    await user.tab();
    await user.keyboard(' ');
    const sprints = await screen.findByRole('radiogroup', { name: 'Sprints' });
    await user.tab();
    expect(document.activeElement).toBe(within(sprints).getAllByRole('radio')[0]);
    await user.keyboard(' ');
    expect(jqlBox().value).toBe('sprint = 31 AND learningSurprise = "true"');
    await user.keyboard('{ArrowDown}');
    expect(jqlBox().value).toBe('sprint = 32 AND learningSurprise = "true"');
  });
});

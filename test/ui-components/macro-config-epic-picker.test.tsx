/**
 * The config view's "An epic and its children" preset in a DOM (jsdom): choosing it
 * leaves the JQL as it was until an epic of the site is picked from `macro/findEpics`,
 * then writes `parent = KEY OR key = KEY`. The bridge is the fake in support/fake-bridge.ts.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LearningsPage } from '../../src/contract/macro';
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

const EPICS = {
  '': [
    { key: 'SHOP-7', summary: 'Checkout in one page', projectName: 'Shop' },
    { key: 'SHOP-2', summary: 'Gift cards', projectName: 'Shop' },
  ],
  gift: [{ key: 'SHOP-2', summary: 'Gift cards', projectName: 'Shop' }],
} as Record<string, Array<{ key: string; summary: string; projectName: string }>>;

function openConfig(jql = CONFIG.jql) {
  setContext({ extension: { config: { ...CONFIG, jql } } });
  answer('jql/check', () => ({ ok: true, value: { errors: [], count: 4 } }));
  answer('macro/findEpics', (payload) => ({ ok: true, value: { epics: EPICS[(payload as { text: string }).text] ?? [] } }));
  const page = (config: unknown): LearningsPage => ({
    cards: [],
    nextPageToken: null,
    jql: 'x',
    asOf: new Date().toISOString(),
    config: config as LearningsPage['config'],
  });
  answer('macro/list', (payload) => ({ ok: true, value: page((payload as { config: unknown }).config) }));
  answer('people/lookup', () => ({ ok: true, value: { names: {} } }));
  render(<App />);
}

const jqlBox = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'JQL' });

beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

describe('the epic preset', () => {
  it('changes nothing until an epic of the site is picked, then collects it and its children', async () => {
    const user = userEvent.setup();
    openConfig();
    const presets = await screen.findByRole('radiogroup', { name: 'Start from' });
    await user.click(within(presets).getByRole('radio', { name: 'An epic and its children' }));
    expect(jqlBox().value).toBe('learningUpdated >= -90d');
    expect(within(presets).getByRole('radio', { name: 'An epic and its children' })).toHaveProperty('checked', true);

    const epics = await screen.findByRole('radiogroup', { name: 'Epics' });
    expect(
      within(epics)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['SHOP-7 Checkout in one page · Shop', 'SHOP-2 Gift cards · Shop']);
    await user.type(screen.getByRole('textbox', { name: 'Find an epic' }), 'gift');
    await waitFor(() => {
      expect(within(screen.getByRole('radiogroup', { name: 'Epics' })).getAllByRole('radio')).toHaveLength(1);
    });
    await user.click(screen.getByRole('radio', { name: /SHOP-2 Gift cards/ }));
    expect(jqlBox().value).toBe('parent = SHOP-2 OR key = SHOP-2');
    expect(screen.getByRole('radio', { name: /SHOP-2 Gift cards/ })).toHaveProperty('checked', true);
    // Debounced: the picker asked for the first list and for the final text, not once per key.
    expect(callsTo('macro/findEpics')).toEqual([{ text: '' }, { text: 'gift' }]);
  });

  it('opens on the epic a stored query collects, and says so when nothing matches', async () => {
    const user = userEvent.setup();
    openConfig('parent = SHOP-7 OR key = SHOP-7');
    const presets = await screen.findByRole('radiogroup', { name: 'Start from' });
    expect(within(presets).getByRole('radio', { name: 'An epic and its children' })).toHaveProperty('checked', true);
    expect(await screen.findByRole('radio', { name: /SHOP-7 Checkout in one page/ })).toHaveProperty('checked', true);
    await user.type(screen.getByRole('textbox', { name: 'Find an epic' }), 'zzz');
    expect(await screen.findByText('No epic you may see matches “zzz”.')).toBeTruthy();
    // Another preset leaves the picker.
    await user.click(within(presets).getByRole('radio', { name: 'Invalidated hypotheses' }));
    expect(jqlBox().value).toBe('learningOutcome = invalidated');
    expect(screen.queryByRole('textbox', { name: 'Find an epic' })).toBeNull();
  });
});

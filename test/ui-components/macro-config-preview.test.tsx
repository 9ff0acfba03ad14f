/**
 * The macro's config view in a DOM (jsdom): its live preview names the people
 * who wrote the learnings by display name (one `people/lookup`), and never shows
 * an account id, even when the lookup fails. The bridge is the fake in
 * support/fake-bridge.ts; expectations are written out by hand.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import type { LearningsPage } from '../../src/contract/macro';
import type { LearningCard } from '../../src/domain/search/learning-cards';
import { App } from '../../static/macro-config/src/app';
import userEvent from '@testing-library/user-event';
import { answer, callsTo, resetBridge, setContext, unanswered, viewClosed } from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

const ADA = '5c3f9e2a1b7d4e0012a8c6f1';
const GRACE = '5c3f9e2a1b7d4e0012a8c6f2';
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

function aCard(): LearningCard {
  const at = '2025-03-01T10:00:00.000Z';
  const entry = (id: string, authorAccountId: string) => ({
    id,
    text: `Learned ${id}`,
    surprise: false,
    authorAccountId,
    createdAt: at,
    updatedAt: at,
  });
  return {
    issue: {
      id: '10001',
      key: 'FLEX-1',
      summary: 'Annual billing',
      project: { key: 'FLEX', name: 'Flex' },
      status: 'Done',
      parent: null,
      sprints: [],
      created: at,
    },
    record: {
      schemaVersion: 2,
      hypothesis: 'Annual plans sell better.',
      learnings: [entry('e1', ADA), entry('e2', GRACE)],
      outcome: 'validated',
      confidence: null,
      tags: [],
      evidence: [],
      revision: 2,
      updatedAt: at,
      updatedBy: ADA,
    },
  };
}

function openConfig(names: () => unknown) {
  setContext({ extension: { config: CONFIG } });
  answer('jql/check', () => ({ ok: true, value: { errors: [], count: 1 } }));
  const value: LearningsPage = {
    cards: [aCard()],
    nextPageToken: null,
    jql: 'project = FLEX',
    asOf: new Date().toISOString(),
    config: CONFIG,
  };
  answer('macro/list', () => ({ ok: true, value }));
  answer('people/lookup', names);
  render(<App />);
}

const noAccountIdOnScreen = () => {
  expect(document.body.textContent).not.toContain(ADA);
  expect(document.body.textContent).not.toContain(GRACE);
};

beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

describe('the config preview names people', () => {
  it('by display name, after one lookup of everyone the cards name', async () => {
    openConfig(() => ({ ok: true, value: { names: { [ADA]: 'Ada Lovelace', [GRACE]: 'Grace Hopper' } } }));
    const card = await screen.findByRole('article', { name: 'FLEX-1 Annual billing' }, { timeout: 3000 });
    await waitFor(() => {
      expect(within(card).getByText(/By Ada Lovelace, Grace Hopper/)).toBeTruthy();
    });
    expect(callsTo('people/lookup')).toEqual([{ accountIds: [ADA, GRACE] }]);
    noAccountIdOnScreen();
  });

  it('never by account id: while the names load, and when the lookup fails', async () => {
    openConfig(() => ({ ok: false, error: { code: 'JIRA_UNAVAILABLE', message: "Jira did not answer for people's names." } }));
    const card = await screen.findByRole('article', { name: 'FLEX-1 Annual billing' }, { timeout: 3000 });
    noAccountIdOnScreen();
    await waitFor(() => {
      expect(callsTo('people/lookup')).toHaveLength(1);
    });
    expect(within(card).getByText(/By 2 people/)).toBeTruthy();
    noAccountIdOnScreen();
  });

  it('counts the people it cannot name beside those it can', async () => {
    openConfig(() => ({ ok: true, value: { names: { [ADA]: 'Ada Lovelace' } } }));
    const card = await screen.findByRole('article', { name: 'FLEX-1 Annual billing' }, { timeout: 3000 });
    await waitFor(() => {
      expect(within(card).getByText(/By Ada Lovelace, 1 other person/)).toBeTruthy();
    });
    noAccountIdOnScreen();
  });
});

describe('the config dialog and the keyboard', () => {
  it('opens with focus on its first field, and Escape closes it without saving', async () => {
    const user = userEvent.setup();
    openConfig(() => ({ ok: true, value: { names: {} } }));
    const title = await screen.findByRole('textbox', { name: 'Title' });
    expect(document.activeElement).toBe(title);
    await user.keyboard('{Escape}');
    expect(viewClosed.count).toBe(1);
  });
});

/**
 * The issue panel's History: each revision says what it changed, and a restore can be undone
 * from the note it leaves. Sentences are written out by hand; the bridge is the fake in
 * support/fake-bridge.ts, answering as the backend would.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HistoryItem } from '../../src/contract/panel';
import { answer, callsTo, resetBridge, unanswered } from './support/fake-bridge';
import { aRecord, anEntry, panelOn, SIZE } from './support/panel-fixture';

jest.mock('../../static/shared/bridge-client', (): unknown => jest.requireActual('./support/fake-bridge'));
jest.setTimeout(30_000);

beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

const item = (revision: number, change: Partial<HistoryItem> = {}): HistoryItem => ({
  revision,
  savedAt: '2025-03-01T10:00:00.000Z',
  savedBy: 'acc-1',
  learningCount: 1,
  surpriseCount: 0,
  outcome: 'open',
  hypothesis: 'Annual billing will lift conversion.',
  changes: null,
  current: false,
  unreadable: false,
  ...change,
});

const HISTORY: HistoryItem[] = [
  item(4, {
    current: true,
    changes: {
      list: [
        { kind: 'learningAdded', excerpt: 'Finance teams asked for invoices.', surprise: true },
        { kind: 'surpriseUnflagged', excerpt: 'Monthly plans churn in spring.' },
        { kind: 'outcomeChanged', from: 'open', to: 'validated' },
        { kind: 'tagsRemoved', tags: ['pricing'], count: 1 },
      ],
      more: 2,
    },
  }),
  item(3, { changes: { list: [{ kind: 'hypothesisEdited' }], more: 0 } }),
  item(2, { learningCount: 3, surpriseCount: 1, outcome: 'validated' }),
];

async function openHistory(user: ReturnType<typeof userEvent.setup>, items = HISTORY) {
  answer('history/list', () => ({ ok: true, value: { items, cap: 60 } }));
  await user.click(await screen.findByRole('button', { name: 'History' }));
}

describe('History says what each revision changed', () => {
  it('lists the changes in words, quoting learnings, and what older revisions held', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ learnings: [anEntry(1)] }));
    await openHistory(user);
    const newest = await screen.findByRole('list', { name: 'What revision 4 changed' });
    expect(
      within(newest)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Surprise added: “Finance teams asked for invoices.”',
      'No longer a surprise: “Monthly plans churn in spring.”',
      'Outcome changed from Open to Validated',
      'Tag removed: pricing',
      'and 2 more changes',
    ]);
    expect(within(screen.getByRole('list', { name: 'What revision 3 changed' })).getByRole('listitem').textContent).toBe(
      'Hypothesis edited',
    );
    // The edited hypothesis is quoted; revision 4 left it alone, so it is not repeated there.
    expect(screen.getAllByText('Annual billing will lift conversion.')).toHaveLength(2);
    expect(screen.getByText('3 learnings · 1 surprise · validated')).toBeTruthy();
  });
});

describe('Undo after a restore', () => {
  function restoreAnswers() {
    answer('history/restore', (payload) => {
      const { revision, baseRevision } = payload as { revision: number; baseRevision: number };
      const hypothesis = revision === 2 ? 'Monthly billing keeps customers.' : 'Annual billing will lift conversion.';
      return { ok: true, value: { record: aRecord({ hypothesis, revision: baseRevision + 1 }), size: SIZE, mergedWithOthers: false } };
    });
  }

  it('says "Restored revision 2", and Undo, reached by keyboard, brings back revision 4 as a new revision', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ learnings: [anEntry(1)] }));
    restoreAnswers();
    await openHistory(user);
    await user.click(await screen.findByRole('button', { name: 'Restore revision 2' }));
    await user.click(screen.getByRole('button', { name: 'Restore it' }));
    expect(await screen.findByText('Restored revision 2.')).toBeTruthy();
    expect(screen.getByText('Monthly billing keeps customers.')).toBeTruthy();
    expect(callsTo('history/restore')).toEqual([{ revision: 2, baseRevision: 4 }]);

    const undo = screen.getByRole('button', { name: 'Undo: bring back revision 4' });
    undo.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Restore undone: revision 4 is back, as revision 6.')).toBeTruthy();
    expect(callsTo('history/restore')).toEqual([
      { revision: 2, baseRevision: 4 },
      { revision: 4, baseRevision: 5 },
    ]);
    expect(screen.getByText('Annual billing will lift conversion.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });

  it('a newer save by someone else stops the undo, says so and offers a reload', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ learnings: [anEntry(1)] }));
    restoreAnswers();
    await openHistory(user);
    await user.click(await screen.findByRole('button', { name: 'Restore revision 2' }));
    await user.click(screen.getByRole('button', { name: 'Restore it' }));
    answer('history/restore', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'Someone saved a newer version since you opened the history.' },
    }));
    await user.click(await screen.findByRole('button', { name: 'Undo: bring back revision 4' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not undo the restore')).toBeTruthy();
    expect(
      within(alert).getByText(
        'Someone saved a newer version since the restore, so it was not undone. Reload to see it; History still holds every revision.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
    const loadsBefore = callsTo('learning/get').length;
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => {
      expect(callsTo('learning/get')).toHaveLength(loadsBefore + 1);
    });
  });

  it('is not offered after an ordinary save', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ learnings: [anEntry(1)] }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => {
      expect(callsTo('learning/save')).toHaveLength(1);
    });
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });
});

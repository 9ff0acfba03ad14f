/**
 * What the issue panel says in the states a person may meet without editing:
 * read-only, a record changed outside the app, a conflict with their own other tab.
 * Sentences are written out by hand; the bridge is the fake in support/fake-bridge.ts.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, callsTo, resetBridge, unanswered } from './support/fake-bridge';
import { aRecord, anEntry, panelOn } from './support/panel-fixture';

jest.mock('../../static/shared/bridge-client', (): unknown => jest.requireActual('./support/fake-bridge'));
jest.setTimeout(30_000);

beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

describe('issue panel for a person who may only read', () => {
  it('does not invite them to write, and says who can add learnings', async () => {
    panelOn(null, { canEdit: false });
    expect(await screen.findByText('No hypothesis has been written for this issue yet.')).toBeTruthy();
    expect(screen.queryByText(/Write the hypothesis/)).toBeNull();
    expect(screen.queryByText(/What do you believe/)).toBeNull();
    expect(screen.getByText(/People who can edit this issue \(Jira’s “Edit issues” permission\) can add learnings\./)).toBeTruthy();
  });

  it('says who can edit under a record too, without the bare "view but not edit"', async () => {
    panelOn(aRecord({ learnings: [anEntry(1)] }), { canEdit: false });
    expect(await screen.findByText('Learning number 1')).toBeTruthy();
    expect(screen.queryByText('You can view but not edit.')).toBeNull();
    expect(screen.getByText(/People who can edit this issue \(Jira’s “Edit issues” permission\) can add learnings\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});

describe('issue panel on a record changed outside Learning Loop', () => {
  const broken = { kind: 'broken' as const, reason: 'This ticket’s learning record was changed outside Learning Loop and can’t be read.' };

  it('says what happened and what starting a new record does, in words', async () => {
    panelOn(null, { unreadable: broken });
    const notice = await screen.findByText(/changed outside Learning Loop/);
    const text = notice.closest('section, div')?.textContent ?? '';
    expect(text).not.toMatch(/schemaVersion|expected shape/);
    expect(screen.getByText(/You can start a new record: the value there now is kept as found in this panel’s History/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start a new record' })).toBeTruthy();
  });

  it('tells a reader who can start a new record', async () => {
    panelOn(null, { unreadable: broken, canEdit: false });
    expect(await screen.findByText(/People who can edit this issue can start a new record/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start a new record' })).toBeNull();
  });
});

describe('issue panel conflict', () => {
  it('says the other revision came from the person’s own other tab', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ learnings: [anEntry(1)] }));
    const theirs = aRecord({ hypothesis: 'Annual billing lifts conversion a lot.', revision: 5, updatedBy: 'acc-1' });
    answer('learning/save', () => ({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'This issue was saved while you were editing.',
        details: {
          conflicts: [{ kind: 'hypothesis', mine: 'Annual billing lifts conversion a little.', theirs: theirs.hypothesis }],
          merged: {
            hypothesis: theirs.hypothesis,
            learnings: [{ id: 'e1', text: 'Learning number 1', surprise: false }],
            outcome: 'open',
            confidence: null,
            tags: [],
            evidence: [],
          },
          current: theirs,
        },
      },
    }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const field = screen.getByRole('textbox', { name: 'Hypothesis' });
    await user.clear(field);
    await user.type(field, 'Annual billing lifts conversion a little.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => {
      expect(callsTo('learning/save')).toHaveLength(1);
    });
    expect(await screen.findByText('You saved this in another tab or window')).toBeTruthy();
    expect(screen.queryByText(/Someone else saved/)).toBeNull();
  });
});

describe('issue panel editor at the caps', () => {
  it('stops at learning 50: Enter says so under it and what is typed next is not glued on', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ learnings: Array.from({ length: 50 }, (_, i) => anEntry(i + 1)) }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const fiftieth = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Learning 50' });
    await user.click(fiftieth);
    await user.keyboard('{Enter}and more');
    expect(fiftieth.value).toBe('Learning number 50');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('50 learnings is the most a ticket holds: merge some, or remove one to add another.');
    expect(document.activeElement).toBe(alert);
    expect(fiftieth.closest('li')?.contains(alert)).toBe(true);
    expect(screen.queryByRole('textbox', { name: 'Learning 51' })).toBeNull();
  });

  it('stops at tag 10: an 11th cannot be typed, and the field says why', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ tags: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'] }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Tags' });
    await user.type(field, 'tenth{Enter}eleventh');
    expect(field.value).toBe('');
    expect(screen.getByRole('alert').textContent).toBe('10 tags is the most a ticket holds: remove one to add another.');
    expect(screen.getAllByRole('button', { name: /^Remove tag / })).toHaveLength(10);
  });
});

describe('issue panel read view: when the hypothesis was written', () => {
  it('shows the day the hypothesis was written, as a machine-readable time', async () => {
    panelOn(aRecord({ hypothesisAt: '2025-02-20T12:00:00Z' }));
    const written = await screen.findByText(/^Hypothesis written/);
    expect(written.textContent).toBe('Hypothesis written Feb 20, 2025');
    expect(written.querySelector('time')?.getAttribute('dateTime')).toBe('2025-02-20T12:00:00Z');
  });

  it('says nothing of it on a record without its time', async () => {
    panelOn(aRecord());
    expect(await screen.findByText('Annual billing will lift conversion.')).toBeTruthy();
    expect(screen.queryByText(/Hypothesis written/)).toBeNull();
  });
});

describe('issue panel read view keyboard', () => {
  it('Alt+N opens the editor on a new, focused learning', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ learnings: [anEntry(1)] }));
    (await screen.findByRole('button', { name: 'History' })).focus();
    await user.keyboard('{Alt>}n{/Alt}');
    const second = await screen.findByRole('textbox', { name: 'Learning 2' });
    expect(document.activeElement).toBe(second);
  });

  it('Alt+N does nothing for a person who may only read', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ learnings: [anEntry(1)] }), { canEdit: false });
    (await screen.findByRole('button', { name: 'History' })).focus();
    await user.keyboard('{Alt>}n{/Alt}');
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

describe('issue panel with right-to-left and disguised text', () => {
  it('lets each text choose its direction, and never shows a U+202E override reversing text', async () => {
    const user = userEvent.setup();
    panelOn(
      aRecord({
        hypothesis: 'Refunds \u202Eevil.exe\u202C sell better.',
        learnings: [anEntry(1, 'לקוחות בספרד התעניינו יותר')],
        tags: ['תמחור'],
        evidence: [{ id: 'v1', url: 'https://example.com/a', title: 'report \u202Egnp.exe' }],
      }),
    );
    const hypothesis = await screen.findByText('Refunds evil.exe sell better.');
    expect(hypothesis.getAttribute('dir')).toBe('auto');
    expect(screen.getByText('לקוחות בספרד התעניינו יותר').getAttribute('dir')).toBe('auto');
    expect(screen.getByText('תמחור').getAttribute('dir')).toBe('auto');
    expect(screen.getByText('report gnp.exe').getAttribute('dir')).toBe('auto');
    expect(document.body.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('textbox', { name: 'Hypothesis' }).getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('textbox', { name: 'Learning 1' }).getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('textbox', { name: 'Tags' }).getAttribute('dir')).toBe('auto');
  });
});

describe('"Learned before" while editing', () => {
  it('is not asked for when an old record is edited, only once its hypothesis is being rewritten', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ learnings: [anEntry(1)] }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.keyboard('{Alt>}n{/Alt}Another learning');
    // The debounce is well under a second: wait past it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(callsTo('learnedBefore/find')).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Hypothesis' }), ' for refunds');
    await waitFor(() => {
      expect(callsTo('learnedBefore/find')).toHaveLength(1);
    });
  });
});

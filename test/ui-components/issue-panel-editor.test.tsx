/**
 * The issue panel's editor in a DOM (jsdom), driven as a person would with
 * Testing Library: typing, the keyboard shortcuts, the Surprise toggle, the cap
 * on learnings, and what Save sends to the backend. The bridge is the fake in
 * support/fake-bridge.ts; expected payloads are written out by hand.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LearningRecord } from '../../src/domain/record/learning-record';
import { App } from '../../static/issue-panel/src/app';
import { answer, callsTo, resetBridge, unanswered } from './support/fake-bridge';

jest.mock('../../static/shared/bridge-client', () => jest.requireActual<object>('./support/fake-bridge'));

const SIZE = { used: 400, limit: 32768, remaining: 32368, level: 'ok' as const };
const ID_RULE = /^[A-Za-z0-9_-]{1,64}$/;

function aRecord(change: Partial<LearningRecord> = {}): LearningRecord {
  return {
    schemaVersion: 1,
    hypothesis: 'Annual billing will lift conversion.',
    learnings: [],
    outcome: 'open',
    confidence: null,
    tags: [],
    evidence: [],
    revision: 4,
    updatedAt: '2025-03-01T10:00:00.000Z',
    updatedBy: 'acc-1',
    ...change,
  };
}

function anEntry(n: number) {
  return {
    id: `e${n}`,
    text: `Learning number ${n}`,
    surprise: false,
    authorAccountId: 'acc-1',
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
  };
}

/** The panel on an issue whose stored record is `record`; saves answer with what was sent, at the next revision. */
function panelOn(record: LearningRecord | null) {
  answer('learning/get', () => ({
    ok: true,
    value: {
      issue: { id: '10001', key: 'FLEX-7', summary: 'Annual billing' },
      record,
      unreadable: null,
      canEdit: true,
      viewerAccountId: 'acc-1',
      size: SIZE,
    },
  }));
  answer('learnedBefore/find', () => ({ ok: true, value: { items: [], candidates: 0 } }));
  answer('learnedBefore/listReuses', () => ({ ok: true, value: { total: 0, visible: [], hiddenCount: 0 } }));
  answer('people/lookup', () => ({ ok: true, value: { names: {} } }));
  answer('learning/save', (payload) => {
    const { draft, baseRevision } = payload as {
      draft: Omit<LearningRecord, 'schemaVersion' | 'revision' | 'updatedAt' | 'updatedBy'>;
      baseRevision: number;
    };
    const learnings = draft.learnings.map((e) => ({
      ...e,
      authorAccountId: 'acc-1',
      createdAt: '2025-03-02T10:00:00.000Z',
      updatedAt: '2025-03-02T10:00:00.000Z',
    }));
    const saved = aRecord({ ...draft, learnings, revision: baseRevision + 1 });
    return { ok: true, value: { record: saved, size: SIZE, mergedWithOthers: false } };
  });
  render(<App />);
}

beforeEach(() => {
  resetBridge();
});
afterEach(() => {
  expect(unanswered).toEqual([]);
});

describe('issue panel editor', () => {
  it('saves a typed hypothesis against revision 0 when the issue has no record yet', async () => {
    const user = userEvent.setup();
    panelOn(null);
    await user.click(await screen.findByRole('button', { name: 'Write the hypothesis' }));
    const field = screen.getByRole('textbox', { name: 'Hypothesis' });
    expect(document.activeElement).toBe(field);
    await user.type(field, 'We believe a yearly plan sells better.');
    await user.click(screen.getByRole('button', { name: /^Save/ }));

    await waitFor(() => {
      expect(callsTo('learning/save')).toHaveLength(1);
    });
    expect(callsTo('learning/save')[0]).toEqual({
      baseRevision: 0,
      draft: {
        hypothesis: 'We believe a yearly plan sells better.',
        learnings: [],
        outcome: 'open',
        confidence: null,
        tags: [],
        evidence: [],
      },
    });
    expect(await screen.findByText('We believe a yearly plan sells better.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Hypothesis' })).toBeNull();
  });

  it('adds learnings with Alt+N and Enter, flags one with Alt+S, and saves them with Ctrl+Enter', async () => {
    const user = userEvent.setup();
    panelOn(aRecord());
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.keyboard('{Alt>}n{/Alt}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Learning 1' }));
    await user.keyboard('Monthly buyers never look at the annual tab{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Learning 2' }));
    await user.keyboard('Half of trials start on a phone{Alt>}s{/Alt}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Learning 2 (surprise)' }));
    expect(screen.getByRole('button', { name: 'Surprise: learning 2' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Surprise: learning 1' }).getAttribute('aria-pressed')).toBe('false');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => {
      expect(callsTo('learning/save')).toHaveLength(1);
    });
    const sent = callsTo('learning/save')[0] as { baseRevision: number; draft: { learnings: unknown[] } };
    expect(sent.baseRevision).toBe(4);
    expect(sent.draft).toEqual({
      hypothesis: 'Annual billing will lift conversion.',
      learnings: [
        { id: expect.stringMatching(ID_RULE), text: 'Monthly buyers never look at the annual tab', surprise: false },
        { id: expect.stringMatching(ID_RULE), text: 'Half of trials start on a phone', surprise: true },
      ],
      outcome: 'open',
      confidence: null,
      tags: [],
      evidence: [],
    });
  });

  it('flags and unflags a surprise with its button', async () => {
    const user = userEvent.setup();
    panelOn(aRecord({ learnings: [anEntry(1)] }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const toggle = screen.getByRole('button', { name: 'Surprise: learning 1' });
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Learning 1 (surprise)' }).value).toBe('Learning number 1');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('textbox', { name: 'Learning 1' })).toBeTruthy();
  });

  it('says a record is full at 50 learnings instead of adding a 51st', async () => {
    const user = userEvent.setup();
    const fifty = Array.from({ length: 50 }, (_, i) => anEntry(i + 1));
    panelOn(aRecord({ learnings: fifty }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add a learning' }));

    expect(screen.getByRole('alert').textContent).toBe('A record holds at most 50 learnings: merge some, or remove old ones.');
    expect(screen.queryByRole('textbox', { name: 'Learning 51' })).toBeNull();
    const list = screen.getByRole('heading', { name: 'What we learned' }).parentElement as HTMLElement;
    expect(within(list).getAllByRole('textbox')).toHaveLength(50);
  });

  it('asks before discarding typed text, and sends nothing', async () => {
    const user = userEvent.setup();
    panelOn(aRecord());
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.type(screen.getByRole('textbox', { name: 'Hypothesis' }), ' Or not.');
    await user.keyboard('{Escape}');
    expect(screen.getByText('Discard your changes?')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(screen.getByText('Annual billing will lift conversion.')).toBeTruthy();
    expect(callsTo('learning/save')).toEqual([]);
  });
});

/**
 * The issue panel rendered against the fake bridge: a record as the backend
 * would answer it, and saves that answer with what was sent at the next revision.
 * Expected values in the tests are written out by hand, never computed here.
 */
import { render } from '@testing-library/react';
import type { PanelView } from '../../../src/contract/panel';
import type { LearningRecord, SizeReport } from '../../../src/domain/record/learning-record';
import { App } from '../../../static/issue-panel/src/app';
import { PeopleNamesProvider } from '../../../static/shared/people-names';
import { answer } from './fake-bridge';

export const SIZE: SizeReport = { used: 400, limit: 32768, remaining: 32368, level: 'ok' };

export function aRecord(change: Partial<LearningRecord> = {}): LearningRecord {
  return {
    schemaVersion: 2,
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

export function anEntry(n: number, text = `Learning number ${n}`) {
  return {
    id: `e${n}`,
    text,
    surprise: false,
    authorAccountId: 'acc-1',
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
  };
}

/**
 * The panel on an issue whose stored record is `record`, seen by acc-1 (an editor unless `view` says otherwise),
 * inside the frame's names directory as static/issue-panel/src/main.tsx mounts it.
 */
export function panelOn(record: LearningRecord | null, view: Partial<PanelView> = {}) {
  answer('learning/get', () => ({
    ok: true,
    value: {
      issue: { id: '10001', key: 'FLEX-7', summary: 'Annual billing' },
      record,
      unreadable: null,
      canEdit: true,
      viewerAccountId: 'acc-1',
      size: SIZE,
      names: null,
      ...view,
    },
  }));
  answer('learnedBefore/find', () => ({ ok: true, value: { items: [], candidates: 0 } }));
  answer('learnedBefore/listReuses', () => ({ ok: true, value: { total: 0, visible: [], hiddenCount: 0 } }));
  answer('people/lookup', () => ({ ok: true, value: { names: {} } }));
  answer('goals/forIssue', () => ({ ok: true, value: { goals: [] } }));
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
  render(
    <PeopleNamesProvider>
      <App />
    </PeopleNamesProvider>,
  );
}

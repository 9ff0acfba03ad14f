import type { ConflictDetails } from '../../src/contract/resolvers';
import type { LearningDraft, LearningRecord } from '../../src/domain/record/learning-record';
import { mergeDrafts } from '../../src/domain/record/merge-learnings';
import {
  allChosen,
  choose,
  chooseAll,
  conflictSideText,
  isConflictDetails,
  resolvedDraftOf,
  resolvedSaveOf,
} from '../../static/issue-panel/src/state/conflicts';

const base: LearningDraft = {
  hypothesis: 'Flex reduces drop-off.',
  learnings: [{ id: 'l1', text: 'Spain engaged more.', surprise: false }],
  outcome: 'open',
  confidence: null,
  tags: ['pricing'],
  evidence: [],
};
const mine: LearningDraft = {
  ...base,
  hypothesis: 'Flex reduces drop-off in low-price journeys.',
  learnings: [
    { id: 'l1', text: 'Spain engaged more, even without buying.', surprise: false },
    { id: 'm1', text: 'Mine', surprise: true },
  ],
  outcome: 'validated',
};
const theirs: LearningDraft = {
  ...base,
  hypothesis: 'Flex reduces drop-off under €50.',
  learnings: [
    { id: 'l1', text: 'Spain engaged more (+12%).', surprise: true },
    { id: 't1', text: 'Theirs', surprise: false },
  ],
  outcome: 'validated',
  tags: ['pricing', 'spain'],
};
const current: LearningRecord = {
  schemaVersion: 2,
  ...theirs,
  learnings: theirs.learnings.map((e) => ({
    ...e,
    authorAccountId: 'other',
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-02T00:00:00Z',
  })),
  revision: 7,
  updatedAt: '2026-11-02T00:00:00Z',
  updatedBy: 'other',
};

function details(): ConflictDetails {
  const result = mergeDrafts(base, mine, theirs);
  if (result.kind !== 'conflict') throw new Error('expected a conflict');
  return { conflicts: result.conflicts, merged: result.merged, current };
}

describe('resolving conflicts', () => {
  it('the example has a hypothesis and a learning conflict', () => {
    expect(details().conflicts.map((c) => c.kind)).toEqual(['hypothesis', 'learning']);
  });

  it('needs a choice for every conflict before saving', () => {
    const d = details();
    expect(allChosen(d, [])).toBe(false);
    expect(allChosen(d, choose([], 0, 'mine'))).toBe(false);
    expect(allChosen(d, choose(choose([], 0, 'mine'), 1, 'theirs'))).toBe(true);
    expect(allChosen(d, chooseAll(d, 'mine'))).toBe(true);
  });

  it('choose does not change the previous choices array', () => {
    const first = choose([], 0, 'mine');
    const second = choose(first, 0, 'theirs');
    expect(first).toEqual(['mine']);
    expect(second).toEqual(['theirs']);
  });

  it('"mine" everywhere keeps my versions and everyone’s additions', () => {
    const draft = resolvedDraftOf(details(), chooseAll(details(), 'mine'));
    expect(draft.hypothesis).toBe(mine.hypothesis);
    expect(draft.learnings.find((e) => e.id === 'l1')).toEqual(mine.learnings[0]);
    expect(draft.learnings.map((e) => e.id).sort()).toEqual(['l1', 'm1', 't1']);
    expect(draft.tags).toEqual(['pricing', 'spain']);
  });

  it('mixed choices apply per conflict', () => {
    const d = details();
    const draft = resolvedDraftOf(d, ['theirs', 'mine']);
    expect(draft.hypothesis).toBe(theirs.hypothesis);
    expect(draft.learnings.find((e) => e.id === 'l1')?.text).toBe('Spain engaged more, even without buying.');
  });

  it('saves the resolved draft against the stored revision', () => {
    const d = details();
    const save = resolvedSaveOf(d, chooseAll(d, 'theirs'));
    expect(save.baseRevision).toBe(7);
    expect(save.draft.hypothesis).toBe(theirs.hypothesis);
  });

  it('describes each side as text', () => {
    const [hypothesis, learning] = details().conflicts;
    expect(conflictSideText(hypothesis!, 'mine')).toBe(mine.hypothesis);
    expect(conflictSideText(learning!, 'theirs')).toBe('Spain engaged more (+12%). — marked as a surprise');
    expect(conflictSideText({ kind: 'confidence', mine: null, theirs: 'high' }, 'mine')).toBe('not set');
  });

  it('recognises CONFLICT details and nothing else', () => {
    expect(isConflictDetails(details())).toBe(true);
    expect(isConflictDetails({ size: {} })).toBe(false);
    expect(isConflictDetails(null)).toBe(false);
  });
});

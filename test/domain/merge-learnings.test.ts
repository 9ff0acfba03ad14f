import { type LearningDraft } from '../../src/domain/record/learning-record';
import { mergeDrafts, resolveConflict } from '../../src/domain/record/merge-learnings';
import { FLEX_112_DRAFT, aDraft, anEntry } from '../support/learning-mother';

function edit(draft: LearningDraft, change: (d: LearningDraft) => void): LearningDraft {
  const copy = structuredClone(draft);
  change(copy);
  return copy;
}

describe("merging two people's edits", () => {
  const base = FLEX_112_DRAFT();

  it('keeps the entries both people added', () => {
    const mine = edit(base, (d) => d.learnings.push(anEntry('mine', false, 'm1')));
    const theirs = edit(base, (d) => d.learnings.push(anEntry('theirs', true, 't1')));
    const result = mergeDrafts(base, mine, theirs);
    expect(result.kind).toBe('merged');
    if (result.kind !== 'merged') return;
    expect(result.draft.learnings.map((e) => e.text)).toEqual([...base.learnings.map((e) => e.text), 'theirs', 'mine']);
  });

  it('takes a field changed by one side only', () => {
    const mine = edit(base, (d) => (d.outcome = 'validated'));
    const theirs = edit(base, (d) => (d.hypothesis = 'Sharper hypothesis'));
    const result = mergeDrafts(base, mine, theirs);
    expect(result).toMatchObject({ kind: 'merged', draft: { outcome: 'validated', hypothesis: 'Sharper hypothesis' } });
  });

  it('merges inside one entry: my surprise flag and their text both survive', () => {
    const id = base.learnings[1]!.id;
    const mine = edit(base, (d) => (d.learnings[1]!.surprise = true));
    const theirs = edit(base, (d) => (d.learnings[1]!.text = 'Labels matter more than the refund amount.'));
    const result = mergeDrafts(base, mine, theirs);
    expect(result.kind).toBe('merged');
    if (result.kind !== 'merged') return;
    expect(result.draft.learnings.find((e) => e.id === id)).toEqual({
      id,
      text: 'Labels matter more than the refund amount.',
      surprise: true,
    });
  });

  it('reports a conflict when both change the same field differently, with both versions', () => {
    const mine = edit(base, (d) => (d.hypothesis = 'Mine'));
    const theirs = edit(base, (d) => (d.hypothesis = 'Theirs'));
    const result = mergeDrafts(base, mine, theirs);
    expect(result).toMatchObject({ kind: 'conflict', conflicts: [{ kind: 'hypothesis', mine: 'Mine', theirs: 'Theirs' }] });
    if (result.kind !== 'conflict') return;
    expect(result.merged.hypothesis).toBe('Theirs');
    expect(resolveConflict(result.merged, result.conflicts[0]!, 'mine').hypothesis).toBe('Mine');
  });

  it("reports an entry both edited differently, and applies the person's choice", () => {
    const id = base.learnings[0]!.id;
    const mine = edit(base, (d) => (d.learnings[0]!.text = 'Mine'));
    const theirs = edit(base, (d) => (d.learnings[0]!.text = 'Theirs'));
    const result = mergeDrafts(base, mine, theirs);
    expect(result.kind).toBe('conflict');
    if (result.kind !== 'conflict') return;
    expect(result.conflicts).toEqual([{ kind: 'learning', id, mine: mine.learnings[0], theirs: theirs.learnings[0] }]);
    expect(resolveConflict(result.merged, result.conflicts[0]!, 'mine').learnings[0]?.text).toBe('Mine');
  });

  it('keeps an entry one side deleted and the other edited: the edit wins over the delete', () => {
    const mine = edit(base, (d) => d.learnings.splice(0, 1));
    const theirs = edit(base, (d) => (d.learnings[0]!.text = 'Edited'));
    const result = mergeDrafts(base, mine, theirs);
    expect(result.kind === 'merged' && result.draft.learnings.map((e) => e.text)).toEqual(['Edited', base.learnings[1]!.text]);
    const reversed = mergeDrafts(base, theirs, mine);
    expect(reversed.kind === 'merged' && reversed.draft.learnings.map((e) => e.text)).toEqual(['Edited', base.learnings[1]!.text]);
  });

  it('deletes an entry one side deleted and the other left alone', () => {
    const mine = edit(base, (d) => d.learnings.splice(0, 1));
    const result = mergeDrafts(base, mine, base);
    expect(result.kind === 'merged' && result.draft.learnings).toHaveLength(1);
  });

  it('merges tags as sets: additions from both, removals from either', () => {
    const mine = edit(base, (d) => (d.tags = ['pricing', 'spain']));
    const theirs = edit(base, (d) => (d.tags = ['pricing', 'refunds', 'labels']));
    const result = mergeDrafts(base, mine, theirs);
    expect(result.kind === 'merged' && result.draft.tags).toEqual(['pricing', 'labels', 'spain']);
  });

  it('without a known base, keeps everything from both and reports every differing field', () => {
    const mine = aDraft().withHypothesis('A').withLearning('one', { id: 'x1' }).build();
    const theirs = aDraft().withHypothesis('B').withLearning('two', { id: 'x2' }).build();
    const result = mergeDrafts(null, mine, theirs);
    expect(result.kind).toBe('conflict');
    if (result.kind !== 'conflict') return;
    expect(result.conflicts.map((c) => c.kind)).toEqual(['hypothesis']);
    expect(result.merged.learnings.map((e) => e.id).sort()).toEqual(['x1', 'x2']);
  });

  it('is a no-op merge when both sides are the same', () => {
    expect(mergeDrafts(base, base, base)).toEqual({ kind: 'merged', draft: base });
  });
});

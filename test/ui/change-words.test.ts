import { changeLines, contentLine } from '../../static/issue-panel/src/state/change-words';

describe('a revision’s changes in words', () => {
  it('quotes learnings apart from the words, and names outcome, confidence, tags and evidence', () => {
    expect(
      changeLines({
        list: [
          { kind: 'hypothesisEdited' },
          { kind: 'learningAdded', excerpt: 'Support tickets halved.' },
          { kind: 'surpriseUnflagged', excerpt: 'Labeling matters…' },
          { kind: 'outcomeChanged', from: 'open', to: 'invalidated' },
        ],
        more: 0,
      }),
    ).toEqual([
      { words: 'Hypothesis edited', quote: null },
      { words: 'Learning added', quote: 'Support tickets halved.' },
      { words: 'No longer a surprise', quote: 'Labeling matters…' },
      { words: 'Outcome changed from Open to Invalidated', quote: null },
    ]);
    expect(
      changeLines({
        list: [
          { kind: 'confidenceChanged', from: null, to: 'high' },
          { kind: 'tagsAdded', tags: ['spain', 'flex', 'mobile'], count: 4 },
          { kind: 'tagsRemoved', tags: ['pricing'], count: 1 },
          { kind: 'evidenceAdded', count: 2 },
        ],
        more: 3,
      }),
    ).toEqual([
      { words: 'Confidence set to High', quote: null },
      { words: 'Tags added: spain, flex, mobile and 1 more', quote: null },
      { words: 'Tag removed: pricing', quote: null },
      { words: '2 evidence links added', quote: null },
      { words: 'and 3 more changes', quote: null },
    ]);
  });

  it('says the rest of the kinds plainly', () => {
    expect(
      changeLines({
        list: [
          { kind: 'hypothesisWritten' },
          { kind: 'learningAdded', excerpt: 'Wow', surprise: true },
          { kind: 'learningRemoved', excerpt: 'Old' },
          { kind: 'learningEdited', excerpt: 'New' },
          { kind: 'surpriseFlagged', excerpt: 'Wow' },
        ],
        more: 1,
      }).map((l) => l.words),
    ).toEqual([
      'Hypothesis written',
      'Surprise added',
      'Learning removed',
      'Learning edited',
      'Flagged as a surprise',
      'and 1 more change',
    ]);
    expect(
      changeLines({
        list: [
          { kind: 'hypothesisCleared' },
          { kind: 'confidenceChanged', from: 'low', to: null },
          { kind: 'confidenceChanged', from: 'low', to: 'medium' },
          { kind: 'evidenceRemoved', count: 1 },
        ],
        more: 0,
      }).map((l) => l.words),
    ).toEqual(['Hypothesis cleared', 'Confidence removed (was Low)', 'Confidence changed from Low to Medium', '1 evidence link removed']);
  });

  it('says when a save changed nothing, and what an older revision held', () => {
    expect(changeLines({ list: [], more: 0 })).toEqual([{ words: 'No changes to the content', quote: null }]);
    expect(contentLine({ learningCount: 3, surpriseCount: 1, outcome: 'validated' })).toBe('3 learnings · 1 surprise · validated');
  });
});

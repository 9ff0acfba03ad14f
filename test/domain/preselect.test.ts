/** The first round of "Learned before": which of every match are read in full, and the word weights over all of them. */
import { preselect } from '../../src/domain/learned-before/preselect';
import { learnedBeforeQueryOf } from '../../src/domain/learned-before/relevance-query';

describe('preselect', () => {
  const query = learnedBeforeQueryOf({ text: 'refund labels', tags: ['pricing'] });
  const matches = {
    // Jira's order: most recently updated first.
    terms: [
      { stem: 'refund', ids: ['a', 'b', 'c'] },
      { stem: 'label', ids: ['b', 'c', 'd'] },
    ],
    tagged: ['e'],
  };

  it('keeps issues mentioning two of the words, or sharing a tag, best weighted then most recent first', () => {
    // Five matches; each word in three of them, so equal weights: b and c mention both (b more recently), e shares a tag.
    expect(preselect(query, matches, 10).ids).toEqual(['b', 'c', 'e']);
    expect(preselect(query, matches, 2).ids).toEqual(['b', 'c']);
  });

  it('counts how many of every match mention each word', () => {
    const { corpus } = preselect(query, matches, 10);
    expect(corpus.size).toBe(5);
    expect(Object.fromEntries(corpus.documentFrequency)).toEqual({ refund: 3, label: 3 });
  });

  it('weighs a rare word above a common one', () => {
    const skewed = {
      terms: [
        { stem: 'refund', ids: ['a', 'b', 'c', 'd', 'f', 'g'] },
        { stem: 'label', ids: ['a', 'b', 'c', 'd', 'f', 'g', 'h', 'i'] },
        { stem: 'badge', ids: ['h'] },
      ],
      tagged: [],
    };
    const three = learnedBeforeQueryOf({ text: 'refund labels badge', tags: [] });
    // h mentions the rare "badge" and "label"; a mentions the two common words and is more recent.
    expect(preselect(three, skewed, 1).ids).toEqual(['h']);
  });

  it('lets a single word count when the question has only one', () => {
    const one = learnedBeforeQueryOf({ text: 'refund', tags: [] });
    expect(preselect(one, { terms: [{ stem: 'refund', ids: ['x', 'y'] }], tagged: [] }, 5).ids).toEqual(['x', 'y']);
  });
});

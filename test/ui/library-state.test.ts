/** The library page's pure logic: filter changes, whether anything filters, tags typed and suggested. Expectations written by hand. */
import { isFiltered, NO_FILTERS, tagSuggestions, toggled, withTag } from '../../static/library/src/state/library-state';
import { aDraft } from '../support/learning-mother';
import { aCard } from './macro-fixtures';

const tagged = (n: number, tags: string[]) => aCard(n, { draft: { ...aDraft().withLearning(`Learning ${n}`).build(), tags } });

describe('library filters', () => {
  it('toggles a value in and out of a list', () => {
    expect(toggled(['FLEX'], 'CHK')).toEqual(['FLEX', 'CHK']);
    expect(toggled(['FLEX', 'CHK'], 'FLEX')).toEqual(['CHK']);
  });

  it('says whether anything narrows the library', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, text: '   ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, text: 'refund' })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, period: '30d' })).toBe(true);
    // "Most reused" lists only the learnings that helped a ticket: the empty state offers to clear it.
    expect(isFiltered({ ...NO_FILTERS, sort: 'reused' })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, surprisesOnly: true })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, tags: ['pricing'] })).toBe(true);
  });

  it('adds a typed tag as the panel stores it, once, and at most ten', () => {
    expect(withTag(NO_FILTERS, '  Pricing Page ').tags).toEqual(['pricing-page']);
    const once = withTag(NO_FILTERS, 'pricing');
    expect(withTag(once, 'PRICING')).toBe(once);
    expect(withTag(NO_FILTERS, '   ')).toBe(NO_FILTERS);
    expect(withTag(NO_FILTERS, 'x'.repeat(41))).toBe(NO_FILTERS);
    const ten = { ...NO_FILTERS, tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] };
    expect(withTag(ten, 'k')).toBe(ten);
  });

  it('suggests tags of the loaded cards that start with what is typed, most used first, not yet picked', () => {
    const cards = [tagged(1, ['pricing', 'refunds']), tagged(2, ['pricing', 'checkout']), tagged(3, ['privacy', 'refunds', 'pricing'])];
    expect(tagSuggestions(cards, '', [])).toEqual(['pricing', 'refunds', 'checkout', 'privacy']);
    expect(tagSuggestions(cards, 'PR', [])).toEqual(['pricing', 'privacy']);
    expect(tagSuggestions(cards, 'pr', ['pricing'])).toEqual(['privacy']);
    expect(tagSuggestions(cards, '', [], 2)).toEqual(['pricing', 'refunds']);
  });
});

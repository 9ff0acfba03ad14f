import { tagProblem, normaliseTags } from '../../src/domain/record/learning-record';
import { problemWith } from '../../src/domain/record/record-schema';
import { normaliseTag, shortenText, sliceText, textLength } from '../../src/domain/record/text';
import { aDraft } from '../support/learning-mother';

describe('one definition of text length, for the panel and the backend', () => {
  it('counts code points: an emoji is one, as an accented letter is', () => {
    expect(textLength('😀'.repeat(2000))).toBe(2000);
    expect('😀'.repeat(2000).length).toBe(4000); // what a textarea's .length says
    expect(textLength('é')).toBe(1);
  });

  it('accepts 2,000 emoji as a learning and refuses 2,001, in the schema the backend uses', () => {
    expect(problemWith(aDraft().withLearning('😀'.repeat(2000)).build())).toBeNull();
    expect(problemWith(aDraft().withLearning('😀'.repeat(2001)).build())).toMatch(/at most 2000 characters/);
  });

  it('slices without splitting a character', () => {
    const cut = sliceText(`${'a'.repeat(199)}😀😀`, 200);
    expect(textLength(cut)).toBe(200);
    expect(cut.endsWith('😀')).toBe(true);
    expect(/[\ud800-\udbff]$/.test(sliceText('😀😀', 1))).toBe(false);
    expect(shortenText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });
});

describe('tags: one tag for what looks the same', () => {
  it('folds case (Greek final sigma too), width and invisible characters', () => {
    expect(normaliseTag('ΟΔΟΣ')).toBe(normaliseTag('οδοσ'));
    expect(normaliseTag('ｐｒｉｃｉｎｇ')).toBe('pricing');
    expect(normaliseTag('pri\u200bcing')).toBe('pricing');
    expect(normaliseTag('\u202epricing\u202c')).toBe('pricing');
    expect(normaliseTag('a\u0000b\u001f')).toBe('ab');
    expect(normaliseTags(['Pricing', 'pricing', 'PRICING ', '\u200b'])).toEqual(['pricing']);
  });

  it('measures a tag as it will be stored, so what the panel accepts the backend accepts', () => {
    expect(tagProblem('İ'.repeat(40))).toMatch(/at most 40/); // lower-cases to two code points each
    expect(problemWith(aDraft().withTags('İ'.repeat(40)).build())).toMatch(/at most 40/);
    expect(tagProblem('\u200b\u0000')).toMatch(/visible/);
    expect(tagProblem('pricing')).toBeNull();
  });
});

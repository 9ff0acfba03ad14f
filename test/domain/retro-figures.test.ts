import { isBlankNote, normaliseNoteText, readStoredNote } from '../../src/domain/retro/retro-notes';
import { compareFigures, figuresOf, hasSurprise, surprisesOf } from '../../src/domain/retro/retro-surprises';
import { aDraft } from '../support/learning-mother';
import { aCard, FLEX_112_CARD } from '../support/retro-mother';

const flex = FLEX_112_CARD();
const plain = aCard(
  'FLEX-113',
  aDraft().withHypothesis('Shorter copy converts better.').withLearning('It did.').withOutcome('invalidated').build(),
);
const noHypothesis = aCard('FLEX-114', aDraft().withLearning('Found by accident.').build());

describe('surprises of a sprint', () => {
  it('gives one surprise per surprising entry, keyed by issue and entry', () => {
    const surprises = surprisesOf([flex, plain, noHypothesis]);
    expect(surprises.map((s) => s.entry.text)).toEqual([
      "Customers in Spain engaged more, even if they didn't buy.",
      'Italy did not care at all.',
    ]);
    expect(surprises[0]!.key).toBe(`${flex.issue.id}:${flex.record.learnings[0]!.id}`);
    expect(hasSurprise(flex)).toBe(true);
    expect(hasSurprise(plain)).toBe(false);
  });
});

describe("the sprint's figures", () => {
  it('counts issues with a hypothesis, learnings, surprises and outcomes', () => {
    expect(figuresOf([flex, plain, noHypothesis])).toEqual({
      issues: 3,
      withHypothesis: 2,
      learnings: 5,
      surprises: 2,
      outcomes: { open: 1, validated: 1, invalidated: 1, inconclusive: 0 },
    });
  });

  it('compares with the previous sprint, or says there is none', () => {
    const now = figuresOf([flex, plain]);
    const before = figuresOf([noHypothesis]);
    expect(compareFigures(now, before)).toEqual([
      { name: 'withHypothesis', current: 2, previous: 0, change: 2 },
      { name: 'learnings', current: 4, previous: 1, change: 3 },
      { name: 'surprises', current: 2, previous: 0, change: 2 },
      { name: 'decided', current: 2, previous: 0, change: 2 },
    ]);
    expect(compareFigures(now, null).every((f) => f.previous === null && f.change === null)).toBe(true);
  });

  it('has all zeros for an empty sprint', () => {
    expect(figuresOf([])).toEqual({
      issues: 0,
      withHypothesis: 0,
      learnings: 0,
      surprises: 0,
      outcomes: { open: 0, validated: 0, invalidated: 0, inconclusive: 0 },
    });
  });
});

describe('retro notes', () => {
  it('keeps line breaks, drops control characters and surrounding space', () => {
    expect(normaliseNoteText('  Label first.\r\nThen price.\u0007  ')).toBe('Label first.\nThen price.');
  });

  it('keeps nothing for an undiscussed empty note', () => {
    expect(isBlankNote({ discussed: false, note: '' })).toBe(true);
    expect(isBlankNote({ discussed: true, note: '' })).toBe(false);
  });

  it('reads what is stored tolerantly: foreign values read as absent, long ones are cut', () => {
    expect(readStoredNote({ discussed: true, note: 'ok', updatedAt: 't', updatedBy: 'a' })).toEqual({
      discussed: true,
      note: 'ok',
      updatedAt: 't',
      updatedBy: 'a',
    });
    expect(readStoredNote({ discussed: 'yes', note: 'ok' })).toBeNull();
    expect(readStoredNote('text')).toBeNull();
    expect(readStoredNote(null)).toBeNull();
    expect(readStoredNote({ discussed: false, note: 'x'.repeat(900) })!.note).toHaveLength(500);
  });
});

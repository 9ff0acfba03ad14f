import { changesBetween } from '../../src/domain/record/revision-changes';

type Compared = Parameters<typeof changesBetween>[1];

const entry = (id: string, text: string, surprise = false) => ({
  id,
  text,
  surprise,
  authorAccountId: 'alice',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
});

const record = (change: Partial<Compared> = {}): Compared => ({
  hypothesis: 'Offering refunds will reduce drop-off.',
  learnings: [entry('a', 'Customers in Spain engaged more.'), entry('b', 'Labeling matters more than refund amount.', true)],
  outcome: 'open',
  confidence: null,
  tags: ['pricing', 'refunds'],
  evidence: [{ id: 'v1', url: 'https://example.com/dashboard', title: 'Dashboard' }],
  ...change,
});

describe('what a revision changed', () => {
  it('names nothing when nothing changed', () => {
    expect(changesBetween(record(), record())).toEqual({ list: [], more: 0 });
  });

  it('says the hypothesis was written, edited or cleared, without quoting it', () => {
    expect(changesBetween(record({ hypothesis: '' }), record()).list).toEqual([{ kind: 'hypothesisWritten' }]);
    expect(changesBetween(record(), record({ hypothesis: 'Refunds change nothing.' })).list).toEqual([{ kind: 'hypothesisEdited' }]);
    expect(changesBetween(record(), record({ hypothesis: '  ' })).list).toEqual([{ kind: 'hypothesisCleared' }]);
  });

  it('quotes a short excerpt of each learning added, edited or removed, matched by id', () => {
    const before = record();
    const after = record({
      learnings: [
        entry('a', 'Customers in Spain engaged more, even if they did not buy anything at all.'),
        entry('c', 'Support tickets\n  halved.'),
      ],
    });
    expect(changesBetween(before, after)).toEqual({
      list: [
        { kind: 'learningEdited', excerpt: 'Customers in Spain engaged more, even if they d…' },
        { kind: 'learningAdded', excerpt: 'Support tickets halved.' },
        { kind: 'learningRemoved', excerpt: 'Labeling matters more than refund amount.' },
      ],
      more: 0,
    });
  });

  it('says a surprise was flagged or unflagged, and a new surprise was added as one', () => {
    const before = record();
    const after = record({
      learnings: [entry('a', 'Customers in Spain engaged more.', true), entry('b', 'Labeling matters more than refund amount.')],
    });
    expect(changesBetween(before, after).list).toEqual([
      { kind: 'surpriseFlagged', excerpt: 'Customers in Spain engaged more.' },
      { kind: 'surpriseUnflagged', excerpt: 'Labeling matters more than refund amount.' },
    ]);
    expect(
      changesBetween(null, record({ hypothesis: '', learnings: [entry('n', 'Nobody read the banner.', true)], tags: [], evidence: [] }))
        .list,
    ).toEqual([{ kind: 'learningAdded', excerpt: 'Nobody read the banner.', surprise: true }]);
  });

  it('gives the outcome and the confidence from and to', () => {
    expect(changesBetween(record(), record({ outcome: 'invalidated', confidence: 'high' })).list).toEqual([
      { kind: 'outcomeChanged', from: 'open', to: 'invalidated' },
      { kind: 'confidenceChanged', from: null, to: 'high' },
    ]);
  });

  it('names up to three tags added or removed and counts them all', () => {
    const after = record({ tags: ['refunds', 'spain', 'flex', 'mobile', 'labels'] });
    expect(changesBetween(record(), after).list).toEqual([
      { kind: 'tagsAdded', tags: ['spain', 'flex', 'mobile'], count: 4 },
      { kind: 'tagsRemoved', tags: ['pricing'], count: 1 },
    ]);
  });

  it('counts evidence links by address and never quotes them', () => {
    const after = record({
      evidence: [
        { id: 'v1', url: 'https://example.com/dashboard', title: 'Renamed dashboard' },
        { id: 'v2', url: 'https://example.com/CHK-42', title: 'CHK-42 secret summary' },
        { id: 'v3', url: 'https://example.com/survey', title: 'Survey' },
      ],
    });
    expect(changesBetween(record(), after).list).toEqual([{ kind: 'evidenceAdded', count: 2 }]);
    expect(changesBetween(after, record({ evidence: [] })).list).toEqual([{ kind: 'evidenceRemoved', count: 3 }]);
  });

  it('keeps the first four changes and counts the rest', () => {
    const before = record({ hypothesis: '', learnings: [], outcome: 'validated', tags: [], evidence: [] });
    expect(changesBetween(before, record())).toEqual({
      list: [
        { kind: 'hypothesisWritten' },
        { kind: 'learningAdded', excerpt: 'Customers in Spain engaged more.' },
        { kind: 'learningAdded', excerpt: 'Labeling matters more than refund amount.', surprise: true },
        { kind: 'outcomeChanged', from: 'validated', to: 'open' },
      ],
      more: 2,
    });
  });
});

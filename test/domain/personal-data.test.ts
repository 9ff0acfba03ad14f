/** Account ids in stored values: found in the account fields and in a record's indexed authors, and erased from both. */
import { accountIdsIn, FORMER_USER, withoutAccount } from '../../src/domain/privacy/personal-data';
import { readStoredProperty } from '../../src/domain/record/record-schema';

const stored = {
  revision: 3,
  savedBy: 'acc-bob',
  value: {
    updatedBy: 'acc-alice',
    learnings: [
      { id: 'a', text: 'By alice.', authorAccountId: 'acc-alice' },
      { id: 'b', text: 'By bob.', authorAccountId: 'acc-bob' },
    ],
    index: { count: 2, authors: ['acc-alice', 'acc-bob'] },
  },
};

describe('personal data in stored values', () => {
  it('finds the ids of the account fields and of the indexed authors', () => {
    expect(accountIdsIn(stored).sort()).toEqual(['acc-alice', 'acc-bob']);
    expect(accountIdsIn({ index: { authors: ['acc-carol', FORMER_USER] } })).toEqual(['acc-carol']);
  });

  it("erases a closed account's id everywhere, the indexed authors included, and leaves the rest", () => {
    const { value, changed } = withoutAccount(stored, 'acc-bob');
    expect(changed).toBe(true);
    expect(value.savedBy).toBe(FORMER_USER);
    expect(value.value.learnings.map((l) => l.authorAccountId)).toEqual(['acc-alice', FORMER_USER]);
    expect(value.value.index.authors).toEqual(['acc-alice', FORMER_USER]);
    expect(accountIdsIn(value)).toEqual(['acc-alice']);
    expect(withoutAccount(stored, 'acc-dan')).toEqual({ value: stored, changed: false });
  });

  describe('in a revision kept in the stored format version 2 (authors named only in index.authors)', () => {
    const at = '2026-11-02T10:00:00Z';
    const keptV2 = {
      revision: 3,
      savedAt: at,
      savedBy: 'acc-bob',
      value: {
        schemaVersion: 2,
        hypothesis: 'h',
        learnings: [
          { id: 'a', t: 'By alice.', a: 0, c: at },
          { id: 'b', t: 'By bob.', s: true, a: 1, c: at },
          { id: 'c', t: 'By carol.', a: 2, c: at },
        ],
        outcome: 'open',
        confidence: null,
        tags: [],
        evidence: [],
        revision: 3,
        updatedAt: at,
        updatedBy: 'acc-bob',
        index: { surprise: 'true', count: 3, surpriseCount: 1, authors: ['acc-alice', 'acc-bob', 'acc-carol'] },
      },
    };
    const authorsRead = (value: unknown): string[] => {
      const reading = readStoredProperty(value);
      if (reading.kind !== 'record') throw new Error(`read as ${reading.kind}`);
      return reading.record.learnings.map((l) => l.authorAccountId);
    };

    it('finds every author', () => {
      expect(accountIdsIn(keptV2).sort()).toEqual(['acc-alice', 'acc-bob', 'acc-carol']);
    });

    it("replaces the id in place, so each learning's author index still points at its author", () => {
      const { value, changed } = withoutAccount(keptV2, 'acc-bob');
      expect(changed).toBe(true);
      expect(value.savedBy).toBe(FORMER_USER);
      expect(value.value.index.authors).toEqual(['acc-alice', FORMER_USER, 'acc-carol']);
      expect(value.value.learnings).toEqual(keptV2.value.learnings);
      expect(authorsRead(value.value)).toEqual(['acc-alice', FORMER_USER, 'acc-carol']);
    });

    it('stays readable when two erased authors both become the former user', () => {
      const twice = withoutAccount(withoutAccount(keptV2, 'acc-bob').value, 'acc-alice').value;
      expect(twice.value.index.authors).toEqual([FORMER_USER, FORMER_USER, 'acc-carol']);
      expect(authorsRead(twice.value)).toEqual([FORMER_USER, FORMER_USER, 'acc-carol']);
      expect(accountIdsIn(twice)).toEqual(['acc-carol']);
    });
  });
});

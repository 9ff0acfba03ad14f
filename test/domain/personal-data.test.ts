/** Account ids in stored values: found in the account fields and in a record's indexed authors, and erased from both. */
import { accountIdsIn, FORMER_USER, withoutAccount } from '../../src/domain/privacy/personal-data';

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
});

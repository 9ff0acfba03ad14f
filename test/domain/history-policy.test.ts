import { revisionsToPrune, type HistoryEntry } from '../../src/domain/record/history-policy';

const entry = (revision: number, savedBy: string, day: string): HistoryEntry => ({
  revision,
  savedAt: `${day}T10:00:00Z`,
  savedBy,
  summary: { learningCount: 0, surpriseCount: 0, outcome: 'open', hypothesis: '', unreadable: false },
});

describe('what history keeps', () => {
  it('51 trivial saves by one editor do not erase what others wrote', () => {
    const others = [entry(1, 'alice', '2026-11-01'), entry(2, 'bob', '2026-11-02'), entry(3, 'carol', '2026-11-03')];
    const flood = Array.from({ length: 51 }, (_, i) => entry(4 + i, 'mallory', '2026-11-20'));
    const prune = new Set(revisionsToPrune([...others, ...flood], { newest: 30, ceiling: 60, prunedLog: 50 }));
    for (const kept of others) expect(prune.has(kept.revision)).toBe(false);
    // The flood itself is what goes: only its newest 30 stay.
    expect(prune.size).toBe(21);
    expect([...prune].every((r) => r >= 4 && r < 25)).toBe(true);
  });

  it("keeps the newest N, then each author's newest and each day's last, up to the ceiling", () => {
    const days = Array.from({ length: 10 }, (_, i) => entry(i + 1, 'alice', `2026-10-${String(i + 10).padStart(2, '0')}`));
    const prune = revisionsToPrune(days, { newest: 3, ceiling: 6, prunedLog: 10 });
    expect(prune.sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
  });
});

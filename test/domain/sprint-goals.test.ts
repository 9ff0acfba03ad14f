/** Sprint learning goals: limits (characters, counts, bytes), the three-way merge by goal id, carry-over. */
import { carryOver } from '../../src/domain/sprint-goals/carry-over';
import { goalsProblem, goalsSizeOf, type SprintGoal } from '../../src/domain/sprint-goals/goals-document';
import { readStoredGoals } from '../../src/domain/sprint-goals/goals-schema';
import { mergeGoals } from '../../src/domain/sprint-goals/merge-goals';

const goal = (id: string, over: Partial<SprintGoal> = {}): SprintGoal => ({
  id,
  question: `Does ${id} matter?`,
  ownerAccountId: null,
  issueKeys: [],
  answer: 'open',
  answerNote: '',
  carriedFrom: null,
  carriedTo: null,
  ...over,
});

describe('limits', () => {
  it('takes 0 to 5 goals and refuses a sixth', () => {
    expect(goalsProblem([])).toBeNull();
    expect(goalsProblem(['a', 'b', 'c', 'd', 'e'].map((id) => goal(id)))).toBeNull();
    expect(goalsProblem(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => goal(id)))).toBe('A sprint may have at most 5 learning goals.');
  });

  it('counts a question in characters (an emoji is one), 1 to 300', () => {
    expect(goalsProblem([goal('a', { question: '😀'.repeat(300) })])).toBeNull();
    expect(goalsProblem([goal('a', { question: '😀'.repeat(301) })])).toBe('Goal 1: a question may be at most 300 characters.');
    expect(goalsProblem([goal('a'), goal('b', { question: '   ' })])).toBe('Goal 2 needs a question: what do you hope to learn?');
  });

  it('asks what was learned instead when a goal is partly or not answered, up to 1,000 characters', () => {
    expect(goalsProblem([goal('a', { answer: 'answered' })])).toBeNull();
    expect(goalsProblem([goal('a', { answer: 'partly' })])).toBe('Goal 1 is partly answered: say what you learned instead.');
    expect(goalsProblem([goal('a', { answer: 'not-answered', answerNote: ' ' })])).toBe(
      'Goal 1 is not answered: say what you learned instead.',
    );
    expect(goalsProblem([goal('a', { answer: 'partly', answerNote: 'x'.repeat(1000) })])).toBeNull();
    expect(goalsProblem([goal('a', { answer: 'partly', answerNote: 'x'.repeat(1001) })])).toBe(
      'Goal 1: the answer may be at most 1000 characters.',
    );
  });

  it('links at most 10 tickets, each an issue key, none twice', () => {
    const keys = Array.from({ length: 10 }, (_, i) => `FLEX-${i + 1}`);
    expect(goalsProblem([goal('a', { issueKeys: keys })])).toBeNull();
    expect(goalsProblem([goal('a', { issueKeys: [...keys, 'FLEX-11'] })])).toBe('Goal 1 may link at most 10 tickets.');
    expect(goalsProblem([goal('a', { issueKeys: ['flex 1'] })])).toBe('Goal 1: "flex 1" is not an issue key (like ABC-12).');
    expect(goalsProblem([goal('a', { issueKeys: ['FLEX-1', 'FLEX-1'] })])).toBe('Goal 1 links the same ticket twice.');
  });

  it('measures the property in UTF-8 bytes: five full goals in 4-byte characters pass 32,768', () => {
    const full = ['a', 'b', 'c', 'd', 'e'].map((id) =>
      goal(id, { question: '😀'.repeat(300), answer: 'partly', answerNote: '😀'.repeat(1000) }),
    );
    const document = { schemaVersion: 1, revision: 1, updatedAt: null, updatedBy: null, goals: full };
    // 5 × (300 + 1000) emoji × 4 bytes = 26,000 bytes of text alone, plus the JSON around it.
    expect(goalsSizeOf(document)).toBe(Buffer.byteLength(JSON.stringify(document), 'utf8'));
    expect(goalsSizeOf(document)).toBeGreaterThan(26_000);
    expect(goalsProblem(full)).toBeNull(); // each goal is within its limits: only the byte check refuses it
  });

  it('reads a stored value: absent, readable, newer version, unreadable', () => {
    expect(readStoredGoals(undefined)).toEqual({ kind: 'absent' });
    expect(readStoredGoals({ schemaVersion: 2, goals: 'whatever' })).toEqual({ kind: 'newer', schemaVersion: 2 });
    expect(readStoredGoals({ schemaVersion: 1, revision: 'x' })).toEqual({ kind: 'unreadable' });
    const stored = { schemaVersion: 1, revision: 3, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u1', goals: [goal('a')] };
    expect(readStoredGoals(stored)).toEqual({ kind: 'readable', document: stored });
  });
});

describe('mergeGoals', () => {
  const base = [goal('a'), goal('b')];

  it('keeps a goal added by each side', () => {
    const result = mergeGoals(base, [...base, goal('mine')], [...base, goal('theirs')]);
    expect(result).toEqual({ kind: 'merged', goals: [goal('a'), goal('b'), goal('theirs'), goal('mine')] });
  });

  it("takes each side's change of different fields of the same goal", () => {
    const mine = [goal('a', { question: 'Is the label what matters?' }), goal('b')];
    const theirs = [goal('a', { answer: 'answered' }), goal('b', { issueKeys: ['FLEX-112'] })];
    expect(mergeGoals(base, mine, theirs)).toEqual({
      kind: 'merged',
      goals: [goal('a', { question: 'Is the label what matters?', answer: 'answered' }), goal('b', { issueKeys: ['FLEX-112'] })],
    });
  });

  it('answers a conflict carrying both values when both changed the same field, the rest merged', () => {
    const mine = [goal('a', { answerNote: 'mine', answer: 'partly' }), goal('b', { ownerAccountId: 'u-me' })];
    const theirs = [goal('a', { answerNote: 'theirs', answer: 'partly' }), goal('b')];
    expect(mergeGoals(base, mine, theirs)).toEqual({
      kind: 'conflict',
      goals: [goal('a', { answerNote: 'theirs', answer: 'partly' }), goal('b', { ownerAccountId: 'u-me' })],
      conflicts: [{ goalId: 'a', field: 'answerNote', mine: 'mine', theirs: 'theirs' }],
    });
  });

  it('deletes a goal one side deleted and the other left alone; keeps it when the other edited it', () => {
    expect(mergeGoals(base, [goal('b')], base)).toEqual({ kind: 'merged', goals: [goal('b')] });
    expect(mergeGoals(base, base, [goal('a')])).toEqual({ kind: 'merged', goals: [goal('a')] });
    const edited = goal('a', { question: 'Still open?' });
    expect(mergeGoals(base, [edited, goal('b')], [goal('b')])).toEqual({ kind: 'merged', goals: [goal('b'), edited] });
    expect(mergeGoals(base, [goal('b')], [edited, goal('b')])).toEqual({ kind: 'merged', goals: [edited, goal('b')] });
  });

  it('sees the same change on both sides as no conflict', () => {
    const both = [goal('a', { answer: 'answered' }), goal('b')];
    expect(mergeGoals(base, both, both)).toEqual({ kind: 'merged', goals: both });
  });
});

describe('carryOver', () => {
  it('copies unanswered goals to the next sprint as open ones and marks the sources, answered ones stay', () => {
    const from = [goal('a', { answer: 'answered' }), goal('b', { answer: 'partly', answerNote: 'half', issueKeys: ['FLEX-1'] }), goal('c')];
    const result = carryOver({ sprintId: 101, goals: from }, { sprintId: 102, goals: [goal('x')] }, ['a', 'b', 'c']);
    expect(result.carried).toEqual(['b', 'c']);
    expect(result.source).toEqual([
      goal('a', { answer: 'answered' }),
      goal('b', { answer: 'partly', answerNote: 'half', issueKeys: ['FLEX-1'], carriedTo: { sprintId: 102, goalId: 'c101-b' } }),
      goal('c', { carriedTo: { sprintId: 102, goalId: 'c101-c' } }),
    ]);
    expect(result.target).toEqual([
      goal('x'),
      goal('c101-b', { question: 'Does b matter?', issueKeys: ['FLEX-1'], carriedFrom: { sprintId: 101, goalId: 'b' } }),
      goal('c101-c', { question: 'Does c matter?', carriedFrom: { sprintId: 101, goalId: 'c' } }),
    ]);
  });

  it('does not carry a goal twice', () => {
    const once = carryOver({ sprintId: 101, goals: [goal('b')] }, { sprintId: 102, goals: [] }, ['b']);
    const twice = carryOver({ sprintId: 101, goals: once.source }, { sprintId: 102, goals: once.target }, ['b']);
    expect(twice.carried).toEqual([]);
    expect(twice.target).toHaveLength(1);
  });
});

import { factsOf, factsWithoutRecord, periodOf, reusedLearningsOf } from '../../../src/domain/insights/issue-facts';
import type { LearningRecord } from '../../../src/domain/record/learning-record';

const record = (over: Partial<LearningRecord>): LearningRecord => ({
  schemaVersion: 2,
  hypothesis: 'Refunds reduce drop-off.',
  learnings: [],
  outcome: 'open',
  confidence: null,
  tags: [],
  evidence: [],
  revision: 1,
  updatedAt: '2026-11-10T10:00:00Z',
  updatedBy: 'acc-alice',
  ...over,
});
const entry = (id: string, createdAt: string, surprise = false) => ({
  id,
  text: id,
  surprise,
  authorAccountId: 'a',
  createdAt,
  updatedAt: createdAt,
});
const fields = {
  issueId: '10001',
  issueKey: 'FLEX-12',
  projectId: '10000',
  created: '2026-11-01T09:00:00.000+0000',
  updated: '2026-11-20T09:00:00.000+0000',
  resolutionDate: null,
  done: true,
  sprints: [],
};

describe('the facts of one issue', () => {
  it('fall in the last sprint the issue was in, a future sprint last', () => {
    const sprints = [
      { id: 7, name: 'S7', startDate: '2026-11-02T00:00:00Z' },
      { id: 9, name: 'S9', startDate: null },
      { id: 8, name: 'S8', startDate: '2026-11-09T00:00:00Z' },
    ];
    expect(periodOf({ ...fields, sprints })).toEqual({ kind: 'sprint', key: '9999-12-31.s9', label: 'S9', sprintId: 9 });
    expect(periodOf({ ...fields, sprints: sprints.slice(0, 1) }).key).toBe('2026-11-02.s7');
  });

  it('fall in the month of the resolution, else of the last update, without sprints', () => {
    expect(periodOf({ ...fields, resolutionDate: '2026-10-31T23:00:00.000+0000' }).label).toBe('2026-10');
    expect(periodOf(fields)).toEqual({ kind: 'month', key: '2026-11-01.m', label: '2026-11', sprintId: null });
  });

  it('count learnings, surprises, days from creation to the first learning and who helped', () => {
    const facts = factsOf(
      fields,
      record({
        learnings: [entry('b', '2026-11-09T08:00:00Z', true), entry('a', '2026-11-04T10:00:00Z')],
        outcome: 'invalidated',
        evidence: [
          { id: 'learned-before-20001', url: 'https://site.example/browse/CHK-3', title: 'Learned before: CHK-3' },
          { id: 'plain', url: 'https://site.example/browse/GROW-1', title: 'not a helped link' },
        ],
      }),
    );
    expect(facts).toMatchObject({
      projectKey: 'FLEX',
      resolved: true,
      hasHypothesis: true,
      learningCount: 2,
      surpriseCount: 1,
      outcome: 'invalidated',
      daysToLearning: 3,
      helpedBy: ['CHK'],
      helpedIssueIds: ['20001'],
      reused: false,
    });
    expect(factsOf(fields, record({}), true).reused).toBe(true);
    expect(factsOf(fields, record({ hypothesis: ' ', learnings: [entry('a', '2026-11-04T10:00:00Z')] })).daysToLearning).toBeNull();
  });

  it('count days to learning from when the hypothesis was written, else (records saved before it was kept) from creation', () => {
    const learnings = [entry('b', '2026-11-12T08:00:00Z'), entry('a', '2026-11-09T10:00:00Z')];
    // Created Nov 1 09:00, hypothesis Nov 6 11:00, first learning Nov 9 10:00: 2 days 23 hours.
    expect(factsOf(fields, record({ hypothesisAt: '2026-11-06T11:00:00Z', learnings })).daysToLearning).toBe(2);
    expect(factsOf(fields, record({ learnings })).daysToLearning).toBe(8);
    // A learning written before the hypothesis (then the hypothesis) counts as 0, never negative.
    expect(factsOf(fields, record({ hypothesisAt: '2026-11-10T10:00:00Z', learnings })).daysToLearning).toBe(0);
    expect(factsOf(fields, record({ hypothesisAt: '2026-11-06T11:00:00Z' })).daysToLearning).toBeNull();
  });

  it('of a resolved issue without a record count it as resolved and nothing else; an unresolved one is not counted', () => {
    expect(factsWithoutRecord({ ...fields, done: false, resolutionDate: '2026-10-31T23:00:00.000+0000' })).toEqual({
      issueId: '10001',
      projectKey: 'FLEX',
      projectId: '10000',
      period: { kind: 'month', key: '2026-10-01.m', label: '2026-10', sprintId: null },
      hasRecord: false,
      resolved: true,
      hasHypothesis: false,
      learningCount: 0,
      surpriseCount: 0,
      outcome: 'open',
      daysToLearning: null,
      helpedBy: [],
    });
    expect(factsWithoutRecord({ ...fields, done: false })).toBeNull();
    expect(factsOf(fields, record({})).hasRecord).toBe(true);
  });

  it('count all learnings of an issue a later ticket linked as reused, none otherwise', () => {
    expect(reusedLearningsOf({ reused: true, learningCount: 3 })).toBe(3);
    expect(reusedLearningsOf({ reused: false, learningCount: 3 })).toBe(0);
    // Facts kept before reuse was counted.
    expect(reusedLearningsOf({ learningCount: 3 })).toBe(0);
  });
});

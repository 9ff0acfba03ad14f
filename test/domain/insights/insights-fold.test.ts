/**
 * Folding is reversible: after any seeded sequence of "issue X's facts changed from A to B"
 * (new records, edits, moves between sprints, deletions), the aggregates equal a recount
 * written here from the final facts, without the app's fold.
 */
import { prng } from '../../../demo';
import type { IssueFacts } from '../../../src/domain/insights/issue-facts';
import { applyChange, type PeriodAggregate } from '../../../src/domain/insights/period-aggregate';
import { figuresOf, medianOf } from '../../../src/domain/insights/insight-figures';
import { summariesAfter } from '../../../src/domain/insights/project-summary';

const OUTCOME_LIST = ['open', 'validated', 'invalidated', 'inconclusive'] as const;
const PROJECTS = ['FLEX', 'CHK', 'GROW'];

function randomFacts(random: () => number, issueId: string): IssueFacts {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const projectKey = pick(PROJECTS);
  const sprint = Math.floor(random() * 4);
  const learningCount = Math.floor(random() * 4);
  const hasHypothesis = random() < 0.7;
  const base = {
    issueId,
    projectKey,
    projectId: String(10000 + PROJECTS.indexOf(projectKey)),
    period:
      sprint === 3
        ? { kind: 'month' as const, key: '2026-10-01.m', label: '2026-10', sprintId: null }
        : { kind: 'sprint' as const, key: `2026-11-0${sprint + 1}.s${sprint}`, label: `Sprint ${sprint}`, sprintId: sprint },
  };
  // A resolved issue without any record: it counts only among the resolved ones.
  if (random() < 0.25) {
    return {
      ...base,
      hasRecord: false,
      resolved: true,
      hasHypothesis: false,
      learningCount: 0,
      surpriseCount: 0,
      outcome: 'open',
      daysToLearning: null,
      helpedBy: [],
    };
  }
  return {
    ...base,
    resolved: random() < 0.5,
    hasHypothesis,
    learningCount,
    surpriseCount: Math.floor(random() * (learningCount + 1)),
    outcome: pick(OUTCOME_LIST),
    daysToLearning: hasHypothesis && learningCount > 0 ? Math.floor(random() * 9) : null,
    helpedBy: random() < 0.3 ? [pick(PROJECTS)] : [],
    reused: random() < 0.4,
  };
}

/** The counts as the issue defines them, straight from the list of facts: resolved issues without a record count only as resolved. */
function recount(all: IssueFacts[]) {
  const groups = new Map<string, IssueFacts[]>();
  for (const f of all) groups.set(`${f.projectKey}:${f.period.key}`, [...(groups.get(`${f.projectKey}:${f.period.key}`) ?? []), f]);
  return new Map(
    [...groups].map(([id, group]) => {
      const issues = group.filter((f) => f.hasRecord !== false);
      const days = issues.flatMap((f) => (f.daysToLearning === null ? [] : [f.daysToLearning])).sort((a, b) => a - b);
      const middle = days.length / 2;
      const flows: Record<string, number> = {};
      for (const f of issues) for (const p of f.helpedBy) flows[p] = (flows[p] ?? 0) + 1;
      return [
        id,
        {
          issues: issues.length,
          resolved: group.filter((f) => f.resolved).length,
          resolvedWithHypothesis: issues.filter((f) => f.resolved && f.hasHypothesis).length,
          resolvedWithHypothesisAndLearning: issues.filter((f) => f.resolved && f.hasHypothesis && f.learningCount > 0).length,
          learnings: issues.reduce((s, f) => s + f.learningCount, 0),
          // A linked issue's learnings all count as reused.
          reusedLearnings: issues.reduce((s, f) => s + (f.reused ? f.learningCount : 0), 0),
          surprises: issues.reduce((s, f) => s + f.surpriseCount, 0),
          outcomes: Object.fromEntries(OUTCOME_LIST.map((o) => [o, issues.filter((f) => f.outcome === o).length])),
          median: days.length === 0 ? null : days.length % 2 ? days[Math.floor(middle)] : (days[middle - 1]! + days[middle]!) / 2,
          helpedFrom: flows,
        },
      ];
    }),
  );
}

/** A map with changed entries replaced and null ones deleted. */
function withChanges<T>(current: Map<string, T>, changes: Map<string, T | null>): Map<string, T> {
  const next = new Map(current);
  for (const [id, value] of changes) {
    if (value === null) next.delete(id);
    else next.set(id, value);
  }
  return next;
}

const shapeOf = (a: PeriodAggregate) => ({
  issues: a.issues,
  resolved: a.resolved,
  resolvedWithHypothesis: a.resolvedWithHypothesis,
  resolvedWithHypothesisAndLearning: a.resolvedWithHypothesisAndLearning,
  learnings: a.learnings,
  reusedLearnings: a.reusedLearnings,
  surprises: a.surprises,
  outcomes: a.outcomes,
  median: medianOf(a.daysToLearning),
  helpedFrom: a.helpedFrom,
});

describe('insight aggregates', () => {
  it.each([1, 2, 3, 20261130])('equal a recount after 400 random changes (seed %i)', (seed) => {
    const random = prng(seed);
    const facts = new Map<string, IssueFacts>();
    let aggregates = new Map<string, PeriodAggregate>();
    let summaries = new Map<string, { periods: Record<string, number>; projectKey: string; projectId: string }>();
    for (let step = 0; step < 400; step++) {
      const issueId = String(100 + Math.floor(random() * 40));
      const before = facts.get(issueId) ?? null;
      const after = random() < 0.2 ? null : randomFacts(random, issueId);
      const changes = applyChange(aggregates, before, after);
      summaries = withChanges(
        summaries,
        summariesAfter(summaries, changes, (id) => {
          const [projectKey, periodKey] = id.split(':') as [string, string];
          return { projectKey, projectId: '', periodKey };
        }),
      );
      aggregates = withChanges(aggregates, changes);
      if (after) facts.set(issueId, after);
      else facts.delete(issueId);
    }
    const expected = recount([...facts.values()]);
    expect(new Map([...aggregates].map(([id, a]) => [id, shapeOf(a)]))).toEqual(expected);
    const perProject: Record<string, number> = {};
    for (const f of facts.values()) perProject[f.projectKey] = (perProject[f.projectKey] ?? 0) + (f.hasRecord === false ? 0 : 1);
    expect(Object.fromEntries([...summaries].map(([p, s]) => [p, Object.values(s.periods).reduce((x, y) => x + y, 0)]))).toEqual(
      perProject,
    );
  });

  it('move coverage when a resolved issue without a record gets its first one, counting it once', () => {
    const period = { kind: 'month' as const, key: '2026-10-01.m', label: '2026-10', sprintId: null };
    const common = { projectKey: 'FLEX', projectId: '1', period, resolved: true, daysToLearning: null, helpedBy: [] };
    const bare: IssueFacts = {
      ...common,
      issueId: '1',
      hasRecord: false,
      hasHypothesis: false,
      learningCount: 0,
      surpriseCount: 0,
      outcome: 'open',
    };
    const other: IssueFacts = {
      ...common,
      issueId: '2',
      hasRecord: true,
      hasHypothesis: true,
      learningCount: 0,
      surpriseCount: 0,
      outcome: 'open',
    };
    let aggregates = withChanges(new Map<string, PeriodAggregate>(), applyChange(new Map(), null, other));
    aggregates = withChanges(aggregates, applyChange(aggregates, null, bare));
    const before = aggregates.get('FLEX:2026-10-01.m')!;
    expect([before.issues, before.resolved, figuresOf(before).hypothesisCoverage]).toEqual([1, 2, 0.5]);
    aggregates = withChanges(aggregates, applyChange(aggregates, bare, { ...bare, hasRecord: true, hasHypothesis: true }));
    const after = aggregates.get('FLEX:2026-10-01.m')!;
    expect([after.issues, after.resolved, figuresOf(after).hypothesisCoverage]).toEqual([2, 2, 1]);
    // Only the issue without a record left: the period stays, with coverage 0.
    const alone = withChanges(new Map<string, PeriodAggregate>(), applyChange(new Map(), null, bare)).get('FLEX:2026-10-01.m')!;
    expect([alone.issues, alone.resolved, figuresOf(alone).hypothesisCoverage]).toEqual([0, 1, 0]);
    expect(applyChange(new Map([['FLEX:2026-10-01.m', alone]]), bare, null).get('FLEX:2026-10-01.m')).toBeNull();
  });

  it('gives each figure from its counts', () => {
    const figures = figuresOf({
      projectKey: 'FLEX',
      projectId: '1',
      period: { kind: 'month', key: '2026-10-01.m', label: '2026-10', sprintId: null },
      issues: 10,
      resolved: 8,
      resolvedWithHypothesis: 6,
      resolvedWithHypothesisAndLearning: 3,
      learnings: 20,
      reusedLearnings: 7,
      surprises: 5,
      outcomes: { open: 2, validated: 3, invalidated: 1, inconclusive: 4 },
      daysToLearning: { '2': 1, '5': 2, '9': 1 },
      helpedFrom: { FLEX: 2, CHK: 3 },
    });
    expect(figures).toEqual({
      hypothesisCoverage: 0.75,
      learningYield: 0.5,
      surpriseRate: 0.25,
      decidedRate: 0.5,
      invalidatedShare: 0.25,
      medianDaysToLearning: 5,
      helpedFromOtherTeams: 3,
      reusedShare: 0.35,
    });
  });
});

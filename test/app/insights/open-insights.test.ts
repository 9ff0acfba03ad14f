/**
 * Opening insights with in-memory ports: which periods a project shows (started sprints where it
 * has sprints, months only where it has none) and what happens when a count fails (a refusal
 * leaves the project out; Forge's consent error leaves the function, so Forge can prompt).
 */
import { AppError } from '../../../src/contract/errors';
import { openInsights, type OpenInsightsDeps } from '../../../src/app/insights/open-insights';
import type { PeriodAggregate } from '../../../src/domain/insights/period-aggregate';
import type { ProjectSummary } from '../../../src/domain/insights/project-summary';

// Period keys as the store holds them: the first day, then `.s<sprint id>` or `.m` (written here by hand).
const SUMMARY: ProjectSummary = {
  projectKey: 'FLEX',
  projectId: '10000',
  periods: {
    '2026-09-03.s18': 2,
    '2026-09-17.s19': 3,
    '2026-10-01.m': 4,
    '2026-10-01.s20': 1,
    '2026-11-01.m': 5,
    '2026-11-26.s21': 2,
    '2026-12-10.s22': 1,
    '9999-12-31.s23': 1,
  },
};

function aggregate(periodKey: string, label: string, kind: 'sprint' | 'month'): PeriodAggregate {
  return {
    projectKey: 'FLEX',
    projectId: '10000',
    period: { kind, key: periodKey, label, sprintId: kind === 'sprint' ? 1 : null },
    issues: 1,
    resolved: 1,
    resolvedWithHypothesis: 1,
    resolvedWithHypothesisAndLearning: 1,
    learnings: 1,
    surprises: 0,
    outcomes: { open: 0, validated: 1, invalidated: 0, inconclusive: 0 },
    daysToLearning: { '3': 1 },
    helpedFrom: {},
  };
}

function depsWith(summaries: ProjectSummary[], count: OpenInsightsDeps['countAsViewer']): OpenInsightsDeps & { asked: string[][] } {
  const asked: string[][] = [];
  const all = new Map<string, PeriodAggregate>(
    summaries.flatMap((s) =>
      Object.keys(s.periods).map(
        (key) => [`${s.projectKey}:${key}`, aggregate(key, key, key.endsWith('.m') ? 'month' : 'sprint')] as const,
      ),
    ),
  );
  return {
    asked,
    store: {
      summaries: () => Promise.resolve(summaries),
      read: (ids) => {
        asked.push([...ids]);
        return Promise.resolve({
          aggregates: new Map(ids.flatMap((id) => (all.has(id) ? [[id, all.get(id)!] as const] : []))),
          summaries: new Map(),
        });
      },
    },
    countAsViewer: count,
    countAsApp: () => Promise.resolve(7),
    now: () => new Date('2026-11-30T12:00:00Z'),
  };
}

describe('openInsights', () => {
  it('shows the sprints that have begun, newest last, and no month, for a project with sprints', async () => {
    const deps = depsWith([SUMMARY], () => Promise.resolve(7));
    const view = await openInsights(deps, { periods: 3 });
    expect(deps.asked).toEqual([['FLEX:2026-09-17.s19', 'FLEX:2026-10-01.s20', 'FLEX:2026-11-26.s21']]);
    expect(view.projects[0]?.periods.map((p) => p.label)).toEqual(['2026-09-17.s19', '2026-10-01.s20', '2026-11-26.s21']);
  });

  it('shows months for a project without sprints, not a month still to come', async () => {
    const months: ProjectSummary = {
      projectKey: 'FLEX',
      projectId: '10000',
      periods: { '2026-10-01.m': 1, '2026-11-01.m': 2, '2026-12-01.m': 1 },
    };
    const deps = depsWith([months], () => Promise.resolve(7));
    await openInsights(deps, {});
    expect(deps.asked).toEqual([['FLEX:2026-10-01.m', 'FLEX:2026-11-01.m']]);
  });

  it('leaves a project Jira refuses to count out, unnamed', async () => {
    const deps = depsWith([SUMMARY], () => Promise.reject(new AppError('FORBIDDEN', 'no')));
    const view = await openInsights(deps, {});
    expect(view).toMatchObject({ projects: [], withheld: [] });
  });

  it("lets Forge's consent error leave the function, so that a Confluence reader is asked to allow access", async () => {
    const consent = Object.assign(new Error('Authentication required'), { name: 'NEEDS_AUTHENTICATION_ERR' });
    const deps = depsWith([SUMMARY], () => Promise.reject(consent));
    await expect(openInsights(deps, {})).rejects.toBe(consent);
  });
});

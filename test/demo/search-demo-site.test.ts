/** The grown demo site: big enough to search, valid for the domain, deterministic, FLEX-112 where it was. */
import { buildDemoDataset, generateLearnings } from '../../demo';
import { readStoredProperty } from '../../src/domain/record/record-schema';
import { recordRows } from './record-rows';

const data = buildDemoDataset();
const recordProperties = recordRows(data);

describe('the demo site for search', () => {
  it('has 5 teams, ≥ 300 issues, ≥ 150 valid records, closed sprints, one active and one future sprint per team', () => {
    expect(data.projects.map((p) => p.key)).toEqual(['FLEX', 'CHK', 'GROW', 'SRCH', 'PLAT']);
    expect(data.issues.length).toBeGreaterThanOrEqual(300);
    const readings = recordProperties.map((p) => readStoredProperty(JSON.parse(p.valueText)));
    expect(readings.every((r) => r.kind === 'record')).toBe(true);
    expect(readings.length).toBeGreaterThanOrEqual(150);
    for (const project of data.projects) {
      const sprints = data.sprints.filter((s) => s.projectKey === project.key);
      expect(sprints.filter((s) => s.state === 'active')).toHaveLength(1);
      expect(sprints.filter((s) => s.state === 'future')).toHaveLength(1);
      expect(sprints.filter((s) => s.state === 'closed' && s.completeDate).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps FLEX-112 in FLEX’s active sprint, has surprises in every active sprint, epics with children and shared tags', () => {
    const flex112 = data.issues.find((i) => i.key === 'FLEX-112')!;
    expect(data.sprints.find((s) => s.id === flex112.sprintId)?.state).toBe('active');
    const active = new Set(data.sprints.filter((s) => s.state === 'active').map((s) => s.id));
    const byKey = new Map(data.issues.map((i) => [i.key, i]));
    const teamsWithSurprises = new Set<string>();
    const teamsByTag = new Map<string, Set<string>>();
    for (const p of recordProperties) {
      const value = JSON.parse(p.valueText) as { index: { surprise: string }; tags: string[] };
      const issue = byKey.get(p.issueKey)!;
      if (value.index.surprise === 'true' && active.has(issue.sprintId ?? -1)) teamsWithSurprises.add(issue.projectKey);
      for (const tag of value.tags) teamsByTag.set(tag, (teamsByTag.get(tag) ?? new Set()).add(issue.projectKey));
    }
    expect(teamsWithSurprises.size).toBe(5);
    for (const tag of ['pricing', 'refunds']) expect(teamsByTag.get(tag)!.size).toBeGreaterThanOrEqual(3);
    expect(data.issues.filter((i) => i.parentKey).length).toBeGreaterThan(100);
    expect(data.issues.filter((i) => i.parentKey).every((i) => byKey.get(i.parentKey!)?.issueType === 'Epic')).toBe(true);
  });

  it('has a long-running team (PLAT) whose board holds more than 200 closed sprints before its active one', () => {
    const plat = data.sprints.filter((s) => s.projectKey === 'PLAT');
    expect(plat.filter((s) => s.state === 'closed').length).toBeGreaterThan(200);
    expect(plat.filter((s) => s.state === 'active').map((s) => s.name)).toEqual(['PLAT Sprint 213']);
    expect(new Set(data.sprints.map((s) => s.id)).size).toBe(data.sprints.length);
  });

  it('has finished FLEX tickets in Closed, a status Jira does not let anyone edit, one of them with a record', () => {
    const closed = data.issues.filter((i) => i.status === 'Closed').map((i) => i.key);
    expect(closed).toEqual(expect.arrayContaining(['FLEX-103', 'FLEX-104', 'FLEX-108']));
    expect(recordProperties.some((p) => p.issueKey === 'FLEX-108')).toBe(true);
  });

  it('can add N learnings for benchmarks, deterministically', () => {
    const big = generateLearnings(400, 7);
    expect(recordRows(big).length).toBe(recordProperties.length + 400);
    expect(new Set(big.issues.map((i) => i.key)).size).toBe(big.issues.length);
    expect(generateLearnings(400, 7)).toEqual(big);
  });
});

/**
 * The demo tells a story on the Insights charts (issue #16): six sprints of resolved work per team, Growth's
 * hypothesis coverage growing sprint after sprint, and Checkout learning a lot from Flex Refunds' learnings.
 * Counted here from the built dataset's raw rows only (sprints, issues, stored properties, KVS), not with src/.
 */
import { buildDemoDataset } from '../../demo';
import { rawLearningsOf, type RawLearning } from '../support/stored-json';
import { recordRows } from './record-rows';

const data = buildDemoDataset();
const recordProperties = recordRows(data);
const TEAMS = ['FLEX', 'CHK', 'GROW', 'SRCH'];
/** Jira's Done category in the demo's workflow: those statuses carry a resolution. */
const RESOLVED_STATUSES = new Set(['Done', 'Closed']);

interface StoredRecord {
  hypothesis: string;
  learnings: RawLearning[];
  evidence: Array<{ id: string; url: string; title: string }>;
}
const recordOf = new Map(
  recordProperties.map((p) => [p.issueKey, { ...(JSON.parse(p.valueText) as StoredRecord), learnings: rawLearningsOf(p.valueText) }]),
);
const issueByKey = new Map(data.issues.map((i) => [i.key, i]));
const issueById = new Map(data.issues.map((i) => [i.id, i]));
const sprintById = new Map(data.sprints.map((s) => [s.id, s]));

/** A team's last six sprints that have started (closed or active), oldest first. */
function lastSixSprints(team: string) {
  return data.sprints
    .filter((s) => s.projectKey === team && s.state !== 'future')
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .slice(-6);
}

/** Per sprint: the issues resolved in it, those of them whose record has a hypothesis, and those with no record at all. */
function coverageOf(team: string) {
  return lastSixSprints(team).map((sprint) => {
    const resolved = data.issues.filter((i) => i.sprintId === sprint.id && RESOLVED_STATUSES.has(i.status));
    const withHypothesis = resolved.filter((i) => (recordOf.get(i.key)?.hypothesis ?? '').trim() !== '');
    const withoutRecord = resolved.filter((i) => !recordOf.has(i.key));
    return { sprint: sprint.name, state: sprint.state, resolved: resolved.length, withHypothesis: withHypothesis.length, withoutRecord };
  });
}

function levelOf(accountId: string, projectKey: string): string | undefined {
  const grant = data.grants.find((g) => g.accountId === accountId && g.projectKey === projectKey);
  return grant?.level ?? data.users.find((u) => u.accountId === accountId)?.defaultLevel;
}

interface StoredReuse {
  sourceIssueId: string;
  sourceIssueKey: string;
  targetIssueId: string;
  targetIssueKey: string;
  accountId: string;
  at: string;
}
const reuses = data.kvs
  .filter((row) => row.key.startsWith('reuse:'))
  .map((row) => ({ key: row.key, ...(JSON.parse(row.valueText) as StoredReuse) }));

describe("the demo's story on the Insights charts", () => {
  it.each(TEAMS)('%s has six sprints of history, with issues resolved in each', (team) => {
    const sprints = coverageOf(team);
    expect(sprints).toHaveLength(6);
    expect(sprints.map((s) => s.state)).toEqual(['closed', 'closed', 'closed', 'closed', 'closed', 'active']);
    for (const sprint of sprints) expect(sprint.resolved).toBeGreaterThan(0);
  });

  it("shows Growth's hypothesis coverage growing: from under a fifth to at least 60 %, never falling back", () => {
    const sprints = coverageOf('GROW');
    const shares = sprints.map((s) => s.withHypothesis / s.resolved);
    const newestClosed = shares[sprints.map((s) => s.state).lastIndexOf('closed')] ?? 0;
    const oldest = shares[0] ?? 1;
    expect(oldest).toBeLessThan(0.2);
    expect(newestClosed).toBeGreaterThanOrEqual(0.6);
    expect(newestClosed).toBeGreaterThanOrEqual(3 * oldest);
    expect(shares.slice(1).filter((share, index) => share < (shares[index] ?? 1))).toEqual([]);
    // The rest were resolved with no record at all, so a coverage counting every resolved issue sees them.
    for (const sprint of sprints) expect(sprint.withoutRecord.length).toBe(sprint.resolved - sprint.withHypothesis);
  });

  it('keeps the other teams without that trend (the story is one team improving)', () => {
    for (const team of ['FLEX', 'CHK', 'SRCH']) {
      const shares = coverageOf(team).map((s) => s.withHypothesis / s.resolved);
      expect(shares.slice(1).every((share, index) => share >= (shares[index] ?? 1))).toBe(false);
    }
  });

  it('has Checkout learn from Flex Refunds: many "This helped" marks on CHK tickets, across sprints', () => {
    const fromFlex = reuses.filter((r) => r.sourceIssueKey.startsWith('FLEX-') && r.targetIssueKey.startsWith('CHK-'));
    const sprints = new Set(fromFlex.map((r) => issueById.get(r.targetIssueId)?.sprintId));
    expect(fromFlex.length).toBeGreaterThanOrEqual(12);
    expect(sprints.size).toBeGreaterThanOrEqual(3);
    // No other pair of teams comes close: the flow matrix has one strong cell.
    expect(reuses.length - fromFlex.length).toBeLessThan(fromFlex.length / 2);
    expect([...sprints].every((id) => id !== undefined && id !== null && sprintById.get(id)?.projectKey === 'CHK')).toBe(true);
  });

  it('stores each mark as the app does: a reuse keyed by both issues, the link on the helped record, by someone who may edit it', () => {
    expect(reuses.length).toBeGreaterThan(0);
    for (const reuse of reuses) {
      const source = issueByKey.get(reuse.sourceIssueKey);
      const target = issueByKey.get(reuse.targetIssueKey);
      expect(source?.id).toBe(reuse.sourceIssueId);
      expect(target?.id).toBe(reuse.targetIssueId);
      expect(reuse.key).toBe(`reuse:${reuse.sourceIssueId}:${reuse.targetIssueId}`);
      const link = recordOf.get(reuse.targetIssueKey)?.evidence.find((l) => l.id === `learned-before-${reuse.sourceIssueId}`);
      expect(link?.url).toMatch(new RegExp(`^https?://[^/]+/browse/${reuse.sourceIssueKey}$`));
      expect(link?.title).toBe(`Learned before: ${reuse.sourceIssueKey} ${source?.summary ?? ''}`);
      expect(['edit', 'manage-sprints']).toContain(levelOf(reuse.accountId, target?.projectKey ?? ''));
      // The learning existed before it helped.
      const firstLearning = (recordOf.get(reuse.sourceIssueKey)?.learnings ?? []).map((l) => l.createdAt).sort()[0] ?? '9999';
      expect(firstLearning < reuse.at).toBe(true);
      expect(data.kvs.some((row) => row.key === `issue-ref:${reuse.targetIssueId}:${reuse.key}`)).toBe(true);
      expect(data.kvs.some((row) => row.key === `person-ref:${reuse.accountId}:issue:${reuse.targetIssueId}`)).toBe(true);
    }
  });

  it("leaves FLEX-112's learning unreused: the README's tour marks it helpful by hand", () => {
    const flex112 = issueByKey.get('FLEX-112');
    expect(reuses.filter((r) => r.sourceIssueId === flex112?.id)).toEqual([]);
  });

  it('has a reuse in KVS for every "This helped" link on a record', () => {
    const links = recordProperties.flatMap((p) =>
      (recordOf.get(p.issueKey)?.evidence ?? [])
        .filter((l) => l.id.startsWith('learned-before-'))
        .map((l) => `reuse:${l.id.slice('learned-before-'.length)}:${issueByKey.get(p.issueKey)?.id ?? ''}`),
    );
    expect(links.sort()).toEqual(reuses.map((r) => r.key).sort());
  });
});

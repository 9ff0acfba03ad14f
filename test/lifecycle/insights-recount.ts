/**
 * The insight counts recounted from the local site's raw data (issues, sprints, the stored
 * property), written here from the issue's definitions, without the app's domain code: what
 * the stored aggregates must equal.
 */
import type { AppSite } from '../support/app-site';
import { rawLearningsOf } from '../support/stored-json';
import { kvsRows } from './lifecycle-support';

interface StoredRecordShape {
  hypothesis: string;
  /** When the hypothesis was first written; absent in records saved before it was kept. */
  hypothesisAt?: string;
  outcome: string;
  evidence: Array<{ id: string; url: string }>;
}

export interface Recounted {
  issues: number;
  resolved: number;
  resolvedWithHypothesis: number;
  resolvedWithHypothesisAndLearning: number;
  learnings: number;
  /** Learnings on issues some other existing record's "This helped" link points at. */
  reusedLearnings: number;
  surprises: number;
  outcomes: Record<string, number>;
  days: number[];
  helpedFrom: Record<string, number>;
}

const HELPED_LINK = 'learned-before-';

/** The ids of every issue a record on the site links with "This helped" (the link's id names the earlier issue). */
function linkedIssueIds(site: AppSite): Set<string> {
  const linked = new Set<string>();
  for (const issue of site.store.listIssues()) {
    const row = site.store.getProperty(issue.id, 'learning-loop');
    if (!row) continue;
    for (const link of (JSON.parse(row.valueText) as StoredRecordShape).evidence) {
      if (link.id.startsWith(HELPED_LINK)) linked.add(link.id.slice(HELPED_LINK.length));
    }
  }
  return linked;
}

const emptyGroup = (): Recounted => ({
  issues: 0,
  resolved: 0,
  resolvedWithHypothesis: 0,
  resolvedWithHypothesisAndLearning: 0,
  learnings: 0,
  reusedLearnings: 0,
  surprises: 0,
  outcomes: { open: 0, validated: 0, invalidated: 0, inconclusive: 0 },
  days: [],
  helpedFrom: {},
});

/**
 * `PROJECT:periodKey` → counts, over the given issues (all issues when omitted). Resolved issues
 * without a record count among the resolved ones of projects where some issue holds a record.
 */
export function recountInsights(site: AppSite, issueKeys?: Iterable<string>): Map<string, Recounted> {
  const issues = issueKeys ? [...issueKeys].flatMap((key) => site.store.getIssue(key) ?? []) : site.store.listIssues();
  const recordOf = (id: string) => site.store.getProperty(id, 'learning-loop');
  const projectsWithRecords = new Set(
    site.store
      .listIssues()
      .filter((issue) => recordOf(issue.id))
      .map((issue) => issue.projectKey),
  );
  const groups = new Map<string, Recounted>();
  const linked = linkedIssueIds(site);
  for (const issue of issues) {
    const row = recordOf(issue.id);
    const resolved = issue.status === 'Done' || issue.status === 'Closed';
    if (!row && !(resolved && projectsWithRecords.has(issue.projectKey))) continue;
    const sprint = issue.sprintId === null ? undefined : site.store.listSprints(issue.projectKey).find((s) => s.id === issue.sprintId);
    const period = sprint ? `${sprint.startDate.slice(0, 10)}.s${sprint.id}` : `${issue.updated.slice(0, 7)}-01.m`;
    const id = `${issue.projectKey}:${period}`;
    const group = groups.get(id) ?? emptyGroup();
    groups.set(id, group);
    if (resolved) group.resolved++;
    if (!row) continue;
    const record = { ...(JSON.parse(row.valueText) as StoredRecordShape), learnings: rawLearningsOf(row.valueText) };
    const hypothesis = record.hypothesis.trim() !== '';
    group.issues++;
    if (resolved && hypothesis) group.resolvedWithHypothesis++;
    if (resolved && hypothesis && record.learnings.length > 0) group.resolvedWithHypothesisAndLearning++;
    group.learnings += record.learnings.length;
    if (linked.has(issue.id)) group.reusedLearnings += record.learnings.length;
    group.surprises += record.learnings.filter((l) => l.surprise).length;
    group.outcomes[record.outcome] = (group.outcomes[record.outcome] ?? 0) + 1;
    const first = Math.min(...record.learnings.map((l) => Date.parse(l.createdAt)));
    // Issue #16: from the hypothesis to the first learning; a record without its time counts from the issue's creation.
    const from = Date.parse(record.hypothesisAt ?? issue.created);
    if (hypothesis && record.learnings.length > 0) group.days.push(Math.max(0, Math.floor((first - from) / 86_400_000)));
    for (const link of record.evidence) {
      const key = /\/browse\/([A-Z][A-Z0-9_]*)-\d+$/.exec(link.url)?.[1];
      if (link.id.startsWith(HELPED_LINK) && key) group.helpedFrom[key] = (group.helpedFrom[key] ?? 0) + 1;
    }
  }
  for (const group of groups.values()) group.days.sort((a, b) => a - b);
  return groups;
}

interface StoredAggregate {
  issues: number;
  resolved: number;
  resolvedWithHypothesis: number;
  resolvedWithHypothesisAndLearning: number;
  learnings: number;
  reusedLearnings?: number;
  surprises: number;
  outcomes: Record<string, number>;
  daysToLearning: Record<string, number>;
  helpedFrom: Record<string, number>;
}

/** The aggregates as stored in KVS, in the recount's shape (the day histogram spelled out as a sorted list). */
export function storedInsights(site: AppSite): Map<string, Recounted> {
  const prefix = 'insights-period:';
  return new Map(
    kvsRows(site)
      .filter((row) => row.key.startsWith(prefix))
      .map((row) => {
        const { daysToLearning, ...counts } = row.value as StoredAggregate;
        const days = Object.entries(daysToLearning)
          .flatMap(([day, n]) => Array.from({ length: n }, () => Number(day)))
          .sort((a, b) => a - b);
        return [
          row.key.slice(prefix.length),
          {
            issues: counts.issues,
            resolved: counts.resolved,
            resolvedWithHypothesis: counts.resolvedWithHypothesis,
            resolvedWithHypothesisAndLearning: counts.resolvedWithHypothesisAndLearning,
            learnings: counts.learnings,
            reusedLearnings: counts.reusedLearnings ?? 0,
            surprises: counts.surprises,
            outcomes: counts.outcomes,
            days,
            helpedFrom: counts.helpedFrom,
          },
        ];
      }),
  );
}

/**
 * The recounted periods the Insights page shows for a project, oldest first: its last `count` sprints that
 * have started, or, for a project with no sprint period, its last months that have begun (issue #16: months
 * are for boards without sprints). Read from the store's sprints, not from the app's period keys.
 */
export function shownPeriods(site: AppSite, recount: ReadonlyMap<string, Recounted>, projectKey: string, count = 6): Recounted[] {
  const now = new Date().toISOString();
  const sprints = new Map(site.store.listSprints(projectKey).map((s) => [String(s.id), s]));
  const ids = [...recount.keys()].filter((id) => id.startsWith(`${projectKey}:`));
  const sprintIds = ids.filter((id) => {
    const sprint = sprints.get(/\.s(\d+)$/.exec(id)?.[1] ?? '');
    return sprint !== undefined && sprint.startDate <= now;
  });
  const monthIds = ids.filter((id) => id.endsWith('.m') && id.slice(projectKey.length + 1, projectKey.length + 11) <= now.slice(0, 10));
  return (sprintIds.length > 0 ? sprintIds : monthIds)
    .sort()
    .slice(-count)
    .map((id) => recount.get(id)!);
}

/** A project's hypothesis coverage per shown period, as the tab's table writes it ("42%", or "no data"). */
export function coverageCells(site: AppSite, recount: ReadonlyMap<string, Recounted>, projectKey: string): string[] {
  return shownPeriods(site, recount, projectKey).map((r) =>
    r.resolved === 0 ? 'no data' : `${Math.round((100 * r.resolvedWithHypothesis) / r.resolved)}%`,
  );
}

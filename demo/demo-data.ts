/**
 * The demo site: four teams with ~100 issues each, a long-running fifth (demo-long-running-team.ts), four users with different
 * permissions, and learning records built with the app's own domain code so
 * they are valid. Deterministic: every date is relative to DEMO_NOW.
 */
import {
  LEARNING_PROPERTY_KEY,
  emptyDraft,
  stampRevision,
  toStoredProperty,
  type LearningDraft,
  type LearningRecord,
} from '../src/domain/record/learning-record';
import { storageKeys } from '../src/forge/platform/storage-keys';
import { demoSprintGoals } from './demo-sprint-goals';
import { personalDataIndexOf } from './demo-personal-data';
import { generateTeamWork, type GeneratedIssue } from './demo-generator';
import { PLATFORM, PLATFORM_ISSUES, PLATFORM_RECORDS, platformSprintId, platformSprints } from './demo-long-running-team';
import { relevanceSetKeys, withRelevanceSet } from './demo-relevance-set';
import type { SiteDataset, IssueRow, LocalStore, PermissionLevel, ProjectRow, UserRow } from '../emulator';

import { CHK_ISSUES } from './demo-issues-chk';
import { FLEX_ISSUES } from './demo-issues-flex';
import { GROW_ISSUES } from './demo-issues-grow';
import { SRCH_ISSUES } from './demo-issues-srch';
import { FLEX_112, HAND_WRITTEN_RECORDS } from './demo-hand-written-records';
import type { IssueSpec, RecordSpec } from './demo-specs';
import {
  DEMO_NOW,
  DEMO_PERMISSIONS_SUMMARY,
  DEMO_USERS,
  GRANTS,
  PROJECTS,
  SPRINTS,
  SPRINT_WINDOWS,
  at,
  demoNowFor,
  demoSprintId,
  type DemoUserHandle,
} from './demo-team-setup';

export { DEMO_NOW, DEMO_PERMISSIONS_SUMMARY, DEMO_USERS, FLEX_112, demoNowFor, demoSprintId, type DemoUserHandle };

const ISSUES: Record<string, IssueSpec[]> = { FLEX: FLEX_ISSUES, CHK: CHK_ISSUES, GROW: GROW_ISSUES, SRCH: SRCH_ISSUES };

const slug = (issueKey: string): string => issueKey.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Builds a record the way the app would have: one revision for the
 * hypothesis, then one per learning, each by its author at its time. Earlier
 * revisions become the app's kept history in KVS.
 */
function buildRecord(spec: RecordSpec): { record: LearningRecord; history: LearningRecord[] } {
  const history: LearningRecord[] = [];
  const evidence = (spec.evidence ?? []).map((link, index) => ({ id: `ev-${slug(spec.issueKey)}-${index + 1}`, ...link }));
  const first: LearningDraft = {
    ...emptyDraft(),
    hypothesis: spec.hypothesis,
    tags: [...spec.tags],
    evidence: spec.entries.length === 0 ? evidence : [],
    outcome: spec.entries.length === 0 ? spec.outcome : 'open',
    confidence: spec.entries.length === 0 ? spec.confidence : null,
  };
  let record = stampRevision(null, first, {
    accountId: DEMO_USERS[spec.hypothesisBy].accountId,
    now: new Date(at(spec.hypothesisDaysAgo)),
  });
  spec.entries.forEach((entry, index) => {
    history.push(record);
    const last = index === spec.entries.length - 1;
    const draft: LearningDraft = {
      hypothesis: record.hypothesis,
      learnings: [
        ...record.learnings.map(({ id, text, surprise }) => ({ id, text, surprise })),
        { id: `l-${slug(spec.issueKey)}-${index + 1}`, text: entry.text, surprise: entry.surprise ?? false },
      ],
      outcome: last ? spec.outcome : record.outcome,
      confidence: last ? spec.confidence : record.confidence,
      tags: [...record.tags],
      evidence: last ? evidence : record.evidence,
    };
    record = stampRevision(record, draft, { accountId: DEMO_USERS[entry.by].accountId, now: new Date(at(entry.daysAgo, 15)) });
  });
  return { record, history };
}

/** The demo's seed: change it and the generated part of the site changes, deterministically. */
export const DEMO_SEED = 20261116;

export interface DemoOptions {
  /** Extra issues with a learning record each, for benchmarks (spread over the teams' closed sprints). */
  extraLearnings?: number;
  /** Seed of the extra learnings (the demo itself always uses DEMO_SEED). */
  seed?: number;
}

const lastNumber = (project: string) => Math.max(...(ISSUES[project] ?? []).map(([n]) => n));
const EXISTING_EPICS: Record<string, string[]> = Object.fromEntries(
  Object.entries(ISSUES).map(([project, specs]) => [project, specs.filter(([, type]) => type === 'Epic').map(([n]) => `${project}-${n}`)]),
);

/**
 * The generated part of the demo: epics, ~70 issues per team over sprints 18–24 and the backlog, most with a record.
 * Its numbering skips the labelled set's keys (FLEX-901...), which large `extraLearnings` would otherwise reach.
 */
function generatedWork(options: DemoOptions): { issues: GeneratedIssue[]; records: RecordSpec[] } {
  const takenKeys = relevanceSetKeys();
  const base = generateTeamWork(SPRINT_WINDOWS, {
    seed: DEMO_SEED,
    perClosedSprint: 10,
    perActiveSprint: 12,
    perFutureSprint: 6,
    backlog: 6,
    recordShare: 0.62,
    firstNumber: Object.fromEntries(PROJECTS.map((p) => [p.key, lastNumber(p.key) + 1])),
    existingEpics: EXISTING_EPICS,
    newEpics: true,
    takenKeys,
  });
  if (!options.extraLearnings) return base;
  const next: Record<string, number> = {};
  for (const issue of base.issues) next[issue.projectKey] = Math.max(next[issue.projectKey] ?? 0, issue.number + 1);
  const closedWindows = SPRINT_WINDOWS.filter((w) => w.sprint.state === 'closed');
  const perSprint = Math.ceil(options.extraLearnings / closedWindows.length);
  const extra = generateTeamWork(closedWindows, {
    seed: options.seed ?? DEMO_SEED + 1,
    perClosedSprint: perSprint,
    perActiveSprint: 0,
    perFutureSprint: 0,
    backlog: 0,
    recordShare: 1.01,
    firstNumber: next,
    existingEpics: EXISTING_EPICS,
    newEpics: false,
    takenKeys,
  });
  const keep = new Set(extra.records.slice(0, options.extraLearnings).map((r) => r.issueKey));
  return {
    issues: [...base.issues, ...extra.issues.filter((i) => keep.has(i.key))],
    records: [...base.records, ...extra.records.filter((r) => keep.has(r.issueKey))],
  };
}

/** Every record spec of the demo: the hand-written ones (FLEX-112...) and the generated ones. */
function allRecords(options: DemoOptions = {}): RecordSpec[] {
  return [...HAND_WRITTEN_RECORDS, ...withRelevanceSet(generatedWork(options)).records, ...PLATFORM_RECORDS];
}

/** The demo records by issue key, as the app would read them. */
export function demoRecords(): Map<string, LearningRecord> {
  return new Map(allRecords().map((spec) => [spec.issueKey, buildRecord(spec).record]));
}

/**
 * `n` extra learning records (with their issues) on top of the demo, for
 * benchmarks: `seedDemoData(store, { extraLearnings: n, seed })` stores them.
 */
export function generateLearnings(n: number, seed: number = DEMO_SEED + 1): SiteDataset {
  return buildDemoDataset({ extraLearnings: n, seed });
}

export function buildDemoDataset(options: DemoOptions = {}): SiteDataset {
  const users: UserRow[] = Object.values(DEMO_USERS).map((u) => ({ ...u, defaultLevel: u.defaultLevel as PermissionLevel }));
  const newId = idCounter(10100);
  const generated = withRelevanceSet(generatedWork(options));
  // The long-running team last, so the other issues keep their ids.
  const issues = [...handWrittenIssueRows(newId), ...generatedIssueRows(generated.issues, newId), ...platformIssueRows(newId)];
  const { properties, kvs } = storedRecords([...HAND_WRITTEN_RECORDS, ...generated.records, ...PLATFORM_RECORDS], issues);
  const platform: ProjectRow = {
    id: PLATFORM.id,
    key: PLATFORM.key,
    name: PLATFORM.name,
    leadAccountId: DEMO_USERS[PLATFORM.lead].accountId,
  };
  return {
    users,
    grants: GRANTS,
    projects: [...PROJECTS, platform],
    sprints: [...SPRINTS, ...platformSprints(at)],
    issues,
    properties,
    sprintProperties: demoSprintGoals(),
    kvs: [...kvs, ...personalDataIndexOf(kvs)],
  };
}

function idCounter(first: number): () => string {
  let next = first;
  return () => String(next++);
}

const sprintIdOf = demoSprintId;

function handWrittenIssueRows(newId: () => string): IssueRow[] {
  const issues: IssueRow[] = [];
  for (const project of PROJECTS) {
    const specs = ISSUES[project.key] ?? [];
    for (const [number, issueType, status, summary, description, assignee, reporter, labels, sprint, createdDaysAgo] of specs) {
      const sprintId = sprint === null ? null : sprintIdOf(project.key, sprint);
      issues.push({
        id: newId(),
        key: `${project.key}-${number}`,
        projectKey: project.key,
        summary,
        description,
        issueType,
        status,
        assigneeAccountId: assignee ? DEMO_USERS[assignee].accountId : null,
        reporterAccountId: DEMO_USERS[reporter].accountId,
        labels,
        sprintId,
        created: at(createdDaysAgo, 9),
        updated: at(Math.max(0, Math.floor(createdDaysAgo / 3)), 16),
      });
    }
  }
  return issues;
}

function generatedIssueRows(generated: GeneratedIssue[], newId: () => string): IssueRow[] {
  const issues: IssueRow[] = [];
  for (const g of generated) {
    issues.push({
      id: newId(),
      key: g.key,
      projectKey: g.projectKey,
      summary: g.summary,
      description: g.description,
      issueType: g.issueType,
      status: g.status,
      assigneeAccountId: g.assignee ? DEMO_USERS[g.assignee].accountId : null,
      reporterAccountId: DEMO_USERS[g.reporter].accountId,
      labels: g.labels,
      sprintId: g.sprintId,
      created: at(g.createdDaysAgo, 9),
      updated: at(g.updatedDaysAgo, 16),
      parentKey: g.parentKey,
      priority: g.priority,
    });
  }
  return issues;
}

function platformIssueRows(newId: () => string): IssueRow[] {
  const issues: IssueRow[] = [];
  for (const p of PLATFORM_ISSUES) {
    issues.push({
      id: newId(),
      key: `${PLATFORM.key}-${p.number}`,
      projectKey: PLATFORM.key,
      summary: p.summary,
      description: p.description,
      issueType: p.issueType,
      status: p.status,
      assigneeAccountId: p.assignee ? DEMO_USERS[p.assignee].accountId : null,
      reporterAccountId: DEMO_USERS[p.reporter].accountId,
      labels: p.labels,
      sprintId: platformSprintId(p.sprint),
      created: at(p.createdDaysAgo, 9),
      updated: at(Math.max(0, Math.floor(p.createdDaysAgo / 3)), 16),
      parentKey: p.issueType === 'Epic' ? null : 'PLAT-3390',
    });
  }
  return issues;
}

/** Each record as its issue property, and its kept revisions as the history in KVS. */
function storedRecords(specs: RecordSpec[], issues: IssueRow[]): Pick<SiteDataset, 'properties' | 'kvs'> {
  const issueByKey = new Map(issues.map((i) => [i.key, i]));
  const properties: SiteDataset['properties'] = [];
  const kvs: SiteDataset['kvs'] = [];
  for (const spec of specs) {
    const issue = issueByKey.get(spec.issueKey);
    if (!issue) throw new Error(`Demo record for unknown issue ${spec.issueKey}`);
    const { record, history } = buildRecord(spec);
    properties.push({
      issueKey: spec.issueKey,
      key: LEARNING_PROPERTY_KEY,
      valueText: JSON.stringify(toStoredProperty(record)),
      at: record.updatedAt,
    });
    for (const kept of history) {
      const snapshot = { revision: kept.revision, savedAt: kept.updatedAt, savedBy: kept.updatedBy, value: toStoredProperty(kept) };
      kvs.push({ key: storageKeys.historyRevision(issue.id, kept.revision), valueText: JSON.stringify(snapshot), at: kept.updatedAt });
    }
  }
  return { properties, kvs };
}

/** Replaces whatever is in the store with the demo site. */
export function seedDemoData(store: LocalStore, options: DemoOptions = {}): void {
  store.replaceAll(buildDemoDataset(options), new Date().toISOString());
}

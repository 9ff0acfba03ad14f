/**
 * The demo site: four teams with ~100 issues each, a long-running fifth (demo-long-running-team.ts), four users with different
 * permissions, and learning records built with the app's own domain code so
 * they are valid. Deterministic: every date is relative to DEMO_NOW.
 */
import type { LearningRecord } from '../src/domain/record/learning-record';
import { buildRecord, storedRecords } from './demo-stored-records';
import { demoSprintGoals } from './demo-sprint-goals';
import { personalDataIndexOf } from './demo-personal-data';
import { generateTeamWork, type GeneratedIssue } from './demo-generator';
import { GROW_COVERAGE_STORY } from './demo-coverage-story';
import { withReuseStory } from './demo-reuse-story';
import { PLATFORM, PLATFORM_ISSUES, PLATFORM_RECORDS, platformSprintId, platformSprints } from './demo-long-running-team';
import { relevanceSetKeys, relevanceSetWork, withRelevanceSet } from './demo-relevance-set';
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
  mayEditProject,
  type DemoUserHandle,
} from './demo-team-setup';

export { DEMO_NOW, DEMO_PERMISSIONS_SUMMARY, DEMO_USERS, FLEX_112, demoNowFor, demoSprintId, type DemoUserHandle };

const ISSUES: Record<string, IssueSpec[]> = { FLEX: FLEX_ISSUES, CHK: CHK_ISSUES, GROW: GROW_ISSUES, SRCH: SRCH_ISSUES };

/** The demo's seed: change it and the generated part of the site changes, deterministically. */
export const DEMO_SEED = 20261116;

export interface DemoOptions {
  /** Extra issues with a learning record each, for benchmarks (spread over the teams' closed sprints). */
  extraLearnings?: number;
  /** Seed of the extra learnings (the demo itself always uses DEMO_SEED). */
  seed?: number;
}

/** The titles of the tickets written by hand: generated tickets take other titles. */
function handWrittenSummaries(): string[] {
  const specs = Object.values(ISSUES).flat();
  return [
    ...specs.map(([, , , summary]) => summary),
    ...relevanceSetWork().issues.map((i) => i.summary),
    ...PLATFORM_ISSUES.map((p) => p.summary),
  ];
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
  const generatedBase = generateTeamWork(SPRINT_WINDOWS, {
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
    mayEdit: mayEditProject,
    takenSummaries: handWrittenSummaries(),
    coverageStory: GROW_COVERAGE_STORY,
  });
  const base = withReuseStory(generatedBase, HAND_WRITTEN_RECORDS);
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
    mayEdit: mayEditProject,
    takenSummaries: [...handWrittenSummaries(), ...base.issues.map((i) => i.summary)],
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
  const issueByKey = new Map(buildDemoDataset().issues.map((issue) => [issue.key, issue]));
  const sourceOf = (key: string) => {
    const issue = issueByKey.get(key);
    if (!issue) throw new Error(`No demo issue ${key}.`);
    return { id: issue.id, key, summary: issue.summary };
  };
  return new Map(allRecords().map((spec) => [spec.issueKey, buildRecord(spec, sourceOf).record]));
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

/** Replaces whatever is in the store with the demo site. */
export function seedDemoData(store: LocalStore, options: DemoOptions = {}): void {
  store.replaceAll(buildDemoDataset(options), new Date().toISOString());
}

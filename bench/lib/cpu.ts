/**
 * The backend's own work, without any remote call: reading records into
 * cards, grouping, filtering, ranking and building JQL, on every card of the
 * store at a given size. CPU time (process.cpuUsage) of each, median of
 * repeated runs.
 */
import type { LocalStore } from '../../emulator';
import { cardOf } from '../../src/domain/search/card-of';
import { groupCards, GROUPINGS, matchesSearch, type LearningCard } from '../../src/domain/search/learning-cards';
import { buildLearningJql } from '../../src/domain/search/learning-query';
import { LEARNING_PROPERTY_KEY } from '../../src/domain/record/learning-record';
import type { LearningHit } from '../../src/ports/search/issue-search.port';
import { median } from './stats';

export interface CpuMeasure {
  name: string;
  /** Median CPU time (user + system) of one run, ms. */
  cpuMs: number;
  /** Median wall time of one run, ms. */
  wallMs: number;
  runs: number;
  /** How many cards the run worked on. */
  n: number;
}

/** Every issue with a record as the search would return it (fields + property), read from the store. */
export function hitsOf(store: LocalStore): LearningHit[] {
  const projects = new Map(store.listProjects().map((p) => [p.key, p]));
  const sprints = new Map(store.listSprints().map((s) => [s.id, s]));
  const issues = new Map(store.listIssues().map((i) => [i.id, i]));
  const hits: LearningHit[] = [];
  for (const row of store.listIndexedProperties(LEARNING_PROPERTY_KEY)) {
    const issue = issues.get(row.issueId);
    if (!issue) continue;
    const parent = issue.parentKey ? store.getIssue(issue.parentKey) : undefined;
    const sprint = issue.sprintId === null ? undefined : sprints.get(issue.sprintId);
    hits.push({
      id: issue.id,
      key: issue.key,
      summary: issue.summary,
      project: { key: issue.projectKey, name: projects.get(issue.projectKey)?.name ?? '' },
      status: issue.status,
      parent: parent ? { key: parent.key, summary: parent.summary } : null,
      sprints: sprint ? [{ id: sprint.id, name: sprint.name, state: sprint.state }] : [],
      created: issue.created,
      property: JSON.parse(row.valueText) as unknown,
    });
  }
  return hits;
}

function measure(name: string, n: number, runs: number, fn: () => unknown): CpuMeasure {
  fn(); // warm-up: JIT and caches, not counted
  const cpu: number[] = [];
  const wall: number[] = [];
  let sink = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const value = fn();
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    sink += Array.isArray(value) ? value.length : value ? 1 : 0;
    cpu.push((c1.user + c1.system) / 1000);
    wall.push(t1 - t0);
  }
  if (sink < 0) console.log(sink); // keeps the results alive
  return { name, cpuMs: median(cpu), wallMs: median(wall), runs, n };
}

type Relevance = {
  learnedBefore: (query: unknown, cards: readonly LearningCard[], options: { now: Date; currentProjectKey: string }) => unknown[];
};
type RelevanceQuery = {
  learnedBeforeQueryOf: (input: { text: string; tags: readonly string[] }) => unknown;
  termMatchJql: (term: unknown, excludeIssueKey: string) => string;
};

/** Loads an optional module (a surface that may not have landed), or undefined. */
function optional(path: string): unknown {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path);
  } catch {
    return undefined;
  }
}

export function measureBackendCpu(store: LocalStore, runs = 15): { measures: CpuMeasure[]; cards: number } {
  const hits = hitsOf(store);
  const cards = hits.map(cardOf).filter((c): c is LearningCard => c !== null);
  const n = cards.length;
  const out: CpuMeasure[] = [];
  out.push(measure('read records into cards (cardOf: parse + validate)', n, runs, () => hits.map(cardOf)));
  for (const by of GROUPINGS) out.push(measure(`groupCards by ${by}`, n, runs, () => groupCards(cards, by)));
  out.push(measure('matchesSearch "refund label" (filter)', n, runs, () => cards.filter((c) => matchesSearch(c, 'refund label'))));
  out.push(measure('matchesSearch "spain" (filter)', n, runs, () => cards.filter((c) => matchesSearch(c, 'spain'))));
  out.push(
    measure('buildLearningJql (macro query, on the JQL grammar)', 1, runs, () =>
      buildLearningJql({
        jql: 'project = FLEX AND learningTags = pricing ORDER BY created',
        surprisesOnly: true,
        outcomes: ['validated', 'invalidated'],
        sort: 'updated',
      }),
    ),
  );
  const relevance = optional('../../src/domain/learned-before/relevance') as Relevance | undefined;
  const relevanceQuery = optional('../../src/domain/learned-before/relevance-query') as RelevanceQuery | undefined;
  if (relevance && relevanceQuery) {
    const query = relevanceQuery.learnedBeforeQueryOf({
      text: 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.',
      tags: ['pricing', 'refunds'],
    });
    const now = new Date('2026-11-16T09:00:00.000Z');
    // In production the ranking sees one search page (≤ 100 candidates); on every card it is a stress figure.
    const page = cards.slice(0, 100);
    out.push(
      measure('rank "learned before" (BM25, 100 candidates)', page.length, runs, () =>
        relevance.learnedBefore(query, page, { now, currentProjectKey: 'FLEX' }),
      ),
    );
    out.push(
      measure('rank "learned before" (BM25, every card)', n, runs, () =>
        relevance.learnedBefore(query, cards, { now, currentProjectKey: 'FLEX' }),
      ),
    );
    const terms = (query as { terms: unknown[] }).terms;
    out.push(
      measure('termMatchJql (the JQL of every term)', 1, runs, () => terms.map((term) => relevanceQuery.termMatchJql(term, 'FLEX-112'))),
    );
  }
  return { measures: out, cards: n };
}

/**
 * Every user-facing operation, run through the real resolver on the local
 * site, with the remote calls it made (from the site's accounting), each set
 * beside its lower bound and beside a naive design (one property read per
 * issue).
 */
import type { CallRecord } from '../../emulator';
import { macroContextFor, projectPageContextFor } from '../../test/support/invoke-contexts';
import type { AppSite } from '../../test/support/app-site';
import { DEFAULT_PAGE_SIZE } from '../../src/app/macro/collect-learnings';
import { MAX_SEARCH_PAGES } from '../../src/app/retro/open-retro';
import { draftOf, type LearningRecord } from '../../src/domain/record/learning-record';

/** The issue the panel operations run on (the product's own example). */
export const PANEL_ISSUE = 'FLEX-112';
export const PANEL_HYPOTHESIS = 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.';
/** The project the retro view is opened on. */
export const RETRO_PROJECT = 'FLEX';
/** The macro's config for "the whole set": every issue with a learning (the app adds `learningOutcome IS NOT EMPTY`). */
export const WHOLE_SET_CONFIG = { title: 'Everything', jql: '', groupBy: 'outcome', sort: 'updated' } as const;
/** Jira's page cap when fields are asked for; the retro view and "learned before" read pages this size. */
export const JIRA_FIELDS_PAGE = 100;
/** Jira's page cap for an id-only search: what a naive design would page ids with. */
export const JIRA_IDS_PAGE = 5000;

export interface CallCounts {
  /** Every Jira call (asUser and asApp). */
  jira: number;
  /** JQL searches (POST/GET /rest/api/3/search/jql). */
  searches: number;
  /** Calls on one issue (issue, its properties): what a per-issue design would make. */
  perIssue: number;
  kvs: number;
  /** Response plus request bytes of every call. */
  bytes: number;
  /** The endpoints, e.g. { "POST /rest/api/3/search/jql": 3 }. */
  endpoints: Record<string, number>;
}

export interface OperationResult {
  /** e.g. "open panel", "macro whole set". */
  name: string;
  resolver: string;
  /** Invocations it took (a whole set pages through several). */
  invocations: number;
  calls: CallCounts;
  /** What the design cannot go below, in Jira calls. */
  lowerBound: number;
  lowerBoundNote: string;
  /** Jira calls of the naive design (a property read per issue). */
  naive: number;
  naiveNote: string;
  /** Bytes of the resolvers' answers (what reaches the iframe). */
  resultBytes: number;
  /** Sum of the invocations' wall time on the local site (no added latency). */
  ms: number;
  /** The slowest single invocation of the operation. */
  maxInvocationMs: number;
  ok: boolean;
  error?: string;
  /** Learnings shown or read, where it applies. */
  items?: number;
}

const isSearch = (c: CallRecord) => /\/rest\/api\/3\/search\/jql$/.test(c.endpoint.split(' ')[1] ?? '');
const isPerIssue = (c: CallRecord) => /^\S+ \/rest\/api\/3\/issue\/\{/.test(c.endpoint);

export function countCalls(calls: readonly CallRecord[]): CallCounts {
  const endpoints: Record<string, number> = {};
  let bytes = 0;
  for (const c of calls) {
    endpoints[c.endpoint] = (endpoints[c.endpoint] ?? 0) + 1;
    bytes += (c.bytes ?? 0) + (c.requestBytes ?? 0);
  }
  const jiraCalls = calls.filter((c) => c.provider !== 'kvs');
  return {
    jira: jiraCalls.length,
    searches: jiraCalls.filter(isSearch).length,
    perIssue: jiraCalls.filter(isPerIssue).length,
    kvs: calls.filter((c) => c.provider === 'kvs').length,
    bytes,
    endpoints,
  };
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

interface Run {
  result: Envelope;
  calls: CallRecord[];
  ms: number;
}

async function run(
  site: AppSite,
  functionKey: string,
  payload: unknown,
  target: { issueKey?: string; context?: Record<string, unknown> },
  as = 'alice',
): Promise<Run> {
  const out = await site.invoke({ functionKey, payload, as, ...target });
  return { result: out.result as Envelope, calls: out.calls, ms: out.ms };
}

const errorOf = (r: Envelope): string | undefined => (r.ok ? undefined : `${r.error.code}: ${r.error.message}`);
const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '');

function operation(
  name: string,
  resolver: string,
  runs: Run[],
  bounds: { lowerBound: number; lowerBoundNote: string; naive: number; naiveNote: string },
  items?: number,
): OperationResult {
  const failed = runs.find((r) => !r.result.ok);
  return {
    name,
    resolver,
    invocations: runs.length,
    calls: countCalls(runs.flatMap((r) => r.calls)),
    ...bounds,
    resultBytes: runs.reduce((sum, r) => sum + jsonBytes(r.result), 0),
    ms: runs.reduce((sum, r) => sum + r.ms, 0),
    maxInvocationMs: Math.max(0, ...runs.map((r) => r.ms)),
    ok: !failed,
    ...(failed ? { error: errorOf(failed.result) } : {}),
    ...(items === undefined ? {} : { items }),
  };
}

/** The resolver keys the app serves right now (surfaces land over time). */
export function servedResolvers(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../../src/resolvers/index') as { resolverKeys?: string[] };
  return mod.resolverKeys ?? [];
}

export interface OperationOptions {
  /** Page through the whole set (slow on the stand-in at 10,000: its search re-evaluates the JQL for every page). */
  wholeSet?: boolean;
}

/** Every operation once, on the site's current data. Order matters only for save (it runs after open). */
export async function measureOperations(site: AppSite, options: OperationOptions = {}): Promise<OperationResult[]> {
  const served = new Set(servedResolvers());
  const out: OperationResult[] = [];

  // 1. Open the panel.
  const open = await run(site, 'learning/get', {}, { issueKey: PANEL_ISSUE });
  out.push(
    operation('open panel', 'learning/get', [open], {
      lowerBound: 2,
      lowerBoundNote: 'one round: GET issue with properties= and GET mypermissions (EDIT_ISSUES), in parallel',
      naive: 3,
      naiveNote: 'issue + property + mypermissions',
    }),
  );

  // 2. Save: add one learning to the record that was opened.
  const record = open.result.ok ? ((open.result.value as { record: LearningRecord | null }).record ?? null) : null;
  if (record) {
    const draft = draftOf(record);
    draft.learnings.push({
      id: `bench-${Date.now().toString(36)}`,
      text: 'Benchmark: a learning added by npm run bench.',
      surprise: false,
    });
    const save = await run(site, 'learning/save', { baseRevision: record.revision, draft }, { issueKey: PANEL_ISSUE });
    out.push(
      operation('save', 'learning/save', [save], {
        lowerBound: 2,
        lowerBoundNote: 'read the property (merge base) + PUT it; history goes to KVS',
        naive: 3,
        naiveNote: 'read issue + read property + PUT',
      }),
    );
  }

  // 3. "Learned before" in the panel, when its resolver is served.
  if (served.has('learnedBefore/find')) {
    const find = await run(site, 'learnedBefore/find', { text: PANEL_HYPOTHESIS, tags: ['pricing', 'refunds'] }, { issueKey: PANEL_ISSUE });
    const candidates = find.result.ok ? (find.result.value as { candidates: number }).candidates : 0;
    out.push(
      operation(
        'learned before',
        'learnedBefore/find',
        [find],
        {
          lowerBound: 1,
          lowerBoundNote: `one search page of ≤ ${JIRA_FIELDS_PAGE} candidates`,
          naive: 1 + candidates,
          naiveNote: 'id search + a property read per candidate',
        },
        candidates,
      ),
    );
  }

  // 4. The macro's first screen, and the whole set paged by nextPageToken.
  const macroCtx = macroContextFor(site, WHOLE_SET_CONFIG);
  const first = await run(site, 'macro/list', {}, { context: macroCtx });
  const firstCards = first.result.ok ? (first.result.value as { cards: unknown[] }).cards.length : 0;
  out.push(
    operation(
      'macro first screen',
      'macro/list',
      [first],
      {
        lowerBound: 1,
        lowerBoundNote: `one search page (${DEFAULT_PAGE_SIZE} cards)`,
        naive: 1 + firstCards,
        naiveNote: 'id search + a property read per card shown',
      },
      firstCards,
    ),
  );

  if (options.wholeSet !== false) {
    const runs: Run[] = [first];
    let token = first.result.ok ? (first.result.value as { nextPageToken: string | null }).nextPageToken : null;
    while (token) {
      const page = await run(site, 'macro/list', { pageToken: token }, { context: macroCtx });
      runs.push(page);
      if (!page.result.ok) break;
      token = (page.result.value as { nextPageToken: string | null }).nextPageToken;
    }
    const cards = runs.reduce((sum, r) => sum + (r.result.ok ? (r.result.value as { cards: unknown[] }).cards.length : 0), 0);
    out.push(
      operation(
        'macro whole set',
        'macro/list ×pages',
        runs,
        {
          lowerBound: Math.max(1, Math.ceil(cards / JIRA_FIELDS_PAGE)),
          lowerBoundNote: `ceil(${cards} / ${JIRA_FIELDS_PAGE}) searches, 0 per-issue reads`,
          naive: Math.max(1, Math.ceil(cards / JIRA_IDS_PAGE)) + cards,
          naiveNote: `ceil(N / ${JIRA_IDS_PAGE}) id searches + N property reads`,
        },
        cards,
      ),
    );
  }

  // 5. The retro view: the active sprint (default), and the heaviest closed sprint.
  if (served.has('retro/open')) {
    const ctx = projectPageContextFor(site, RETRO_PROJECT);
    const retroOp = async (name: string, payload: Record<string, unknown>) => {
      const r = await run(site, 'retro/open', payload, { context: ctx });
      const view = r.result.ok
        ? (r.result.value as { cards: unknown[]; sprint: { id: number } | null; previousSprint: { id: number } | null; truncated: boolean })
        : null;
      const current = view?.sprint ? recordsInSprint(site, view.sprint.id) : 0;
      const previous = view?.previousSprint ? recordsInSprint(site, view.previousSprint.id) : null;
      // The view reads at most MAX_SEARCH_PAGES pages per search (and says it truncated): the bound of what it reads.
      const pages = (n: number) => Math.min(MAX_SEARCH_PAGES, Math.max(1, Math.ceil(n / JIRA_FIELDS_PAGE)));
      const fullPages = (n: number) => Math.max(1, Math.ceil(n / JIRA_FIELDS_PAGE));
      const names = (view?.cards.length ?? 0) > 0 ? 1 : 0;
      out.push(
        operation(
          name + (view?.truncated ? ` [truncated: ${MAX_SEARCH_PAGES} pages of ${JIRA_FIELDS_PAGE} per sprint]` : ''),
          'retro/open',
          [r],
          {
            lowerBound: 3 + pages(current) + (previous === null ? 0 : pages(previous)) + names,
            lowerBoundNote: `boards + sprints (open and closed, in parallel) + min(${MAX_SEARCH_PAGES}, ceil(${current}/100))${previous === null ? '' : ` + min(${MAX_SEARCH_PAGES}, ceil(${previous}/100))`} search pages + ${names} names lookup (KVS notes apart)`,
            naive: 3 + fullPages(current) + current + (previous === null ? 0 : fullPages(previous) + previous) + names,
            naiveNote: 'the same searches for ids + a property read per issue of both sprints',
          },
          view?.cards.length ?? 0,
        ),
      );
    };
    await retroOp('retro view (active sprint)', {});
    const heaviest = heaviestClosedSprint(site, RETRO_PROJECT);
    if (heaviest) await retroOp(`retro view (closed sprint, ${heaviest.records} learnings)`, { sprintId: heaviest.id });
  }
  return out;
}

/** The closed sprint of a project with the most issues with a learning record. */
export function heaviestClosedSprint(site: AppSite, projectKey: string): { id: number; records: number } | null {
  const closed = site.store.listSprints().filter((s) => s.projectKey === projectKey && s.state === 'closed');
  const withRecord = new Set(site.store.listIndexedProperties('learning-loop').map((p) => p.issueId));
  let best: { id: number; records: number } | null = null;
  const counts = new Map<number, number>();
  for (const issue of site.store.listIssues()) {
    if (issue.sprintId !== null && withRecord.has(issue.id)) counts.set(issue.sprintId, (counts.get(issue.sprintId) ?? 0) + 1);
  }
  for (const s of closed) {
    const n = counts.get(s.id) ?? 0;
    if (!best || n > best.records) best = { id: s.id, records: n };
  }
  return best;
}

/** Issues with a learning record in a sprint (every one is visible to alice). */
export function recordsInSprint(site: AppSite, sprintId: number): number {
  const withRecord = new Set(site.store.listIndexedProperties('learning-loop').map((p) => p.issueId));
  return site.store.listIssues().filter((i) => i.sprintId === sprintId && withRecord.has(i.id)).length;
}

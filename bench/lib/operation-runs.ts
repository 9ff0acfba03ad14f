/**
 * One operation's measure: its resolver invocations on the local site, the remote calls they made
 * (from the site's accounting), beside the operation's lower bound and a naive design.
 */
import type { CallRecord } from '../../emulator';
import type { AppSite } from '../../test/support/app-site';

/** The issue the panel operations run on (the product's own example). */
export const PANEL_ISSUE = 'FLEX-112';
/** Who opens the panel: bob may edit FLEX-112 and is not its last editor (alice), so opening also names someone. */
export const PANEL_VIEWER = 'bob';
/**
 * Who reads the macro's page: bob saved nothing in these runs (the save is alice's) and browses every project, so he
 * gets the page as most of its readers do. A reader who saved in the last minutes has a first page searched twice.
 */
export const MACRO_READER = 'bob';
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
  const endpoints = new Map<string, number>();
  let bytes = 0;
  for (const c of calls) {
    endpoints.set(c.endpoint, (endpoints.get(c.endpoint) ?? 0) + 1);
    bytes += c.bytes + c.requestBytes;
  }
  const jiraCalls = calls.filter((c) => c.provider !== 'kvs');
  return {
    jira: jiraCalls.length,
    searches: jiraCalls.filter(isSearch).length,
    perIssue: jiraCalls.filter(isPerIssue).length,
    kvs: calls.filter((c) => c.provider === 'kvs').length,
    bytes,
    endpoints: Object.fromEntries(endpoints),
  };
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export interface Run {
  result: Envelope;
  calls: CallRecord[];
  ms: number;
}

export async function run(
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
// JSON.stringify gives undefined for undefined (its typing says string): count it as no bytes.
const stringify: (value: unknown) => string | undefined = JSON.stringify;
const jsonBytes = (value: unknown): number => Buffer.byteLength(stringify(value) ?? '');

export function operation(
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

/**
 * The Forge runtime's seams in Node: `globalThis.__forge_fetch__` (every
 * @forge/api product call and every @forge/kvs call goes through it) and
 * `globalThis.__forge_runtime__` (metrics, app context). The acting user of
 * an invocation travels in AsyncLocalStorage, as the platform's proxy token
 * would, so `asUser()` acts as whoever invoked the resolver.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Accounting, CallProvider, CallRecord, InvocationRecord } from '../controls/accounting';
import type { ConfluenceStandIn } from '../confluence/confluence-stand-in';
import { ForgeFetchTimeoutError, type FaultRegistry, type FaultTarget, type SiteSettings } from '../controls/fault-registry';
import type { JiraActor, JiraStandIn, StandInRequest, StandInResponse } from '../jira/jira-stand-in';
import type { KvsStandIn } from '../kvs/kvs-stand-in';

/** What a running local site offers the runtime. */
export interface ForgeHost {
  jira: JiraStandIn;
  kvs: KvsStandIn;
  accounting: Accounting;
  /** Confluence REST (requestConfluence); 501 without it. */
  confluence?: ConfluenceStandIn;
  /** Planted faults, applied before a stand-in sees the call. */
  faults?: FaultRegistry;
  /** Run-time switches (e.g. asUser refusal for Confluence modules). */
  settings?: SiteSettings;
}

/** The product a module lives in: it decides the installContext and cross-product rules. */
export type ModuleProduct = 'jira' | 'confluence';

interface InvocationScope {
  host: ForgeHost;
  accountId: string | null;
  invocationId: string | null;
  moduleKey: string | null;
  product: ModuleProduct;
  installContext: string;
  startedAt: number;
  calls: CallRecord[];
}

/** Forge kills a resolver invocation after 25 s. */
export const INVOCATION_TIMEOUT_MS = 25_000;

const scopes = new AsyncLocalStorage<InvocationScope>();
/** Sites started in this process; calls outside any invocation go to the newest. */
const hosts: ForgeHost[] = [];
let saved: { fetch: unknown; runtime: unknown } | null = null;

interface FetchMeta {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

/** lib has no DOM here: the fetch types come from @types/node. */
type BodyInput = ConstructorParameters<typeof Response>[0];
export type HeadersInput = ConstructorParameters<typeof Headers>[0];

type Global = typeof globalThis & { __forge_fetch__?: unknown; __forge_runtime__?: unknown };

async function bodyTextOf(body: unknown): Promise<string | null> {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  return new Response(body as BodyInput).text();
}

export async function toStandInRequest(path: string, init: RequestInit | undefined): Promise<StandInRequest> {
  return {
    method: (init?.method ?? 'GET').toUpperCase(),
    path,
    headers: new Headers(init?.headers as HeadersInput),
    bodyText: await bodyTextOf(init?.body),
  };
}

export function toFetchResponse(res: StandInResponse): Response {
  const nullBody = res.status === 204 || res.status === 205 || res.status === 304;
  return new Response(nullBody ? null : res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/** Records one stand-in call in the host's accounting and in the current invocation, if any. */
export function account(host: ForgeHost, provider: CallProvider, req: StandInRequest, res: StandInResponse, startedAt: number): void {
  const scope = scopes.getStore();
  const call: CallRecord = {
    endpoint: res.endpoint,
    provider,
    path: req.path,
    status: res.status,
    bytes: res.body === null ? 0 : Buffer.byteLength(res.body),
    requestBytes: req.bodyText === null ? 0 : Buffer.byteLength(req.bodyText),
    ms: Date.now() - startedAt,
    ...(scope?.invocationId ? { invocationId: scope.invocationId } : {}),
  };
  host.accounting.record(call);
  if (scope?.host === host) scope.calls.push(call);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

/** What Forge's proxy answers when the user has not granted the app's scopes (consent needed). */
function needsAuthentication(endpoint: string): StandInResponse {
  return {
    status: 401,
    statusText: 'Unauthorized',
    headers: { 'content-type': 'application/json', 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' },
    body: JSON.stringify({ name: 'NEEDS_AUTHENTICATION_ERR', message: 'Authentication Required', serviceKey: 'atlassian-token-service-key' }),
    endpoint,
  };
}

/**
 * One call to a stand-in as the platform's proxy makes it: planted faults
 * first (latency, a canned failure, or no answer at all), then the
 * stand-in; accounted either way (a call that timed out has status 0).
 */
export async function callStandIn(
  host: ForgeHost,
  target: FaultTarget,
  provider: CallProvider,
  req: StandInRequest,
  serve: () => StandInResponse,
  startedAt: number = Date.now(),
): Promise<StandInResponse> {
  const outcome = host.faults?.take(target, req, provider);
  if (outcome) {
    if (outcome.timeoutMs !== undefined) {
      const scope = scopes.getStore();
      const rest = scope?.invocationId ? Math.max(0, INVOCATION_TIMEOUT_MS - (Date.now() - scope.startedAt)) : INVOCATION_TIMEOUT_MS;
      const wait = outcome.timeoutMs === 'rest-of-invocation' ? rest : outcome.timeoutMs;
      await sleep(outcome.latencyMs + wait);
      const endpoint = `${req.method.toUpperCase()} ${new URL(req.path, 'http://local').pathname}`;
      account(host, provider, req, { status: 0, statusText: 'Timed out', headers: {}, body: null, endpoint }, startedAt);
      throw new ForgeFetchTimeoutError(`${target} ${endpoint}`, Date.now() - startedAt);
    }
    if (outcome.latencyMs > 0) await sleep(outcome.latencyMs);
    if (outcome.response) {
      account(host, provider, req, outcome.response, startedAt);
      return outcome.response;
    }
  }
  const res = serve();
  account(host, provider, req, res, startedAt);
  return res;
}

async function forgeFetch(meta: FetchMeta, path: string, init?: RequestInit): Promise<Response> {
  const scope = scopes.getStore();
  const host = scope?.host ?? hosts[hosts.length - 1];
  if (!host) throw new Error('No local Forge site is running: start one with startSite() before calling @forge/api or @forge/kvs.');
  const startedAt = Date.now();
  const req = await toStandInRequest(path, init);
  if (meta.type === 'kvs') {
    return toFetchResponse(await callStandIn(host, 'kvs', 'kvs', req, () => host.kvs.handle(req), startedAt));
  }
  if (meta.type === 'fpp' && (meta.remote === 'jira' || meta.remote === 'confluence')) {
    // `provider: 'none'` is the bare api.requestJira, which Forge runs as the app.
    const asApp = meta.provider === 'app' || meta.provider === 'none';
    const accountId = meta.accountId ?? scope?.accountId ?? null;
    const actor: JiraActor = asApp ? { kind: 'app' } : accountId ? { kind: 'user', accountId } : { kind: 'anonymous' };
    const provider = asApp ? 'app' : 'user';
    if (meta.remote === 'jira') {
      // Cross-product: a Confluence module's asUser() Jira call, refused when the site says the user has not granted the scopes.
      if (!asApp && scope?.product === 'confluence' && host.settings?.confluenceAsUserJira === 'needs-auth') {
        const refused = needsAuthentication(`${req.method.toUpperCase()} ${new URL(req.path, 'http://local').pathname}`);
        account(host, provider, req, refused, startedAt);
        return toFetchResponse(refused);
      }
      return toFetchResponse(await callStandIn(host, 'jira', provider, req, () => host.jira.handle(actor, req), startedAt));
    }
    const confluence = host.confluence;
    if (confluence) {
      return toFetchResponse(await callStandIn(host, 'confluence', provider, req, () => confluence.handle(actor, req), startedAt));
    }
  }
  const what = `${meta.type}${meta.remote ? `/${meta.remote}` : ''}`;
  return new Response(JSON.stringify({ message: `The local Forge site does not serve ${what} requests.` }), {
    status: 501,
    headers: { 'content-type': 'application/json' },
  });
}

const noopMetric = { incr() {}, decr() {}, set() {}, measure: () => ({ stop() {} }), stop() {} };

const runtime = {
  proxy: { token: 'local-proxy-token', url: 'http://localhost' },
  tracing: { traceId: 'local-trace', spanId: 'local-span' },
  container: { appCodeDir: process.cwd() },
  metrics: { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric },
  get aaid(): string | undefined {
    return scopes.getStore()?.accountId ?? undefined;
  },
  get appContext() {
    const scope = scopes.getStore();
    return {
      appId: 'local-learning-loop',
      appVersion: '0.0.0-local',
      environmentId: 'local-development',
      environmentType: 'DEVELOPMENT',
      invocationId: scope?.invocationId ?? 'outside-invocation',
      installationId: 'local-installation',
      moduleKey: scope?.moduleKey ?? undefined,
      license: undefined,
      permissions: { scopes: ['read:jira-work', 'write:jira-work', 'storage:app', 'read:jira-user'], external: {} },
    };
  },
  get lambdaContext() {
    const startedAt = scopes.getStore()?.startedAt ?? Date.now();
    return { getRemainingTimeInMillis: () => Math.max(0, INVOCATION_TIMEOUT_MS - (Date.now() - startedAt)) };
  },
};

/** Makes this host answer Forge calls; the first host installs the globals. */
export function attachHost(host: ForgeHost): void {
  const g = globalThis as Global;
  if (hosts.length === 0) {
    saved = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };
    g.__forge_fetch__ = forgeFetch;
    g.__forge_runtime__ = runtime;
  }
  hosts.push(host);
}

/** The last host to leave restores whatever globals were there before. */
export function detachHost(host: ForgeHost): void {
  const index = hosts.indexOf(host);
  if (index >= 0) hosts.splice(index, 1);
  if (hosts.length === 0 && saved) {
    const g = globalThis as Global;
    g.__forge_fetch__ = saved.fetch;
    g.__forge_runtime__ = saved.runtime;
    saved = null;
  }
}

/** Runs `fn` as `accountId` outside any resolver: asUser() calls inside act as that user. */
export function runAs<T>(host: ForgeHost, accountId: string | null, fn: () => Promise<T>, product: ModuleProduct = 'jira'): Promise<T> {
  return scopes.run(
    { host, accountId, invocationId: null, moduleKey: null, product, installContext: installContextOf(product), startedAt: Date.now(), calls: [] },
    fn,
  );
}

/** The resolver function as Forge calls it (what `makeResolver` returns). */
export type ForgeFunctionHandler = (
  request: { call: { functionKey: string; payload?: unknown; jobId?: string }; context: Record<string, unknown> },
  backend: { principal: { accountId: string }; installContext: string },
) => Promise<unknown>;

export const INSTALL_CONTEXT = 'ari:cloud:jira::site/local';
export const CONFLUENCE_INSTALL_CONTEXT = 'ari:cloud:confluence::site/local';

export const installContextOf = (product: ModuleProduct): string => (product === 'confluence' ? CONFLUENCE_INSTALL_CONTEXT : INSTALL_CONTEXT);

/** Confluence modules (`macro`, `confluence:*`) run in the Confluence installation; the rest in Jira's. */
export function productOfContext(context: Record<string, unknown>): ModuleProduct {
  const type = (context.extension as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' && (type === 'macro' || type.startsWith('confluence:')) ? 'confluence' : 'jira';
}

export interface InvocationOutcome {
  result: unknown;
  calls: CallRecord[];
  ms: number;
  invocationId: string;
}

export class InvocationError extends Error {
  constructor(
    message: string,
    readonly calls: CallRecord[],
    readonly invocationId: string,
  ) {
    super(message);
    this.name = 'InvocationError';
  }
}

/**
 * Invokes the resolver as Forge does: payload and result round-tripped
 * through JSON, the user as principal, 25 s to answer.
 */
export async function runInvocation(
  host: ForgeHost,
  handler: ForgeFunctionHandler,
  call: { functionKey: string; payload: unknown; context: Record<string, unknown>; accountId: string; source: InvocationRecord['source'] },
): Promise<InvocationOutcome> {
  const invocationId = randomUUID();
  const product = productOfContext(call.context);
  const scope: InvocationScope = {
    host,
    accountId: call.accountId,
    invocationId,
    moduleKey: typeof call.context.moduleKey === 'string' ? call.context.moduleKey : null,
    product,
    installContext: installContextOf(product),
    startedAt: Date.now(),
    calls: [],
  };
  const payload = call.payload === undefined ? undefined : (JSON.parse(JSON.stringify(call.payload)) as unknown);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The function timed out: Forge stops a resolver after ${INVOCATION_TIMEOUT_MS / 1000} s.`)), INVOCATION_TIMEOUT_MS);
    timer.unref();
  });
  let ok = false;
  try {
    const raw = await Promise.race([
      scopes.run(scope, () =>
        handler(
          { call: { functionKey: call.functionKey, payload }, context: call.context },
          { principal: { accountId: call.accountId }, installContext: scope.installContext },
        ),
      ),
      timeout,
    ]);
    ok = true;
    const result = raw === undefined ? undefined : (JSON.parse(JSON.stringify(raw)) as unknown);
    return { result, calls: [...scope.calls], ms: Date.now() - scope.startedAt, invocationId };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InvocationError(message, [...scope.calls], invocationId);
  } finally {
    clearTimeout(timer);
    host.accounting.recordInvocation({
      id: invocationId,
      functionKey: call.functionKey,
      accountId: call.accountId,
      source: call.source,
      ms: Date.now() - scope.startedAt,
      ok,
      calls: [...scope.calls],
    });
  }
}

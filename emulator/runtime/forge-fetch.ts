/**
 * `globalThis.__forge_fetch__`: every @forge/api product call and every
 * @forge/kvs call lands here, meets the planted faults, then the stand-in,
 * and is accounted.
 */
import type { CallProvider, CallRecord } from '../controls/accounting';
import { ForgeFetchTimeoutError, type FaultTarget } from '../controls/fault-registry';
import { admitProductCall, admitStorageCall, checkResponse } from './contract-gate';
import { crossProductRefusal, requestProductNotAllowed } from './cross-product';
import { hosts, INVOCATION_TIMEOUT_MS, scopes, type ForgeHost, type InvocationScope } from './invocation-scope';
import type { StandInActor, StandInRequest, StandInResponse } from './stand-in-http';

interface FetchMeta {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

/** lib has no DOM here: the fetch types come from @types/node. */
type BodyInput = ConstructorParameters<typeof Response>[0];
export type HeadersInput = ConstructorParameters<typeof Headers>[0];

async function bodyTextOf(body: unknown): Promise<string | null> {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  return new Response(body as BodyInput).text();
}

export async function toStandInRequest(path: string, init: RequestInit | undefined): Promise<StandInRequest> {
  return {
    method: (init?.method ?? 'GET').toUpperCase(),
    path,
    headers: new Headers(init?.headers),
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
    startedAtMs: startedAt,
    ms: Date.now() - startedAt,
    ...(scope?.invocationId ? { invocationId: scope.invocationId } : {}),
  };
  host.accounting.record(call);
  if (scope?.host === host) scope.calls.push(call);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** What Forge's proxy answers when the user has not granted the app's scopes (consent needed). */
function needsAuthentication(endpoint: string): StandInResponse {
  return {
    status: 401,
    statusText: 'Unauthorized',
    headers: { 'content-type': 'application/json', 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' },
    body: JSON.stringify({
      name: 'NEEDS_AUTHENTICATION_ERR',
      message: 'Authentication Required',
      serviceKey: 'atlassian-token-service-key',
    }),
    endpoint,
  };
}

/**
 * The stand-in's answer, held to Atlassian's contracts (contract-gate.ts): the request refused as the
 * platform refuses it (unknown operation, missing scope, invalid parameters or body), else served and
 * the response checked against the operation's documented statuses and schemas.
 */
function serveUnderContract(
  host: ForgeHost,
  target: FaultTarget,
  provider: CallProvider,
  req: StandInRequest,
  serve: () => StandInResponse,
): StandInResponse {
  const contract = host.contract;
  if (!contract) return serve();
  if (target === 'kvs') return admitStorageCall(contract, req) ?? serve();
  if (target !== 'jira' && target !== 'confluence') return serve();
  // The app's own code: a resolver or function invocation, or a Custom UI frame (tests call through runAs/requestJira).
  const fromApp = provider === 'bridge' || Boolean(scopes.getStore()?.invocationId);
  const admission = admitProductCall(contract, target, req, fromApp);
  if (admission.refusal) return admission.refusal;
  const res = serve();
  checkResponse(contract, admission.op, req, res);
  return res;
}

/**
 * One call to a stand-in as the platform's proxy makes it: planted faults
 * first (latency, a canned failure, or no answer at all), then the
 * contract checks and the stand-in; accounted either way (a call that
 * timed out has status 0).
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
      const limit = scope?.timeoutMs ?? INVOCATION_TIMEOUT_MS;
      const rest = scope?.invocationId ? Math.max(0, limit - (Date.now() - scope.startedAt)) : limit;
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
  const res = serveUnderContract(host, target, provider, req, serve);
  account(host, provider, req, res, startedAt);
  return res;
}

/**
 * A call from a module of one Atlassian app to another (a macro reading Jira) that the manifest's
 * `app.compatibility` and the site's connected apps do not allow: the runtime rejects it before any
 * request leaves the function, as Forge does (cross-product.ts). Accounted with the 403 of the error.
 */
function refuseCrossProduct(
  host: ForgeHost,
  scope: InvocationScope | undefined,
  remote: string,
  provider: CallProvider,
  req: StandInRequest,
  startedAt: number,
): Error | null {
  if (!scope || !host.contract) return null;
  const reason = crossProductRefusal(host.contract.permissions.compatibility(), host.settings, scope.product, remote);
  if (!reason) return null;
  const endpoint = `${req.method.toUpperCase()} ${new URL(req.path, 'http://local').pathname}`;
  host.contract.ledger.record(
    'refusal',
    'request',
    endpoint,
    `${remote} from a ${scope.product} module (${scope.moduleKey ?? 'no module'}): ${reason}`,
    endpoint,
  );
  account(host, provider, req, { status: 403, statusText: 'Forbidden', headers: {}, body: null, endpoint }, startedAt);
  return requestProductNotAllowed(remote, scope.product);
}

export async function forgeFetch(meta: FetchMeta, path: string, init?: RequestInit): Promise<Response> {
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
    const actor: StandInActor = asApp ? { kind: 'app' } : accountId ? { kind: 'user', accountId } : { kind: 'anonymous' };
    const provider = asApp ? 'app' : 'user';
    const notAllowed = refuseCrossProduct(host, scope, meta.remote, provider, req, startedAt);
    if (notAllowed) throw notAllowed;
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
  // requestAtlassian (api.atlassian.com): the Personal data reporting API, as the app or as a user.
  if (meta.type === 'fpp' && meta.remote === 'stargate' && host.atlassian) {
    const atlassian = host.atlassian;
    const asApp = meta.provider === 'app';
    const accountId = meta.accountId ?? scope?.accountId ?? null;
    const actor: StandInActor = asApp ? { kind: 'app' } : accountId ? { kind: 'user', accountId } : { kind: 'anonymous' };
    return toFetchResponse(
      await callStandIn(host, 'atlassian', asApp ? 'app' : 'user', req, () => atlassian.handle(actor, req), startedAt),
    );
  }
  const what = `${meta.type}${meta.remote ? `/${meta.remote}` : ''}`;
  return new Response(JSON.stringify({ message: `The local Forge site does not serve ${what} requests.` }), {
    status: 501,
    headers: { 'content-type': 'application/json' },
  });
}

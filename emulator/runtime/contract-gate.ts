/**
 * Atlassian's published contracts (emulator/contract, over the vendored specs) at the runtime's seam:
 * every Jira and Confluence request is matched to an operation, its scopes checked against the
 * manifest and its query and body validated, before a stand-in sees it; every response a stand-in
 * gives is validated against the operation's documented statuses and schemas (when the site asks).
 * Forge storage calls need `storage:app`.
 */
import { loadContracts } from '../contract/load-contracts';
import type { Contracts } from '../contract/contracts';
import type { MatchedOperation, Product, ScopeVerdict } from '../contract/types';
import type { AppPermissions } from './app-manifest';
import { exceptionFor } from './contract-exceptions';
import type { ContractLedger } from './contract-ledger';
import { invalidRequest, methodNotAllowed, scopeRefusal, unknownPath, unsupportedMediaType, productError } from './contract-refusals';
import type { StandInRequest, StandInResponse } from './stand-in-http';

/** What a site gives the runtime to enforce the contracts with. */
export interface ContractSettings {
  permissions: AppPermissions;
  ledger: ContractLedger;
  /** Check every stand-in response against its operation (on under jest: EMULATOR_VALIDATE_RESPONSES=1). */
  validateResponses: boolean;
  siteUrl(): string;
}

const verdicts = new WeakMap<readonly string[], Map<string, ScopeVerdict>>();

/** The operation's scope verdict for these scopes, worked out once per manifest reading. */
function verdictOf(contracts: Contracts, op: MatchedOperation, granted: readonly string[]): ScopeVerdict {
  let byOp = verdicts.get(granted);
  if (!byOp) verdicts.set(granted, (byOp = new Map<string, ScopeVerdict>()));
  const key = `${op.specKey} ${op.label}`;
  let verdict = byOp.get(key);
  if (!verdict) byOp.set(key, (verdict = contracts.scopesGranted(op, granted)));
  return verdict;
}

export type Admission = { op: MatchedOperation; refusal?: undefined } | { op?: MatchedOperation; refusal: StandInResponse };

const STORAGE_SCOPE = 'storage:app';

const headerRecord = (headers: Headers): Record<string, string> => {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name] = value));
  return out;
};

const isJson = (contentType: string | null) => !!contentType && /[/+]json\b/i.test(contentType);

/** The body as JSON, or the refusal Jira gives a body it cannot read (and why, for the ledger). */
function bodyOf(
  product: Product,
  op: MatchedOperation,
  req: StandInRequest,
): { body: unknown } | { refusal: StandInResponse; why: string } {
  if (req.bodyText === null || req.bodyText === '') return { body: undefined };
  const contentType = req.headers.get('content-type');
  const takesJson = Object.keys(op.requestBody?.content ?? {}).some((k) => /[/+]json\b/.test(k));
  if (takesJson && !isJson(contentType)) {
    return {
      refusal: unsupportedMediaType(product, op, contentType),
      why: `${op.label}: a JSON body sent with ${contentType ? `"${contentType}"` : 'no Content-Type'} (415)`,
    };
  }
  try {
    return { body: JSON.parse(req.bodyText) as unknown };
  } catch (error) {
    const why = `${op.label}: the request body is not valid JSON (${error instanceof Error ? error.message : 'not JSON'})`;
    return { refusal: productError(product, 400, [`${why}.`], op.label), why: `${why} (400)` };
  }
}

/**
 * Before the stand-in: the operation (404/405 when none), its scopes (the platform's refusal when the
 * manifest lacks them), then the request's parameters and body (400 naming each `error` problem;
 * warnings are recorded and the request goes on).
 */
export function admitProductCall(settings: ContractSettings, product: Product, req: StandInRequest, fromApp = false): Admission {
  const contracts = loadContracts();
  const url = new URL(req.path, 'http://local');
  const method = req.method.toUpperCase();
  const where = `${method} ${req.path}`;
  const op = contracts.match(product, method, url.pathname + url.search);
  if (!op) {
    const allowed = contracts.methodsAt(product, url.pathname);
    const refusal = allowed.length
      ? methodNotAllowed(product, method, url, allowed)
      : unknownPath(product, method, url, settings.siteUrl());
    settings.ledger.record(
      'refusal',
      'request',
      refusal.endpoint,
      `${refusal.endpoint}: no operation of Atlassian's ${product} specs (${refusal.status})`,
      where,
    );
    return { refusal };
  }
  const granted = settings.permissions.scopes();
  const verdict = verdictOf(contracts, op, granted);
  if (!verdict.ok) {
    settings.ledger.record(
      'refusal',
      'request',
      op.label,
      `${op.label}: the manifest lacks ${verdict.missing.join(', ')} (${op.operationId})`,
      where,
    );
    return { op, refusal: scopeRefusal(product, op.label, granted, verdict, op.specKey) };
  }
  const read = bodyOf(product, op, req);
  if ('refusal' in read) {
    settings.ledger.record('refusal', 'request', op.label, read.why, where);
    return { op, refusal: read.refusal };
  }
  const problems = contracts.validateRequest(op, { query: url.searchParams, headers: headerRecord(req.headers), body: read.body });
  settings.ledger.request(op.label, op.operationId, fromApp);
  settings.ledger.problems(problems, 'refusal', 'request', where);
  const errors = problems.filter((p) => p.severity === 'error');
  return errors.length
    ? {
        op,
        refusal: invalidRequest(
          product,
          op,
          errors.map((p) => p.message),
        ),
      }
    : { op };
}

/** A Forge storage call: refused by the gateway without `storage:app`. */
export function admitStorageCall(settings: ContractSettings, req: StandInRequest): StandInResponse | undefined {
  if (settings.permissions.scopes().includes(STORAGE_SCOPE)) return undefined;
  const endpoint = `${req.method.toUpperCase()} ${new URL(req.path, 'http://local').pathname}`;
  settings.ledger.record(
    'refusal',
    'request',
    'Forge storage',
    `Forge storage (${endpoint}): the manifest lacks ${STORAGE_SCOPE}`,
    endpoint,
  );
  return scopeRefusal('kvs', endpoint, settings.permissions.scopes(), {
    alternatives: [{ kind: 'current', scopes: [STORAGE_SCOPE], missing: [STORAGE_SCOPE] }],
  });
}

const NOT_JSON = Symbol('not JSON');

function parsedBody(res: StandInResponse): unknown {
  if (res.body === null || res.body === '') return undefined;
  if (!isJson(res.headers['content-type'] ?? res.headers['Content-Type'] ?? null)) return res.body;
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/**
 * After the stand-in: the response against the operation's documented statuses and schemas.
 * A JSON response that does not parse can only come from a planted malformed property
 * (`site.faults.malformedProperty`: text Jira itself would never store), so, like every planted
 * fault's answer, it is not checked; it is recorded as a warning.
 */
export function checkResponse(settings: ContractSettings, op: MatchedOperation, req: StandInRequest, res: StandInResponse): void {
  if (!settings.validateResponses) return;
  const where = `${req.method.toUpperCase()} ${req.path} → ${res.status}`;
  const body = parsedBody(res);
  if (body === NOT_JSON) {
    settings.ledger.record(
      'warning',
      'response',
      op.label,
      `${op.label}: the response is not JSON (a planted malformed property): not checked`,
      where,
    );
    return;
  }
  const problems = loadContracts().validateResponse(op, res.status, body);
  settings.ledger.response(op.label, op.operationId);
  for (const problem of problems) {
    const excepted = exceptionFor(problem, res.status);
    if (excepted)
      settings.ledger.record('warning', 'response', problem.operation, `${problem.message} [known exception: ${excepted}]`, where);
    else settings.ledger.problems([problem], 'violation', 'response', where);
  }
}

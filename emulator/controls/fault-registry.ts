/**
 * Fault injection for the local site: added latency, throttling (429 with
 * Retry-After), server errors (500/503), timeouts (the call never answers
 * within the invocation: Forge's fetch gives up with an error) and malformed
 * stored properties. Faults match per product and endpoint and are switched
 * at run time: from tests (`site.faults`), over HTTP (`/__local/faults`) and
 * on the settings page (`/__local/settings`).
 *
 * Faults are applied where the platform's proxy would fail: in
 * `__forge_fetch__` (backend @forge/api and @forge/kvs calls) and in the
 * bridge's fetchProduct, before the stand-in sees the request, so a failed
 * write has no side effect.
 */
import { STATUS_CODES } from 'node:http';
import type { StandInRequest, StandInResponse } from '../runtime/stand-in-http';
import type { LocalStore } from '../store/local-store';

/** Which backend the call goes to. */
/** `atlassian`: api.atlassian.com as `requestAtlassian` reaches it (the Personal data reporting API). */
export type FaultTarget = 'jira' | 'kvs' | 'confluence' | 'atlassian';

export interface FaultSpec {
  /** The backend; 'any' matches all. Default 'jira'. */
  target?: FaultTarget | 'any';
  /**
   * Method and path template, e.g. "GET /rest/api/3/issue/{issueIdOrKey}" or
   * "POST /api/v1/get" (KVS). `{name}` and `*` match one path segment, a
   * trailing `/**` any rest, and the method may be `*`. Any endpoint when absent.
   */
  endpoint?: string;
  /** Only calls whose path (with query) contains this, e.g. an issue key. */
  pathIncludes?: string;
  /** Only calls made this way: asUser, asApp, from the page (bridge) or KVS. */
  provider?: 'user' | 'app' | 'bridge' | 'kvs';
  /** Added latency before the call is answered (or fails). */
  latencyMs?: number;
  /** Answer with this status instead (e.g. 429, 500, 503). */
  status?: number;
  /** Extra response headers; a 429 gets `Retry-After: 1` unless given. */
  headers?: Record<string, string>;
  /** JSON body; the product's own error shape when absent. */
  body?: unknown;
  /** The call never answers: after `timeoutMs` (default: the rest of the invocation) the fetch rejects. */
  timeout?: boolean;
  timeoutMs?: number;
  /** How many matching calls it affects (default 1); null: until removed. */
  times?: number | null;
}

export interface Fault extends Required<Pick<FaultSpec, 'target'>>, Omit<FaultSpec, 'target' | 'times'> {
  id: string;
  /** Calls left; null: until removed. */
  left: number | null;
  /** Calls it has affected so far. */
  hits: number;
}

/** What one call meets: the sum of the latencies, then at most one failure. */
export interface FaultOutcome {
  latencyMs: number;
  /** A canned answer instead of the stand-in's. */
  response?: StandInResponse;
  /** The fetch rejects after this many ms (from the start of the call). */
  timeoutMs?: number | 'rest-of-invocation';
  faultIds: string[];
}

/** The error Forge's fetch gives when the proxy does not answer in time (@forge/api's FetchError name). */
export class ForgeFetchTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`The request to ${what} timed out after ${ms} ms: the local site's fault injection made it never answer.`);
    this.name = 'FUNCTION_FETCH_ERR';
  }
}

export interface MalformedPropertyOptions {
  /** Default: the property the manifest's first `jira:entityProperty` module indexes. */
  propertyKey?: string;
  /** 'invalid': text that is not JSON; 'foreign': valid JSON of another shape. Default 'invalid'. */
  mode?: 'invalid' | 'foreign';
  /** Exactly this text instead. */
  text?: string;
}

const INVALID_JSON = '{"hypothesis": "Presenting Flex as a refund option will reduce drop-off", "learnings": [{"text": "unterminated';
const FOREIGN_JSON = JSON.stringify({ schema: 'someone-elses-app/v7', notes: ['not a learning record'], outcome: 42, learnings: 'n/a' });

function templatePattern(endpoint: string): { method: string; path: RegExp } {
  const trimmed = endpoint.trim();
  const space = trimmed.indexOf(' ');
  const method = space < 0 ? '*' : trimmed.slice(0, space).toUpperCase();
  const template = space < 0 ? trimmed : trimmed.slice(space + 1).trim();
  const source = template
    .split('/')
    .map((segment) => {
      if (segment === '**') return '.*';
      if (segment === '*' || /^\{[^}]+\}$/.test(segment)) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { method, path: new RegExp(`^${source}/?$`) };
}

function errorBody(target: FaultTarget, status: number): unknown {
  const reason = STATUS_CODES[status] ?? 'Error';
  switch (target) {
    case 'kvs':
      return {
        code: status === 429 ? 'RATE_LIMIT_EXCEEDED' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST',
        message: `Planted failure (${status} ${reason}).`,
      };
    case 'atlassian':
      return { errorType: reason.toUpperCase().replace(/\W+/g, '_'), errorMessage: `Planted failure (${status} ${reason}).` };
    case 'confluence':
      return {
        errors: [
          { status, code: reason.toUpperCase().replace(/\W+/g, '_'), title: `Planted failure (${status} ${reason}).`, detail: null },
        ],
      };
    default:
      return { errorMessages: [`Planted failure (${status} ${reason}).`], errors: {} };
  }
}

let nextId = 1;

export class FaultRegistry {
  private faults: Fault[] = [];

  constructor(
    private readonly store?: LocalStore,
    /** The property a malformed-property fault writes when none is named. */
    readonly defaultPropertyKey: () => string | undefined = () => undefined,
  ) {}

  /** Plants a fault; returns its id (for `remove`). */
  add(spec: FaultSpec): Fault {
    const target = spec.target ?? 'jira';
    if (!['jira', 'kvs', 'confluence', 'atlassian', 'any'].includes(target))
      throw new Error(`Unknown fault target "${target}": use jira, kvs, confluence, atlassian or any.`);
    if (spec.status !== undefined && (!Number.isInteger(spec.status) || spec.status < 100 || spec.status > 599)) {
      throw new Error(`A fault's status must be an HTTP status (100-599), got ${String(spec.status)}.`);
    }
    for (const name of ['latencyMs', 'timeoutMs'] as const) {
      const v = spec[name];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
        throw new Error(`${name} must be a number of ms >= 0.`);
    }
    if (spec.status === undefined && !spec.timeout && !spec.latencyMs) {
      throw new Error('A fault needs a status, a latencyMs or timeout: true.');
    }
    if (spec.endpoint !== undefined) templatePattern(spec.endpoint);
    const { times, ...rest } = spec;
    const fault: Fault = { ...rest, target, id: `fault-${nextId++}`, left: times === null ? null : Math.max(1, times ?? 1), hits: 0 };
    this.faults.push(fault);
    return { ...fault };
  }

  // --- shorthands ---------------------------------------------------------------

  latency(ms: number, match: Omit<FaultSpec, 'latencyMs'> = {}): Fault {
    return this.add({ times: null, ...match, latencyMs: ms });
  }

  rateLimit(retryAfterSeconds: number, match: Omit<FaultSpec, 'status'> = {}): Fault {
    return this.add({ ...match, status: 429, headers: { 'Retry-After': String(retryAfterSeconds), ...match.headers } });
  }

  serverError(status: 500 | 502 | 503 | 504 = 500, match: Omit<FaultSpec, 'status'> = {}): Fault {
    return this.add({ ...match, status });
  }

  timeout(match: Omit<FaultSpec, 'timeout'> = {}): Fault {
    return this.add({ ...match, timeout: true });
  }

  /**
   * Writes a malformed value into an issue's property, as another app or a
   * bad import could: not JSON at all, or JSON of a foreign shape.
   */
  malformedProperty(issueKey: string, opts: MalformedPropertyOptions = {}): { issueKey: string; propertyKey: string; text: string } {
    if (!this.store) throw new Error('This fault registry has no store.');
    const issue = this.store.getIssue(issueKey);
    if (!issue) throw new Error(`No issue ${issueKey}.`);
    const propertyKey = opts.propertyKey ?? this.defaultPropertyKey();
    if (!propertyKey) throw new Error('Name the property to write (propertyKey): the manifest indexes none.');
    const text = opts.text ?? (opts.mode === 'foreign' ? FOREIGN_JSON : INVALID_JSON);
    this.store.setPropertyText(issue.id, propertyKey, text);
    return { issueKey: issue.key, propertyKey, text };
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  /** All faults, or those of one target. */
  clear(target?: FaultTarget): void {
    this.faults = target ? this.faults.filter((f) => f.target !== target && f.target !== 'any') : [];
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /**
   * What a call meets, counting it against the faults it matches. Latency
   * faults add up; the first status or timeout fault decides the failure.
   */
  take(target: FaultTarget, req: Pick<StandInRequest, 'method' | 'path'>, provider: string): FaultOutcome | undefined {
    const pathname = new URL(req.path, 'http://local').pathname;
    const method = req.method.toUpperCase();
    const matching = this.faults.filter((f) => {
      if (f.target !== 'any' && f.target !== target) return false;
      if (f.provider && f.provider !== provider) return false;
      if (f.pathIncludes && !req.path.includes(f.pathIncludes)) return false;
      if (f.endpoint) {
        const pattern = templatePattern(f.endpoint);
        if (pattern.method !== '*' && pattern.method !== method) return false;
        if (!pattern.path.test(pathname)) return false;
      }
      return true;
    });
    if (matching.length === 0) return undefined;
    const outcome: FaultOutcome = { latencyMs: 0, faultIds: [] };
    let failed = false;
    for (const fault of matching) {
      const fails = fault.timeout === true || fault.status !== undefined;
      if (fails && failed) continue;
      outcome.latencyMs += fault.latencyMs ?? 0;
      outcome.faultIds.push(fault.id);
      fault.hits += 1;
      if (fault.left !== null) fault.left -= 1;
      if (fault.timeout) {
        outcome.timeoutMs = fault.timeoutMs ?? 'rest-of-invocation';
        failed = true;
      } else if (fault.status !== undefined) {
        const status = fault.status;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (status === 429 && !Object.keys(fault.headers ?? {}).some((h) => h.toLowerCase() === 'retry-after'))
          headers['Retry-After'] = '1';
        Object.assign(headers, fault.headers);
        outcome.response = {
          status,
          statusText: STATUS_CODES[status] ?? '',
          headers,
          body: JSON.stringify(fault.body ?? errorBody(target, status)),
          endpoint: `${method} ${fault.endpoint ? fault.endpoint.slice(fault.endpoint.indexOf(' ') + 1) : pathname}`,
        };
        failed = true;
      }
    }
    this.faults = this.faults.filter((f) => f.left === null || f.left > 0);
    return outcome;
  }
}

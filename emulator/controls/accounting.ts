/**
 * Counts every call the app makes to the stand-ins (Jira REST, KVS, the
 * bridge's fetchProduct), per invocation and in total, so tests and
 * benchmarks can hold the app to "one call to open, two to save".
 */

/** Who made the call: a backend asUser/asApp call, KVS, or the page through the bridge. */
export type CallProvider = 'user' | 'app' | 'kvs' | 'bridge';

export interface CallRecord {
  /** Method and path template, e.g. "GET /rest/api/3/issue/{issueIdOrKey}". */
  endpoint: string;
  provider: CallProvider;
  /** The concrete path with its query, as requested. */
  path: string;
  status: number;
  /** Response body size in bytes. */
  bytes: number;
  requestBytes: number;
  /** When the function made the call (epoch ms): with `ms`, which calls waited on which (sequential rounds). */
  startedAtMs: number;
  ms: number;
  /** Set when the call happened inside a resolver invocation. */
  invocationId?: string;
}

export interface InvocationRecord {
  id: string;
  functionKey: string;
  /** The principal; null for a scheduled trigger (no user). */
  accountId: string | null;
  /** Who invoked: a test, a frame's bridge, or the product itself (a glance's dynamicProperties, a macro's adfExport). */
  source: 'test' | 'bridge' | 'host';
  ms: number;
  ok: boolean;
  calls: CallRecord[];
}

export interface AccountingSnapshot {
  /** Calls per endpoint since the last reset. */
  totals: Record<string, number>;
  totalCalls: number;
  calls: CallRecord[];
  invocations: InvocationRecord[];
}

/** Old entries are dropped past this, so a long-running site does not grow forever. */
const KEEP = 5000;

export class Accounting {
  private callLog: CallRecord[] = [];
  private invocationLog: InvocationRecord[] = [];
  private counts = new Map<string, number>();

  record(call: CallRecord): void {
    this.callLog.push(call);
    if (this.callLog.length > KEEP) this.callLog.splice(0, this.callLog.length - KEEP);
    this.counts.set(call.endpoint, (this.counts.get(call.endpoint) ?? 0) + 1);
  }

  recordInvocation(invocation: InvocationRecord): void {
    this.invocationLog.push(invocation);
    if (this.invocationLog.length > KEEP) this.invocationLog.splice(0, this.invocationLog.length - KEEP);
  }

  /** Calls since the last reset, oldest first. */
  calls(): CallRecord[] {
    return [...this.callLog];
  }

  invocations(): InvocationRecord[] {
    return [...this.invocationLog];
  }

  /** How many calls hit this endpoint ("GET /rest/api/3/issue/{issueIdOrKey}") since the last reset. */
  count(endpoint: string): number {
    return this.counts.get(endpoint) ?? 0;
  }

  totals(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  snapshot(): AccountingSnapshot {
    return { totals: this.totals(), totalCalls: this.callLog.length, calls: this.calls(), invocations: this.invocations() };
  }

  reset(): void {
    this.callLog = [];
    this.invocationLog = [];
    this.counts.clear();
  }
}

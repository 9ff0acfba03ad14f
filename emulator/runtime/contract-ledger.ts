/**
 * What the contract checks found, per site and per process: the operations called, how many
 * requests and responses were validated, and the findings (warnings, refusals, violations).
 *
 * The process's ledger is published on `globalThis[Symbol.for(CONTRACT_LEDGER_KEY)]`, the way the
 * runtime's seams are globals: a test harness reads it after a test file (jest's setupFilesAfterEnv)
 * without importing the emulator. Each jest test file has its own globals, so its own ledger.
 */
import type { Problem } from '../contract/types';

/**
 * - `warning`: Atlassian accepts the request but the spec says it does nothing or is undocumented
 *   (an unknown query parameter, say); recorded, not refused.
 * - `refusal`: the emulator refused the request as the platform would (unknown path 404, method 405,
 *   invalid request 400, missing scope 401/403, a storage call without `storage:app`).
 * - `violation`: a response of the emulator does not match its documented schema or status: the
 *   emulator drifted from Atlassian's contract. Tests fail on any.
 */
export type FindingKind = 'warning' | 'refusal' | 'violation';

/** Whether the finding is about what the app sent (and the platform's refusal of it), or what the emulator answered. */
export type FindingSide = 'request' | 'response';

export interface ContractFinding {
  kind: FindingKind;
  side: FindingSide;
  /** `METHOD /path/{template}` of the operation, or the path when no operation matched. */
  operation: string;
  message: string;
  /** How many times this exact finding was recorded. */
  count: number;
  /** The first concrete request it was seen on. */
  example: string;
}

export interface OperationTally {
  operationId: string;
  requests: number;
  /** Of the requests, those the app's own code made: inside an invocation (resolver, function) or from a Custom UI frame. */
  appRequests: number;
  responses: number;
}

export interface ContractSummary {
  /** Every operation called, by label (`GET /rest/api/3/issue/{issueIdOrKey}`), with its tallies. */
  operations: Record<string, OperationTally>;
  requestsValidated: number;
  responsesValidated: number;
  warnings: ContractFinding[];
  refusals: ContractFinding[];
  violations: ContractFinding[];
}

/** `Symbol.for(CONTRACT_LEDGER_KEY)` on globalThis holds the process's `ContractLedger`. */
export const CONTRACT_LEDGER_KEY = 'learning-loop.emulator.contract-ledger';

/** Findings kept per kind; past this, only counts grow. */
const KEEP = 500;

export class ContractLedger {
  private ops = new Map<string, OperationTally>();
  private findings = new Map<string, ContractFinding>();
  private requestCount = 0;
  private responseCount = 0;

  constructor(private readonly parent?: ContractLedger) {}

  /** A request matched to an operation and validated; `fromApp` when the app's own code made it (not a test). */
  request(label: string, operationId: string, fromApp = false): void {
    const tally = this.tally(label, operationId);
    tally.requests += 1;
    if (fromApp) tally.appRequests += 1;
    this.requestCount += 1;
    this.parent?.request(label, operationId, fromApp);
  }

  /** A response validated against its operation. */
  response(label: string, operationId: string): void {
    this.tally(label, operationId).responses += 1;
    this.responseCount += 1;
    this.parent?.response(label, operationId);
  }

  record(kind: FindingKind, side: FindingSide, operation: string, message: string, example: string): void {
    const key = `${kind}\u0000${message}`;
    const seen = this.findings.get(key);
    if (seen) seen.count += 1;
    else if (this.findings.size < KEEP * 3) this.findings.set(key, { kind, side, operation, message, count: 1, example });
    this.parent?.record(kind, side, operation, message, example);
  }

  /** Problems from the contract module: errors as `errorsAs`, warnings as warnings. */
  problems(problems: readonly Problem[], errorsAs: FindingKind, side: FindingSide, example: string): void {
    for (const p of problems) this.record(p.severity === 'error' ? errorsAs : 'warning', side, p.operation, p.message, example);
  }

  summary(): ContractSummary {
    const of = (kind: FindingKind) =>
      [...this.findings.values()]
        .filter((f) => f.kind === kind)
        .slice(0, KEEP)
        .map((f) => ({ ...f }));
    return {
      operations: Object.fromEntries([...this.ops.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { ...v }])),
      requestsValidated: this.requestCount,
      responsesValidated: this.responseCount,
      warnings: of('warning'),
      refusals: of('refusal'),
      violations: of('violation'),
    };
  }

  /** Forgets this ledger's tallies and findings (the process's ledger keeps them). */
  reset(): void {
    this.ops.clear();
    this.findings.clear();
    this.requestCount = 0;
    this.responseCount = 0;
  }

  private tally(label: string, operationId: string): OperationTally {
    let tally = this.ops.get(label);
    if (!tally) {
      tally = { operationId, requests: 0, appRequests: 0, responses: 0 };
      this.ops.set(label, tally);
    }
    return tally;
  }
}

// Only this module writes under the ledger's symbol, so what is there is a ledger.
type Global = typeof globalThis & { [key: symbol]: ContractLedger | undefined };

/** The process's ledger (one per jest test file), created on first use and published on globalThis. */
export function processLedger(): ContractLedger {
  const g = globalThis as Global;
  const key = Symbol.for(CONTRACT_LEDGER_KEY);
  // Not instanceof: a module registry reset (jest.resetModules) makes a second ContractLedger class.
  const existing = g[key];
  if (existing) return existing;
  const ledger = new ContractLedger();
  g[key] = ledger;
  return ledger;
}

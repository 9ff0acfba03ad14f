/**
 * jest globalSetup / globalTeardown: a fresh run directory for the test files' contract tallies
 * (contract-check.ts), then the totals at the end of the run, printed and written to
 * `.data/contract-summary.json`: distinct operations called, calls validated, findings.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContractFinding } from '../../emulator';
import { RUN_DIR_ENV, type FileTallies } from './contract-run';

const DATA_DIR = path.resolve(__dirname, '..', '..', '.data');
const RUN_DIR = path.join(DATA_DIR, 'contract-run');
export const SUMMARY_FILE = path.join(DATA_DIR, 'contract-summary.json');

export interface RunSummary {
  files: number;
  distinctOperations: number;
  /** Of them, the operations the app's own code called (resolvers, functions, Custom UI), not only the tests. */
  distinctAppOperations: number;
  operations: Record<string, { operationId: string; requests: number; appRequests: number; responses: number }>;
  requestsValidated: number;
  responsesValidated: number;
  warnings: ContractFinding[];
  refusals: ContractFinding[];
  violations: ContractFinding[];
}

function merge(into: Map<string, ContractFinding>, findings: ContractFinding[]): void {
  for (const f of findings) {
    const key = `${f.kind}\u0000${f.message}`;
    const seen = into.get(key);
    if (seen) seen.count += f.count;
    else into.set(key, { ...f });
  }
}

export function summarise(files: FileTallies[]): RunSummary {
  const operations: RunSummary['operations'] = {};
  const findings = new Map<string, ContractFinding>();
  let requestsValidated = 0;
  let responsesValidated = 0;
  for (const file of files) {
    requestsValidated += file.requestsValidated;
    responsesValidated += file.responsesValidated;
    for (const [label, t] of Object.entries(file.operations)) {
      const o = (operations[label] ??= { operationId: t.operationId, requests: 0, appRequests: 0, responses: 0 });
      o.requests += t.requests;
      o.appRequests += t.appRequests;
      o.responses += t.responses;
    }
    merge(findings, [...file.warnings, ...file.refusals, ...file.violations]);
  }
  const of = (kind: ContractFinding['kind']) => [...findings.values()].filter((f) => f.kind === kind);
  const sorted = Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b)));
  return {
    files: files.length,
    distinctOperations: Object.keys(sorted).length,
    distinctAppOperations: Object.values(sorted).filter((o) => o.appRequests > 0).length,
    operations: sorted,
    requestsValidated,
    responsesValidated,
    warnings: of('warning'),
    refusals: of('refusal'),
    violations: of('violation'),
  };
}

export function globalSetup(): void {
  fs.rmSync(RUN_DIR, { recursive: true, force: true });
  fs.mkdirSync(RUN_DIR, { recursive: true });
  process.env[RUN_DIR_ENV] = RUN_DIR;
}

export function globalTeardown(): void {
  if (!fs.existsSync(RUN_DIR)) return;
  const files = fs
    .readdirSync(RUN_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(RUN_DIR, f), 'utf8')) as FileTallies);
  if (files.length === 0) return;
  const summary = summarise(files);
  fs.writeFileSync(SUMMARY_FILE, `${JSON.stringify(summary, null, 2)}\n`);
  const line =
    `Atlassian contracts: ${summary.distinctOperations} distinct operations (${summary.distinctAppOperations} called by the app's code), ` +
    `${summary.requestsValidated} requests and ${summary.responsesValidated} responses validated ` +
    `(${summary.files} test files); ${summary.warnings.length} warnings, ${summary.refusals.length} kinds of refusal, ` +
    `${summary.violations.length} violations. Details: ${path.relative(process.cwd(), SUMMARY_FILE)}`;
  process.stdout.write(`\n${line}\n`);
}

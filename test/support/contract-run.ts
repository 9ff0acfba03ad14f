/**
 * Shared by the contract hooks of the test run (contract-check.ts after each file, contract-summary.ts
 * around the run): where the emulator publishes its ledger, where the files write their tallies.
 */
import type { ContractSummary } from '../../emulator';

/** The emulator's CONTRACT_LEDGER_KEY (a test holds them equal). */
export const LEDGER_KEY = 'learning-loop.emulator.contract-ledger';

/** Set by the global setup: where each test file writes its tallies. */
export const RUN_DIR_ENV = 'EMULATOR_CONTRACT_RUN_DIR';

export interface FileTallies extends ContractSummary {
  file: string;
}

export function fileLedger(): { summary(): ContractSummary } | undefined {
  const found = (globalThis as Record<symbol, unknown>)[Symbol.for(LEDGER_KEY)] as { summary?: unknown } | undefined;
  return found && typeof found.summary === 'function' ? (found as { summary(): ContractSummary }) : undefined;
}

export function describeViolations(summary: ContractSummary): string {
  return summary.violations.map((v) => `  - ${v.message} (×${v.count}; e.g. ${v.example})`).join('\n');
}

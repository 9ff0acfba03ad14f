/**
 * After every test file (jest `setupFilesAfterEnv`): the emulator's contract findings for the file.
 * A response of the emulator that does not match Atlassian's documented schema or status (a
 * contract violation) fails the file, listing each; the file's tallies go to the run directory that
 * the global setup made, for the closing summary (contract-summary.ts).
 *
 * The emulator publishes its process ledger on `globalThis[Symbol.for(CONTRACT_LEDGER_KEY)]`
 * (emulator/runtime/contract-ledger.ts), so that this file needs no import of the emulator: a file
 * that starts no site pays nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeViolations, fileLedger, RUN_DIR_ENV, type FileTallies } from './contract-run';

afterAll(() => {
  const ledger = fileLedger();
  if (!ledger) return;
  const summary = ledger.summary();
  const testPath = expect.getState().testPath ?? 'unknown';
  const dir = process.env[RUN_DIR_ENV];
  if (dir && fs.existsSync(dir)) {
    const name = path.relative(process.cwd(), testPath).replace(/[^\w.-]+/g, '_');
    const tallies: FileTallies = { file: path.relative(process.cwd(), testPath), ...summary };
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(tallies));
  }
  if (summary.violations.length > 0) {
    throw new Error(
      `The emulator answered ${summary.violations.length} way(s) that Atlassian's published contract does not allow ` +
        `(emulator/specs; fix the stand-in, or list a wrong spec in emulator/runtime/contract-exceptions.ts with the reason):\n${describeViolations(summary)}`,
    );
  }
});

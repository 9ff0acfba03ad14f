/**
 * `npm run lint:forge [appDir]`: Atlassian's `forge lint` (client-side linters), offline.
 * Prints the problems as `forge lint` does and exits non-zero on errors (or approvals, as the
 * CLI does), on a linter that failed, and on any attempt to reach the network.
 * `--calls` also lists the product calls the permission linter saw.
 */
import path from 'node:path';
import { countProblems, formatSeenCalls, lintForgeApp } from './lint-app';

async function main() {
  const args = process.argv.slice(2);
  const showCalls = args.includes('--calls');
  const appDir = args.find((arg) => !arg.startsWith('--'));
  const run = await lintForgeApp(appDir);
  const { errors, warnings, approvals } = countProblems(run);

  console.log(`forge lint (offline, @forge/lint client-side linters) in ${path.relative(process.cwd(), run.appDir) || '.'}`);
  console.log(run.report.trimEnd());
  const checked = run.seenCalls.filter((call) => call.specPath !== null).length;
  console.log(
    `${run.filesLinted.length} of ${run.filesListed.length} source files linted; ` +
      `${run.seenCalls.length} product calls seen by the permission linter (${checked} matched to a spec operation); ${run.durationMs} ms`,
  );
  const hidden = run.filesListed.filter((file) => /\.tsx?$/.test(file) && !run.filesLinted.includes(file));
  if (hidden.length) {
    console.log(
      `Note: ${hidden.length} TypeScript files under src/ are not linted: tsconfig.json's include/exclude leaves them out. ` +
        `@forge/lint compares each file's path with the glob expansion of "include", so a bare directory ("src") includes none of its files; "src/**/*" includes them.`,
    );
  }
  if (showCalls && run.seenCalls.length) console.log(formatSeenCalls(run.seenCalls).replace(/^/gm, '  '));
  for (const attempt of run.networkAttempts) console.error(`network access refused: ${attempt}`);

  if (errors || approvals || run.linterFailures.length || run.networkAttempts.length) {
    console.error(
      `forge lint: ${errors} errors, ${warnings} warnings, ${approvals} approvals, ${run.linterFailures.length} linter failures`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});

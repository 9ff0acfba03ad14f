/**
 * Atlassian's own linter (`@forge/lint`, what `forge lint` and `forge deploy` run), offline.
 *
 * Reproduces what `forge lint` does (`@forge/cli` 13: LintService.run → `lint()` from
 * `@forge/lint`) with the client-side linters only, and without the network:
 *  - the manifest is read as the CLI reads it (`ConfigFile.readConfig()` of `@forge/cli-shared`,
 *    i.e. `@forge/manifest`'s parser with its interpolators), from `manifest.yml` in the app dir;
 *  - the files are the CLI's: everything under `./src` (plus UI Kit resource folders), less
 *    `.gitignore`, `.git` and `node_modules`; `lint()` itself then keeps only the TypeScript
 *    files that `tsconfig.json`'s include/exclude lists, relative to the working directory;
 *  - the permission linter reads local OpenAPI specs (`USE_LOCAL_SWAGGER` + `LOCAL_*_SWAGGER`)
 *    instead of downloading them from developer.atlassian.com;
 *  - feature gates and dynamic configs (Statsig) answer "unknown", which is exactly what the CLI
 *    gets when the flags service cannot be reached: every gate and config falls back to its
 *    default (`getDeprecatedRuntimes()` → `[]`);
 *  - the linter's on-disk cache (`CachedConf`, the `conf` package under ~/.config) is replaced by
 *    its in-memory variant, so nothing is written outside the repo;
 *  - `fetch`, `http(s).request` and `http(s).get` throw while the linter runs: anything that tries
 *    to reach the internet fails loudly (and is reported) instead of hanging;
 *  - the five manifest linters each compile `@forge/manifest`'s 2.3 MB JSON schema with a new Ajv
 *    (about 5.5 s apiece, 28 s in all); here equal schemas compiled with equal options share one
 *    compiled validator (`SchemaValidator` calls it and reads its `errors` synchronously, so
 *    sharing it changes nothing but the time).
 *
 * Everything is relative to the working directory in `@forge/lint` and `@forge/cli-shared`, so a
 * run changes into the app directory and back; runs are serialised.
 */
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { CachedConf, ConfigFile, FileSystemReader, FileSystemWriter, listGitIgnoreFiles, type StatsigService } from '@forge/cli-shared';
import { PermissionLinter, getClientSideLintersOnly, lint, problemCount, reportLintResults } from '@forge/lint';
import type { ForgeLintRun, LintProblem, SeenProductCall } from './lint-types';
import { OfflineStatsig, chdir, patch, refuseNetwork, setEnv } from './offline-sandbox';
import { watchPermissionLinter } from './permission-watch';
import { shareCompiledSchemas } from './shared-schemas';

export type { ForgeLintRun, LintProblem, SeenProductCall };

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SPECS = path.join(REPO_ROOT, 'emulator', 'specs');
const EMPTY_SPEC = path.join(__dirname, 'empty-spec.json');

/** The specs the permission linter reads instead of downloading them (all six must be set). */
export const LOCAL_SPECS = {
  USE_LOCAL_SWAGGER: '1',
  LOCAL_JIRA_SWAGGER: path.join(SPECS, 'jira-platform.swagger-v3.json'),
  LOCAL_JSW_SWAGGER: path.join(SPECS, 'jira-software.openapi.json'),
  LOCAL_CONF_V2_SWAGGER: path.join(SPECS, 'confluence-v2.openapi.json'),
  // Products the app does not call (Confluence v1, Jira Service Management, Bitbucket).
  LOCAL_CONF_SWAGGER: EMPTY_SPEC,
  LOCAL_JSM_SWAGGER: EMPTY_SPEC,
  LOCAL_BB_SWAGGER: EMPTY_SPEC,
} as const;

/** `forge lint` without `-e` lints the default (development) environment. */
const ENVIRONMENT = 'default';
/** `@forge/cli`'s LintService.DEFAULT_DIRECTORY. */
const SOURCE_DIRECTORY = './src';

const stripAnsi = (text: string) => stripVTControlCharacters(text);

let queue: Promise<unknown> = Promise.resolve();

/** Lints the Forge app in `appDir` (default: this repo) with Atlassian's client-side linters. */
export function lintForgeApp(appDir: string = REPO_ROOT): Promise<ForgeLintRun> {
  const run = queue.then(() => lintNow(path.resolve(appDir)));
  queue = run.catch(() => undefined);
  return run;
}

async function lintNow(appDir: string): Promise<ForgeLintRun> {
  const started = performance.now();
  const networkAttempts: string[] = [];
  const logged: string[] = [];
  const logger = { info: (message: string) => logged.push(stripAnsi(message)) };
  const undo: Array<() => void> = [];
  try {
    undo.push(
      setEnv(LOCAL_SPECS),
      patch(CachedConf, 'getCache', () => () => CachedConf.memoryCache()),
      ...refuseNetwork(networkAttempts),
      shareCompiledSchemas(),
    );
    undo.push(chdir(appDir));
    const reader = new FileSystemReader();
    const configFile = new ConfigFile(reader, new FileSystemWriter());
    const manifest = await configFile.readConfig();

    // What @forge/cli's LintService.run lists.
    const uiKitDirectories = (await configFile.getResources(['nativeUI'])).map((resource) => path.dirname(resource.path));
    const exclude = [...(await listGitIgnoreFiles(reader)), '.git', 'node_modules'];
    const listed = (
      await Promise.all([SOURCE_DIRECTORY, ...uiKitDirectories].map((directory) => reader.recursiveReadDir(directory, exclude)))
    ).flat();
    const filesToLint = listed.filter((file, index) => listed.indexOf(file) === index);

    const linters = await getClientSideLintersOnly(manifest, ENVIRONMENT, logger, new OfflineStatsig() as unknown as StatsigService);
    const seenCalls: SeenProductCall[] = [];
    const filesLinted: string[] = [];
    for (const linter of linters) {
      if (linter instanceof PermissionLinter) watchPermissionLinter(linter, appDir, seenCalls, filesLinted);
    }

    const results = await lint(filesToLint, manifest, ENVIRONMENT, logger, new OfflineStatsig() as unknown as StatsigService, {
      linters,
      linter: { mode: 'client-side' },
    });

    const problems = (kind: 'errors' | 'warnings' | 'approvals') =>
      results.flatMap((result) => result[kind].map((rule) => ({ ...rule, file: path.resolve(appDir, result.file) })));
    const linterFailures = logged.filter((message) => message.includes('Could not perform some linting actions'));

    const reportLines: string[] = [];
    const exitCode = process.exitCode; // reportLintResults sets it on errors: the caller decides.
    reportLintResults({ info: (message: string) => reportLines.push(stripAnsi(message)) }, results);
    process.exitCode = exitCode;

    return {
      appDir,
      results,
      errors: problems('errors'),
      warnings: problems('warnings'),
      approvals: problems('approvals'),
      filesLinted: [...new Set(filesLinted)].sort(),
      filesListed: filesToLint.map((file) => path.relative(appDir, path.resolve(appDir, file))).sort(),
      seenCalls: seenCalls.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column),
      linterFailures,
      networkAttempts,
      report: [...linterFailures, ...reportLines].join('\n'),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    for (const restore of undo.reverse()) restore();
  }
}

/** The product calls the permission linter sees in an app (default: this repo). */
export async function productCallsSeen(appDir?: string): Promise<SeenProductCall[]> {
  return (await lintForgeApp(appDir)).seenCalls;
}

/** One line per call: `file:line:column  METHOD path  → spec operation`. */
export const formatSeenCalls = (calls: SeenProductCall[]) =>
  calls
    .map(
      (call) =>
        `${call.file}:${call.line}:${call.column}  ${call.method} ${call.path}  → ${call.specPath ?? 'no spec operation: not checked'}`,
    )
    .join('\n');

/** The number of errors, warnings and approvals, as `forge lint` counts them. */
export const countProblems = (run: ForgeLintRun) => problemCount(run.results);

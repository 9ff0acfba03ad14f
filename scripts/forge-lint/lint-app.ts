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
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import {
  CachedConf,
  ConfigFile,
  FileSystemReader,
  FileSystemWriter,
  StatsigReader,
  listGitIgnoreFiles,
  type DynamicConfig,
  type DynamicConfigKey,
  type StatsigService,
} from '@forge/cli-shared';
import {
  PermissionLinter,
  getClientSideLintersOnly,
  lint,
  problemCount,
  reportLintResults,
  type LintResult,
  type LintResultRule,
} from '@forge/lint';

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

export interface LintProblem extends LintResultRule {
  /** Absolute path of the file (the manifest's problems are reported against manifest.yml). */
  file: string;
}

/** A product call the permission linter found in the source (what it checks scopes for). */
export interface SeenProductCall {
  /** Path relative to the app directory. */
  file: string;
  line: number;
  column: number;
  product: 'jira' | 'confluence' | 'bitbucket';
  method: string;
  /** The path as the linter reads it (`${…}` becomes `\S*`). */
  path: string;
  /**
   * The spec operation the linter matched the call to (`/rest/api/3/user/bulk`), or null when it
   * matched none: then the call is seen but not checked (no scope can be missing).
   */
  specPath: string | null;
}

export interface ForgeLintRun {
  appDir: string;
  results: LintResult[];
  errors: LintProblem[];
  warnings: LintProblem[];
  approvals: LintProblem[];
  /** Files that `lint()` parsed (after tsconfig.json's include/exclude), relative to the app. */
  filesLinted: string[];
  /** Files handed to `lint()` (what `forge lint` lists), relative to the app. */
  filesListed: string[];
  seenCalls: SeenProductCall[];
  /** A linter that threw is only logged by `@forge/lint` (and lints nothing): listed here. */
  linterFailures: string[];
  /** Attempts to reach the network (all refused). */
  networkAttempts: string[];
  /** The report as `forge lint` prints it (no colours when not on a terminal). */
  report: string;
  durationMs: number;
}

/**
 * Feature gates and dynamic configs as the CLI sees them offline: `StatsigService` catches its
 * failed fetch and returns null, and every `StatsigReader` getter then falls back to its default.
 */
class OfflineStatsig extends StatsigReader {
  override async checkGate(): Promise<boolean | null> {
    return null;
  }
  override async getDynamicConfig<F extends DynamicConfigKey>(): Promise<DynamicConfig[F] | null> {
    return null;
  }
}

class NetworkRefusedError extends Error {
  constructor(what: string) {
    super(`forge-lint runs offline, but something tried to reach the network: ${what}`);
    this.name = 'NetworkRefusedError';
  }
}

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

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
  calls.map((call) => `${call.file}:${call.line}:${call.column}  ${call.method} ${call.path}  → ${call.specPath ?? 'no spec operation: not checked'}`).join('\n');

/** The number of errors, warnings and approvals, as `forge lint` counts them. */
export const countProblems = (run: ForgeLintRun) => problemCount(run.results);

/**
 * Records what the permission linter sees: every product call its visitors report (through
 * `addLintCriteriaMatch`) and the spec operation its verifier matches each one to (through
 * `ProductVerifier.lookupApiCall`, set up by `bootstrap()`).
 */
function watchPermissionLinter(linter: PermissionLinter, appDir: string, seen: SeenProductCall[], filesLinted: string[]) {
  type ProductCall = { product: SeenProductCall['product']; path: string; method: string; line: number; column: number };
  type Looked = { regex?: RegExp } | undefined;
  interface Internals {
    addLintCriteriaMatch(apiCall: { type: number } & Partial<ProductCall>, filepath: string): void;
    bootstrap(): Promise<void>;
    execute(input: { filepath: string }): Promise<unknown>;
    verifiers: Record<string, { lookupApiCall?: (call: ProductCall) => Looked; pathMap?: Map<RegExp, { originalPath: string }> }>;
  }
  const internals = linter as unknown as Internals;
  const pending = new Map<object, SeenProductCall>();

  const addMatch = internals.addLintCriteriaMatch;
  internals.addLintCriteriaMatch = function (apiCall, filepath) {
    if (apiCall.product && typeof apiCall.path === 'string' && typeof apiCall.method === 'string') {
      const call: SeenProductCall = {
        file: path.relative(appDir, path.resolve(appDir, filepath)),
        line: apiCall.line ?? 0,
        column: apiCall.column ?? 0,
        product: apiCall.product,
        method: apiCall.method,
        path: apiCall.path,
        specPath: null,
      };
      pending.set(apiCall, call);
      seen.push(call);
    }
    return addMatch.call(this, apiCall, filepath);
  };

  const execute = internals.execute;
  internals.execute = function (input) {
    filesLinted.push(path.relative(appDir, path.resolve(appDir, input.filepath)));
    return execute.call(this, input);
  };

  const bootstrap = internals.bootstrap;
  internals.bootstrap = async function () {
    await bootstrap.call(this);
    for (const product of ['jira', 'confluence', 'bitbucket']) {
      const verifier = internals.verifiers[product];
      const lookup = verifier?.lookupApiCall;
      if (!verifier || !lookup) throw new Error(`@forge/lint changed: no ProductVerifier.lookupApiCall for ${product}`);
      verifier.lookupApiCall = function (call) {
        const found = lookup.call(this, call);
        const record = pending.get(call);
        if (record && found?.regex) record.specPath = verifier.pathMap?.get(found.regex)?.originalPath ?? null;
        return found;
      };
    }
  };
}

function setEnv(values: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

function patch<T extends object, K extends keyof T>(target: T, key: K, make: (original: T[K]) => T[K]): () => void {
  const original = target[key];
  target[key] = make(original);
  return () => {
    target[key] = original;
  };
}

function refuseNetwork(attempts: string[]): Array<() => void> {
  const refuse = (what: string) => {
    attempts.push(what);
    throw new NetworkRefusedError(what);
  };
  const describe = (input: unknown) =>
    typeof input === 'string' ? input : input instanceof URL ? input.href : ((input as { url?: string; host?: string })?.url ?? (input as { host?: string })?.host ?? 'a request');
  return [
    patch(globalThis, 'fetch', () => (async (input: unknown) => refuse(`fetch ${describe(input)}`)) as typeof fetch),
    patch(http, 'request', () => ((input: unknown) => refuse(`http.request ${describe(input)}`)) as typeof http.request),
    patch(http, 'get', () => ((input: unknown) => refuse(`http.get ${describe(input)}`)) as typeof http.get),
    patch(https, 'request', () => ((input: unknown) => refuse(`https.request ${describe(input)}`)) as typeof https.request),
    patch(https, 'get', () => ((input: unknown) => refuse(`https.get ${describe(input)}`)) as typeof https.get),
  ];
}

type Compile = (this: AjvInstance, schema: object, meta?: boolean) => unknown;
interface AjvInstance {
  opts: object;
  formats: object;
}
const compiledSchemas = new Map<string, unknown>();

/** Ajv as `@forge/manifest` loads it: one compiled validator per (schema, options, formats). */
function shareCompiledSchemas(): () => void {
  const manifestDir = path.dirname(require.resolve('@forge/manifest'));
  const Ajv = require(require.resolve('ajv', { paths: [manifestDir] })) as { prototype: { compile: Compile } };
  return patch(Ajv.prototype, 'compile', (compile) =>
    function (this: AjvInstance, schema, meta) {
      if (meta !== undefined) return compile.call(this, schema, meta);
      const key = stableKey([schema, this.opts, Object.keys(this.formats).sort()]);
      if (!compiledSchemas.has(key)) compiledSchemas.set(key, compile.call(this, schema));
      return compiledSchemas.get(key);
    },
  );
}

/** JSON of a value, an object met a second time (a JSON module's `default`) written as a marker. */
function stableKey(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'function') return `[function ${item.name}]`;
    if (typeof item !== 'object' || item === null) return item;
    if (seen.has(item)) return '[seen]';
    seen.add(item);
    return item;
  });
}

function chdir(directory: string): () => void {
  const before = process.cwd();
  process.chdir(directory);
  return () => process.chdir(before);
}

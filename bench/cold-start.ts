/**
 * Backend cold start as issue #14 defines it (require + first call, what every invocation after
 * idle pays), against its floor in one run. The panel's function (src/panel.ts) and the smallest
 * Forge function (bench/fixtures/minimal-function.ts) are bundled the same way; each fresh Node
 * process loads one and calls it once (`fixtures/cold-invoke.cjs`: the panel's `learning/get`,
 * the floor's `ping`, which reads the same issue), with Jira answering from one recording through
 * `__forge_fetch__`. Alternating, RUNS times each; medians and their ratio, side by side. The
 * app's other function (src/index.ts) is loaded only: its first call is a macro's.
 *
 *   npm run bench:cold
 *   npm run bench:cold -- --before=/work/main   # adds another checkout's panel function, measured in the same turns
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ENTRY, MINIMAL_ENTRY, PANEL_ENTRY, REPO_ROOT, bundleBackend, type BackendBundle } from './lib/backend-bundle';
import { kb, median, ms, ratio } from './lib/stats';

const RUNS = 21;
const OUT_DIR = path.join(REPO_ROOT, '.data', 'bench-cold-start');
const PROBE = path.join(__dirname, 'fixtures', 'cold-invoke.cjs');
const RECORDING = path.join(__dirname, 'fixtures', 'panel-open', 'calls.json');

interface ColdStart {
  requireMs: number;
  callMs: number;
  /** The process's CPU time (user + system) over require and call. */
  cpuMs: number;
}

/** A fresh process loads the bundle and, given a resolver key, calls it once. */
function coldStart(file: string, functionKey: string): ColdStart {
  return JSON.parse(execFileSync(process.execPath, [PROBE, file, functionKey, RECORDING], { encoding: 'utf8' })) as ColdStart;
}

/** A fresh process only loads the bundle. */
function loadOnly(file: string): ColdStart {
  const script = `const c=process.cpuUsage(),t=process.hrtime.bigint();require(${JSON.stringify(file)});const u=process.cpuUsage(c);
    process.stdout.write(JSON.stringify({requireMs:Number(process.hrtime.bigint()-t)/1e6,callMs:0,cpuMs:(u.user+u.system)/1000}))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as ColdStart;
}

/**
 * The probe's fresh process, after the same warm-up, loads the bundle wrapped in a block that never runs: the same
 * loader and V8 parse every byte (the top level in full, functions pre-parsed) and nothing executes. The part of a
 * cold start set by the file's size alone.
 */
function compileOnly(file: string): number {
  const parsedOnly = file.replace(/\.cjs$/, '.parse-only.cjs');
  writeFileSync(parsedOnly, `if (globalThis.__neverTrue) {\n${readFileSync(file, 'utf8')}\n}\n`);
  return coldStart(parsedOnly, '-').requireMs;
}

function written(bundle: BackendBundle, name: string): string {
  const file = path.join(OUT_DIR, `${name}.cjs`);
  writeFileSync(file, bundle.code);
  return file;
}

/** The floor's medians: wall time (require + call) and CPU time. */
interface Floor {
  total: number;
  cpu: number;
}

const medianOf = (runs: ColdStart[], pick: (run: ColdStart) => number): number => median(runs.map(pick));
const total = (run: ColdStart): number => run.requireMs + run.callMs;

function row(label: string, bundle: BackendBundle, runs: ColdStart[], compiles: number[], floor: Floor, called = true): string {
  const [load, call, sum, cpu] = [
    medianOf(runs, (r) => r.requireMs),
    medianOf(runs, (r) => r.callMs),
    medianOf(runs, total),
    medianOf(runs, (r) => r.cpuMs),
  ];
  const sums = `${ms(sum)} | ${ratio(sum, floor.total)} | ${ms(cpu)} | ${ratio(cpu, floor.cpu)}`;
  return `| ${label} | ${kb(bundle.bytes)} | ${ms(median(compiles))} | ${ms(load)} | ${called ? ms(call) : '–'} | ${sums} |`;
}

function printBytes(title: string, bundle: BackendBundle): void {
  console.log(`\n${title}`);
  for (const [name, bytes] of Object.entries(bundle.byPackage).sort((a, b) => b[1] - a[1])) console.log(`- ${name}: ${kb(bytes)}`);
}

/** `--before=<checkout>`: that checkout's src/panel.ts, for a before → after from one run. */
const beforeCheckout = process.argv.find((arg) => arg.startsWith('--before='))?.slice('--before='.length);

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const [app, panel, minimal] = await Promise.all([bundleBackend(APP_ENTRY), bundleBackend(PANEL_ENTRY), bundleBackend(MINIMAL_ENTRY)]);
  const before = beforeCheckout ? await bundleBackend(path.join(path.resolve(beforeCheckout), 'src', 'panel.ts')) : null;
  const files = { app: written(app, 'app'), panel: written(panel, 'panel'), minimal: written(minimal, 'minimal') };
  const beforeFile = before ? written(before, 'panel-before') : null;
  const runs: Record<keyof typeof files | 'before', ColdStart[]> = { app: [], panel: [], minimal: [], before: [] };
  const compiles: Record<keyof typeof files | 'before', number[]> = { app: [], panel: [], minimal: [], before: [] };
  for (let run = 0; run < RUNS; run++) {
    runs.minimal.push(coldStart(files.minimal, 'ping'));
    if (beforeFile) runs.before.push(coldStart(beforeFile, 'learning/get'));
    runs.panel.push(coldStart(files.panel, 'learning/get'));
    runs.app.push(loadOnly(files.app));
    for (const name of ['minimal', 'panel', 'app'] as const) compiles[name].push(compileOnly(files[name]));
    if (beforeFile) compiles.before.push(compileOnly(beforeFile));
  }
  const floor: Floor = { total: medianOf(runs.minimal, total), cpu: medianOf(runs.minimal, (r) => r.cpuMs) };
  console.log(`Backend cold start: require + first call (${RUNS} fresh processes each, in turn; medians)\n`);
  console.log('| function | bytes (minified) | V8 compile alone | require | first call | cold start | ÷ floor | CPU time | CPU ÷ floor |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  console.log(row('minimal Forge function, `ping` reads the issue (floor)', minimal, runs.minimal, compiles.minimal, floor));
  if (before && beforeCheckout)
    console.log(row(`before: ${beforeCheckout}/src/panel.ts, \`learning/get\``, before, runs.before, compiles.before, floor));
  console.log(row('issue panel and glance (src/panel.ts), `learning/get`', panel, runs.panel, compiles.panel, floor));
  console.log(row('macro, config, project page (src/index.ts), require only', app, runs.app, compiles.app, floor, false));
  const allowance = 0.3 * floor.total;
  const extraCompile = median(compiles.panel) - median(compiles.minimal);
  console.log(
    `\nGoal (issue #14): the panel's cold start ≤ 1.3 × the floor, i.e. at most ${ms(allowance)} more than the floor. ` +
      `Compiling the panel's bundle alone takes ${ms(extraCompile)} more than compiling the floor's ` +
      `(${ratio(extraCompile, allowance)} of that allowance): V8 parses every byte of the file it loads, before a line runs.`,
  );
  printBytes("Where the panel function's bytes come from:", panel);
  printBytes("Where the floor's bytes come from:", minimal);
}

void main();

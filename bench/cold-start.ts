/**
 * Backend cold start, measured against its floor in one run: the app's bundle and the smallest
 * Forge function (bench/fixtures/minimal-function.ts), both bundled the same way, each loaded
 * in a fresh Node process, alternately, RUNS times. Reports bytes (stable), the median load time
 * of each and their ratio (times vary by machine; the ratio, measured side by side, much less).
 *
 *   npm run bench:cold
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ENTRY, MINIMAL_ENTRY, PANEL_ENTRY, REPO_ROOT, bundleBackend, type BackendBundle } from './lib/backend-bundle';
import { kb, median, ms, ratio } from './lib/stats';

const RUNS = 21;
const OUT_DIR = path.join(REPO_ROOT, '.data', 'bench-cold-start');

/** A fresh process loads the file and reports how long `require` took, in milliseconds. */
function loadTimeMs(file: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

function written(bundle: BackendBundle, name: string): string {
  const file = path.join(OUT_DIR, `${name}.cjs`);
  writeFileSync(file, bundle.code);
  return file;
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const [app, panel, minimal] = await Promise.all([bundleBackend(APP_ENTRY), bundleBackend(PANEL_ENTRY), bundleBackend(MINIMAL_ENTRY)]);
  const files = { app: written(app, 'app'), panel: written(panel, 'panel'), minimal: written(minimal, 'minimal') };
  const times: Record<keyof typeof files, number[]> = { app: [], panel: [], minimal: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const name of ['minimal', 'panel', 'app'] as const) times[name].push(loadTimeMs(files[name]));
  }
  const appMedian = median(times.app);
  const panelMedian = median(times.panel);
  const minimalMedian = median(times.minimal);
  console.log(`Backend cold start (${RUNS} fresh processes each, in turn)\n`);
  console.log('| bundle | bytes (minified) | load, median | against the floor |');
  console.log('|---|---|---|---|');
  console.log(`| minimal Forge function (floor) | ${kb(minimal.bytes)} | ${ms(minimalMedian)} | 1.00× |`);
  console.log(`| issue panel and glance (src/panel.ts) | ${kb(panel.bytes)} | ${ms(panelMedian)} | ${ratio(panelMedian, minimalMedian)} |`);
  console.log(`| macro, config, project page (src/index.ts) | ${kb(app.bytes)} | ${ms(appMedian)} | ${ratio(appMedian, minimalMedian)} |`);
  console.log("\nWhere the app bundle's bytes come from:");
  for (const [name, bytes] of Object.entries(app.byPackage)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)) {
    console.log(`- ${name}: ${kb(bytes)}`);
  }
}

void main();

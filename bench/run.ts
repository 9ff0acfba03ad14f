/**
 * `npm run bench`: Learning Loop's speed on the local site, in one command.
 *
 *   1. remote calls (and bytes) per operation at each size, beside the lower bound and a naive design
 *   2. the slowest resolver invocation with added latency per Jira call, against Forge's 25 s
 *   3. the backend's own CPU work (cards, grouping, filtering, ranking, JQL) and peak memory
 *   4. Custom UI bundle bytes against the budget, and where the bytes come from
 *   5. first render of each resource in headless Chromium
 *
 * Prints a table and writes bench/RESULTS.md (and bench/results.json).
 *
 *   npm run bench                                 everything (builds the UI first)
 *   npm run bench -- --sizes=100,1000 --no-render --no-build --runs=15 --render-runs=5 --latency=300
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAppSite, type AppSite } from '../test/support/app-site';
import { analyseBundle, bundleSizes, type BundleAnalysis, type BundleSizes } from './lib/bundles';
import { measureBackendCpu } from './lib/cpu';
import { seedSize } from './lib/dataset';
import { measureInvocationsUnderLatency } from './lib/latency';
import { measureInsightsOpen } from './lib/operations-insights';
import { measureOperations, servedResolvers } from './lib/operations';
import { arg, CPU_RUNS, LATENCY_MS, RENDER_RUNS, RENDER_SIZE, SIZES } from './lib/options';
import { prepareRenderSites, startFloorSites } from './lib/floor';
import { chromiumPath, measureFirstRender, type RenderResult } from './lib/render';
import { renderTargets } from './lib/render-targets';
import { runInfo } from './lib/run-info';
import { MemorySampler, ms } from './lib/stats';
import type { ReportInput } from './report/report-input';
import { renderReport } from './report/render-report';

const REPO = join(__dirname, '..');

const log = (line: string) => {
  console.log(line);
};

type SizeMeasures = Pick<ReportInput, 'seeded' | 'operations' | 'cpu' | 'memoryBySize' | 'latency' | 'insights'>;

async function main(): Promise<void> {
  const started = Date.now();
  const info = runInfo(REPO);
  // 4 (first): build every Custom UI resource, as a fresh clone needs.
  const buildMs = arg('no-build') === undefined ? buildUi() : null;
  const bundles = bundleSizes();
  const served = servedResolvers();
  log(`Resolvers served: ${served.join(', ')}`);

  // The demo's site: its issue panel is added on every issue (an empty site shows the panel on none, and the
  // first render then waits for a panel that never comes). Each size replaces the store's data.
  const site = await startAppSite({ port: 0, hostname: '127.0.0.1' });
  const baselineRss = process.memoryUsage().rss;
  const memory = new MemorySampler().start();
  let sizes: SizeMeasures;
  let renders: { render: RenderResult[]; renderNote: string };
  try {
    sizes = await measureSizes(site, memory);
    renders = await measureRenders(site, bundles);
  } finally {
    await site.close();
  }
  const mem = memory.stop();
  // After the runs, so the build's memory does not count as the resolvers'.
  const analyses = await analyseBundles(bundles);
  const totalMs = Date.now() - started;

  const input: ReportInput = { ...info, buildMs, bundles, analyses, served, ...sizes, ...renders, mem: { ...mem, baselineRss }, totalMs };
  const report = renderReport(input);
  writeFileSync(join(__dirname, 'RESULTS.md'), report.markdown);
  const { commit, dirty, machine, load } = info;
  const { seeded, operations, cpu, latency, memoryBySize, insights } = sizes;
  const results = {
    commit,
    dirty,
    machine,
    load,
    buildMs,
    bundles,
    analyses,
    served,
    seeded,
    operations,
    cpu,
    latency,
    insights,
    ...renders,
  };
  const json = { date: new Date().toISOString(), ...results, renderNote: undefined, memory: mem, memoryBySize, totalMs };
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(json, null, 2) + '\n');
  log('\n' + report.console);
  log(`\nWrote bench/RESULTS.md and bench/results.json in ${ms(totalMs)}.`);
}

/** npm run build; its wall time. */
function buildUi(): number {
  log('Building the Custom UI (npm run build)…');
  const t0 = Date.now();
  const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8', shell: false });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    throw new Error('npm run build failed: the bundles and the first render cannot be measured.');
  }
  return Date.now() - t0;
}

/** 1–3 at each size: seeding, remote calls per operation, backend CPU, memory; latency at the largest. */
async function measureSizes(site: AppSite, memory: MemorySampler): Promise<SizeMeasures> {
  const out: SizeMeasures = { seeded: [], operations: [], cpu: [], memoryBySize: [], latency: null, insights: [] };
  for (const size of SIZES) {
    memory.mark();
    log(`\nSize ${size}: seeding…`);
    const s = seedSize(site.store, size);
    out.seeded.push(s);
    log(
      `  ${s.records} records on ${s.issues} issues in ${ms(s.generateMs + s.storeMs)} (generate ${ms(s.generateMs)}, store ${ms(s.storeMs)})`,
    );
    log('  operations (remote calls)…');
    const t = Date.now();
    const ops = await measureOperations(site);
    if (servedResolvers().includes('insights/open')) {
      log(`  insights: rebuild, then open (counted, then with ${LATENCY_MS} ms per Jira and KVS call)…`);
      const insights = await measureInsightsOpen(site, LATENCY_MS, s.records);
      ops.push(insights.open);
      out.insights.push({ size: s, ...insights });
    }
    out.operations.push({ size: s, ops });
    log(`  ${ops.length} operations in ${ms(Date.now() - t)}`);
    log(`  backend CPU (${CPU_RUNS} runs each)…`);
    out.cpu.push({ size: s, ...measureBackendCpu(site.store, CPU_RUNS) });
    if (size === Math.max(...SIZES)) {
      log(`  invocations with ${LATENCY_MS} ms added per Jira call…`);
      out.latency = { size: s, invocations: await measureInvocationsUnderLatency(site, LATENCY_MS) };
    }
    out.memoryBySize.push({ size, ...memory.mark() });
  }
  return out;
}

/** 5: first render of each built resource in headless Chromium, unless skipped or impossible. */
async function measureRenders(site: AppSite, bundles: BundleSizes[]): Promise<{ render: RenderResult[]; renderNote: string }> {
  if (arg('no-render') !== undefined) return { render: [], renderNote: 'skipped (--no-render)' };
  if (!chromiumPath) return { render: [], renderNote: 'not measured: no Chromium at /usr/bin/chromium (apt-get install -y chromium)' };
  log(`\nFirst render in headless Chromium (demo + ${RENDER_SIZE} learnings, ${RENDER_RUNS} runs each after a warm-up)…`);
  const targets = renderTargets(bundles);
  const floors = await startFloorSites(targets.map((t) => t.resource));
  try {
    prepareRenderSites([site, ...floors.sites]);
    return { render: await measureFirstRender({ app: site, floorFor: floors.siteFor }, targets, RENDER_RUNS), renderNote: '' };
  } finally {
    await floors.close();
  }
}

/** 4: where each built bundle's bytes come from. */
async function analyseBundles(bundles: BundleSizes[]): Promise<BundleAnalysis[]> {
  const analyses: BundleAnalysis[] = [];
  for (const b of bundles) {
    if (!b.built) continue;
    try {
      analyses.push(await analyseBundle(b.resource));
    } catch (error) {
      log(`  (module listing of ${b.resource} failed: ${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return analyses;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

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
import { execSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { demoConfluence } from '../demo';
import { startAppSite, type AppSite } from '../test/support/app-site';
import { analyseBundle, bundleSizes, JS_GZIP_BUDGET, type BundleAnalysis, type BundleSizes } from './lib/bundles';
import { measureBackendCpu, type CpuMeasure } from './lib/cpu';
import { seedSize, type SeededSize } from './lib/dataset';
import { FORGE_INVOCATION_LIMIT_MS, INVOCATION_GOAL_MS, measureInvocationsUnderLatency, type TimedInvocation } from './lib/latency';
import { measureOperations, servedResolvers, type OperationResult } from './lib/operations';
import { chromiumPath, measureFirstRender, type RenderResult, type RenderTarget } from './lib/render';
import { kb, mb, MemorySampler, ms, ratio } from './lib/stats';

const REPO = join(__dirname, '..');

function arg(name: string): string | undefined {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : 'true';
}

const SIZES = (arg('sizes') ?? process.env.BENCH_SIZES ?? '100,1000,10000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n >= 0);
const CPU_RUNS = Number(arg('runs') ?? 15);
const RENDER_RUNS = Number(arg('render-runs') ?? 5);
const LATENCY_MS = Number(arg('latency') ?? 300);
const RENDER_SIZE = Number(arg('render-size') ?? 1000);
/** Seeding 10,000 learnings should stay well under this. */
const SEED_BUDGET_MS = 10_000;
/** Peak RSS of the site + resolver process: Forge gives a function 512 MB. */
const MEMORY_LIMIT = 512 * 1024 * 1024;

const log = (line: string) => {
  console.log(line);
};

interface Row {
  measure: string;
  value: string;
  limit: string;
  ratio: string;
  note?: string;
}

async function main(): Promise<void> {
  const started = Date.now();
  const commit = safe(() => execSync('git rev-parse --short HEAD', { cwd: REPO }).toString().trim(), 'unknown');
  const dirtyPaths = safe(
    () =>
      execSync('git status --porcelain', { cwd: REPO })
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3).trim()),
    [] as string[],
  );
  const dirty =
    dirtyPaths.length > 0 ? dirtyPaths.slice(0, 8).join(', ') + (dirtyPaths.length > 8 ? ` and ${dirtyPaths.length - 8} more` : '') : '';
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${mb(os.totalmem())} memory, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

  // 4 (first): build every Custom UI resource, as a fresh clone needs.
  let buildMs: number | null = null;
  if (arg('no-build') === undefined) {
    log('Building the Custom UI (npm run build)…');
    const t0 = Date.now();
    const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8', shell: false });
    buildMs = Date.now() - t0;
    if (build.status !== 0) {
      console.error(build.stdout, build.stderr);
      throw new Error('npm run build failed: the bundles and the first render cannot be measured.');
    }
  }
  const bundles = bundleSizes();
  const analyses: BundleAnalysis[] = [];
  const served = servedResolvers();
  log(`Resolvers served: ${served.join(', ')}`);

  const site = await startAppSite({ port: 0, demo: false, hostname: '127.0.0.1' });
  const baselineRss = process.memoryUsage().rss;
  const memory = new MemorySampler().start();
  const seeded: SeededSize[] = [];
  const operations: Array<{ size: SeededSize; ops: OperationResult[] }> = [];
  const cpu: Array<{ size: SeededSize; cards: number; measures: CpuMeasure[] }> = [];
  const memoryBySize: Array<{ size: number; peakRss: number; peakHeapUsed: number }> = [];
  let latency: { size: SeededSize; invocations: TimedInvocation[] } | null = null;
  let render: RenderResult[] = [];
  let renderNote = '';
  try {
    for (const size of SIZES) {
      memory.mark();
      log(`\nSize ${size}: seeding…`);
      const s = seedSize(site.store, size);
      seeded.push(s);
      log(
        `  ${s.records} records on ${s.issues} issues in ${ms(s.generateMs + s.storeMs)} (generate ${ms(s.generateMs)}, store ${ms(s.storeMs)})`,
      );
      log('  operations (remote calls)…');
      const t = Date.now();
      const ops = await measureOperations(site);
      operations.push({ size: s, ops });
      log(`  ${ops.length} operations in ${ms(Date.now() - t)}`);
      log(`  backend CPU (${CPU_RUNS} runs each)…`);
      const c = measureBackendCpu(site.store, CPU_RUNS);
      cpu.push({ size: s, ...c });
      if (size === Math.max(...SIZES)) {
        log(`  invocations with ${LATENCY_MS} ms added per Jira call…`);
        latency = { size: s, invocations: await measureInvocationsUnderLatency(site, LATENCY_MS) };
      }
      memoryBySize.push({ size, ...memory.mark() });
    }

    if (arg('no-render') !== undefined) renderNote = 'skipped (--no-render)';
    else if (!chromiumPath) renderNote = 'not measured: no Chromium at /usr/bin/chromium (apt-get install -y chromium)';
    else {
      log(`\nFirst render in headless Chromium (demo + ${RENDER_SIZE} learnings, ${RENDER_RUNS} runs each after a warm-up)…`);
      seedSize(site.store, RENDER_SIZE);
      site.confluence.reset(demoConfluence());
      render = await measureFirstRender(site, renderTargets(bundles), RENDER_RUNS);
    }
  } finally {
    await site.close();
  }
  const mem = memory.stop();
  // After the runs, so the build's memory does not count as the resolvers'.
  for (const b of bundles) {
    if (!b.built) continue;
    try {
      analyses.push(await analyseBundle(b.resource));
    } catch (error) {
      log(`  (module listing of ${b.resource} failed: ${error instanceof Error ? error.message : String(error)})`);
    }
  }

  const totalMs = Date.now() - started;

  const report = renderReport({
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
    render,
    renderNote,
    mem: { ...mem, baselineRss },
    memoryBySize,
    totalMs,
  });
  writeFileSync(join(__dirname, 'RESULTS.md'), report.markdown);
  writeFileSync(
    join(__dirname, 'results.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
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
        render,
        memory: mem,
        memoryBySize,
        totalMs,
      },
      null,
      2,
    ) + '\n',
  );
  log('\n' + report.console);
  log(`\nWrote bench/RESULTS.md and bench/results.json in ${ms(totalMs)}.`);
}

function renderTargets(bundles: BundleSizes[]): RenderTarget[] {
  const built = new Set(bundles.filter((b) => b.built).map((b) => b.resource));
  const all: RenderTarget[] = [
    {
      resource: 'issue-panel',
      label: 'Jira issue FLEX-112',
      path: '/jira/browse/FLEX-112',
      text: 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.',
      content: "the panel's hypothesis text",
    },
    {
      resource: 'learnings-macro',
      label: 'Confluence page with the macro',
      path: '/wiki/spaces/PL/pages/65601',
      selector: 'article[aria-label]',
      content: "the macro's first card",
    },
    {
      resource: 'macro-config',
      label: 'the macro config dialog',
      path: '/wiki/spaces/PL/pages/65601?configure=4f6c1a52-2b0e-4d7a-9a51-7c3e2f1d0a11',
      selector: '[role="radiogroup"]',
      content: 'the config form (JQL presets)',
    },
    {
      resource: 'retro',
      label: 'Jira project page FLEX › Learnings',
      path: '/jira/projects/FLEX/apps/retro',
      selector: 'li[data-surprise]',
      content: "the retro view's first learning",
    },
  ];
  return all.filter((t) => built.has(t.resource));
}

/** The biggest share after React itself, and the app files that pull it in. */
function whyBig(a: BundleAnalysis | undefined): string {
  if (!a) return 'No module listing.';
  const top = a.packages.filter((p) => !['react-dom', 'react', 'scheduler'].includes(p.name) && !p.name.startsWith('app:')).slice(0, 2);
  return (
    'Largest after react-dom: ' +
    top
      .map(
        (p) =>
          `${p.name} (${kb(p.raw)} rendered, ~${kb(p.gzip)} gzip alone${p.importedBy.length ? `, imported by ${p.importedBy.join(', ')}` : ''})`,
      )
      .join('; ') +
    ' (see "Where the bytes come from").'
  );
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

interface ReportInput {
  commit: string;
  /** Uncommitted paths, or ''. */
  dirty: string;
  machine: string;
  load: string;
  buildMs: number | null;
  bundles: BundleSizes[];
  analyses: BundleAnalysis[];
  served: string[];
  seeded: SeededSize[];
  operations: Array<{ size: SeededSize; ops: OperationResult[] }>;
  cpu: Array<{ size: SeededSize; cards: number; measures: CpuMeasure[] }>;
  latency: { size: SeededSize; invocations: TimedInvocation[] } | null;
  render: RenderResult[];
  renderNote: string;
  mem: { peakRss: number; peakHeapUsed: number; maxRssOs: number; baselineRss: number };
  memoryBySize: Array<{ size: number; peakRss: number; peakHeapUsed: number }>;
  totalMs: number;
}

function table(headers: string[], rows: string[][]): string {
  const esc = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

function consoleTable(rows: Row[]): string {
  const w = [0, 0, 0, 0];
  for (const r of rows) [r.measure, r.value, r.limit, r.ratio].forEach((c, i) => (w[i] = Math.max(w[i]!, c.length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(w[i]!)).join('  ');
  return [
    line(['measure', 'value', 'limit/budget', 'ratio']),
    line(w.map((n) => '-'.repeat(n))),
    ...rows.map((r) => line([r.measure, r.value, r.limit, r.ratio])),
  ].join('\n');
}

function renderReport(r: ReportInput): { markdown: string; console: string } {
  const headline: Row[] = [];
  const over: string[] = [];
  const near: string[] = [];
  const missing: string[] = [];

  // Seeding.
  for (const s of r.seeded) {
    const total = s.generateMs + s.storeMs;
    headline.push({
      measure: `seed ${s.size.toLocaleString('en')} learnings (${s.records.toLocaleString('en')} records)`,
      value: ms(total),
      limit: ms(SEED_BUDGET_MS),
      ratio: ratio(total, SEED_BUDGET_MS),
    });
  }

  // Calls.
  for (const { size, ops } of r.operations) {
    for (const op of ops) {
      const label = `${op.name} @${size.size.toLocaleString('en')}: Jira calls (bytes)`;
      headline.push({
        measure: label,
        value: op.ok ? `${op.calls.jira} (${kb(op.calls.bytes)})` : `error (${op.error})`,
        limit: `≥ ${op.lowerBound} (naive ${op.naive.toLocaleString('en')})`,
        ratio: `${ratio(op.calls.jira, op.lowerBound)} of bound; naive ÷ ours ${ratio(op.naive, op.calls.jira)}`,
      });
      if (!op.ok) missing.push(`${op.name} at ${size.size}: ${op.error}`);
      if (op.calls.perIssue > 0 && /macro|retro|learned/.test(op.name))
        over.push(`${op.name} at ${size.size}: ${op.calls.perIssue} per-issue reads (expected 0).`);
    }
  }
  const missingSurfaces = ['learnedBefore/find', 'retro/open', 'macro/list'].filter((k) => !r.served.includes(k));
  for (const k of missingSurfaces) missing.push(`${k}: not served by src/resolvers/index.ts when this ran, so not measured.`);

  // Latency.
  if (r.latency) {
    const slowest = [...r.latency.invocations].sort((a, b) => b.ms - a.ms)[0];
    if (slowest) {
      headline.push({
        measure: `slowest invocation @${r.latency.size.size.toLocaleString('en')} +${LATENCY_MS} ms/Jira call (${slowest.name})`,
        value: ms(slowest.ms),
        limit: `goal ${ms(INVOCATION_GOAL_MS)}, Forge ${ms(FORGE_INVOCATION_LIMIT_MS)}`,
        ratio: `${ratio(slowest.ms, INVOCATION_GOAL_MS)} of goal; ${ratio(slowest.ms, FORGE_INVOCATION_LIMIT_MS)} of limit`,
      });
      if (slowest.ms <= INVOCATION_GOAL_MS && slowest.ms >= 0.8 * INVOCATION_GOAL_MS)
        near.push(
          `Slowest invocation ${slowest.name}: ${ms(slowest.ms)} with +${LATENCY_MS} ms per Jira call, ${((slowest.ms / INVOCATION_GOAL_MS) * 100).toFixed(0)}% of the ${ms(INVOCATION_GOAL_MS)} goal (${ms(slowest.estimatedMs)} without the stand-in's own search CPU).`,
        );
      if (slowest.ms > INVOCATION_GOAL_MS)
        over.push(`Slowest invocation ${slowest.name}: ${ms(slowest.ms)} > goal ${ms(INVOCATION_GOAL_MS)}.`);
    }
    for (const inv of r.latency.invocations) if (!inv.ok) missing.push(`${inv.name} under latency: ${inv.error}`);
  }

  // CPU.
  for (const { size, measures } of r.cpu) {
    const worst = [...measures].filter((m) => !m.name.includes('every card')).sort((a, b) => b.cpuMs - a.cpuMs)[0];
    if (worst)
      headline.push({
        measure: `backend CPU @${size.size.toLocaleString('en')}: heaviest step (${worst.name})`,
        value: ms(worst.cpuMs),
        limit: '–',
        ratio: '–',
      });
  }
  headline.push({
    measure: `peak RSS of the whole local-site process during the runs (${mb(r.mem.baselineRss)} before seeding)`,
    value: mb(r.mem.peakRss),
    limit: `${mb(MEMORY_LIMIT)} (Forge, per function: not comparable)`,
    ratio: ratio(r.mem.peakRss, MEMORY_LIMIT),
  });
  headline.push({
    measure: 'peak JS heap used',
    value: mb(r.mem.peakHeapUsed),
    limit: mb(MEMORY_LIMIT),
    ratio: ratio(r.mem.peakHeapUsed, MEMORY_LIMIT),
  });

  // Retro truncation.
  for (const { size, ops } of r.operations) {
    for (const o of ops.filter((x) => x.name.includes('[truncated'))) {
      missing.push(
        `Finding: ${o.name.replace(/ \[.*\]/, '')} at ${size.size.toLocaleString('en')}: a sprint search (the sprint's own, or the previous sprint's behind the comparison figures) stopped at the view's page cap (5 pages of 100 issues), so the view counted only part of that sprint (and says so: truncated = true). Not a call budget breach, a completeness one.`,
      );
    }
  }
  if (Math.max(r.mem.peakRss) > MEMORY_LIMIT) {
    missing.push(
      `Peak RSS ${mb(r.mem.peakRss)} is of the whole local-site process (Express, the SQLite store with ${Math.max(...r.seeded.map((s) => s.issues)).toLocaleString('en')} issues, the search stand-in's parsed-property cache, the bench's own data), not of a resolver alone: it cannot be compared to Forge's 512 MB per function. The resolvers' own memory could not be separated in-process.`,
    );
  }

  // Bundles.
  for (const b of r.bundles) {
    if (!b.built) {
      missing.push(`${b.resource}: no build (static/${b.resource}/build/index.html missing after npm run build).`);
      continue;
    }
    headline.push({
      measure: `${b.resource} JS gzip (raw ${kb(b.js.raw)}; CSS ${kb(b.css.raw)} / ${kb(b.css.gzip)} gzip)`,
      value: kb(b.js.gzip),
      limit: kb(JS_GZIP_BUDGET),
      ratio: ratio(b.js.gzip, JS_GZIP_BUDGET),
    });
    const why = whyBig(r.analyses.find((a) => a.resource === b.resource));
    if (b.js.gzip <= JS_GZIP_BUDGET && b.js.gzip >= 0.9 * JS_GZIP_BUDGET)
      near.push(`${b.resource}: ${kb(b.js.gzip)} gzip JS, ${((b.js.gzip / JS_GZIP_BUDGET) * 100).toFixed(0)}% of the budget. ${why}`);
    if (b.js.gzip > JS_GZIP_BUDGET) over.push(`${b.resource}: ${kb(b.js.gzip)} gzip JS > ${kb(JS_GZIP_BUDGET)} budget. ${why}`);
  }

  // Render.
  for (const x of r.render) {
    headline.push({
      measure: `first render: ${x.resource} (${x.content})`,
      value: x.error ? `error: ${x.error}` : ms(x.medianMs),
      limit: '–',
      ratio: '–',
    });
    if (x.error) missing.push(`First render of ${x.resource}: ${x.error}`);
    if (x.note) missing.push(`First render of ${x.resource}: ${x.note}; the median is of the runs that completed.`);
  }
  if (r.renderNote) missing.push(`First render: ${r.renderNote}.`);

  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const md: string[] = [];
  md.push('# Benchmark results', '');
  md.push(`Generated by \`npm run bench\` (bench/run.ts) on ${date}.`, '');
  md.push(`- Commit: \`${r.commit}\`${r.dirty ? `, plus uncommitted changes: ${r.dirty}` : ''}`);
  md.push(
    `- Machine: ${r.machine}; load average at start ${r.load} (a busy shared machine makes wall times noisy; CPU figures are process CPU time)`,
  );
  md.push(
    `- Sizes: ${r.seeded.map((s) => `${s.size.toLocaleString('en')} generated learnings (${s.records.toLocaleString('en')} records in all)`).join(', ')}; in-memory SQLite store, local site on 127.0.0.1`,
  );
  md.push(`- Resolvers served: ${r.served.join(', ')}`);
  md.push(`- Whole run: ${ms(r.totalMs)}${r.buildMs !== null ? ` (of which npm run build ${ms(r.buildMs)})` : ''}`);
  md.push(
    '',
    'Figures are medians (CPU: of ' + CPU_RUNS + ' runs; render: of ' + RENDER_RUNS + ' runs) or exact counts; ratios are value ÷ limit.',
    '',
  );
  md.push(
    '## Headline',
    '',
    table(
      ['measure', 'value', 'limit or budget', 'ratio'],
      headline.map((h) => [h.measure, h.value, h.limit, h.ratio]),
    ),
    '',
  );
  md.push('## Over budget', '', over.length ? over.map((o) => `- ${o}`).join('\n') : '- Nothing.', '');
  md.push(
    '## Near budget (≥ 90% of a budget, ≥ 80% of the invocation goal)',
    '',
    near.length ? near.map((o) => `- ${o}`).join('\n') : '- Nothing.',
    '',
  );
  md.push('## Not measured, or measured with a caveat', '', missing.length ? missing.map((o) => `- ${o}`).join('\n') : '- Nothing.', '');

  md.push('## 1. Remote calls and bytes per operation', '');
  md.push(
    'Jira calls from the local site\'s accounting (asUser and asApp; KVS apart). "Bound" is the least this design can make; "naive" is the same operation with one property read per issue. Bytes are request + response bytes of every call; "to UI" is the resolver\'s JSON answer.',
    '',
  );
  for (const { size, ops } of r.operations) {
    md.push(`### ${size.size.toLocaleString('en')} generated learnings (${size.records.toLocaleString('en')} records)`, '');
    md.push(
      table(
        [
          'operation',
          'invocations',
          'Jira calls',
          'searches',
          'per-issue reads',
          'KVS',
          'bound',
          'calls ÷ bound',
          'naive',
          'naive ÷ calls',
          'bytes (calls)',
          'bytes to UI',
          'items',
          'local ms (sum)',
          'notes: bound; naive',
        ],
        ops.map((o) => [
          o.name + (o.ok ? '' : ` (error: ${o.error})`),
          String(o.invocations),
          String(o.calls.jira),
          String(o.calls.searches),
          String(o.calls.perIssue),
          String(o.calls.kvs),
          String(o.lowerBound),
          ratio(o.calls.jira, o.lowerBound),
          o.naive.toLocaleString('en'),
          ratio(o.naive, o.calls.jira),
          kb(o.calls.bytes),
          kb(o.resultBytes),
          o.items === undefined ? '–' : String(o.items),
          ms(o.ms),
          `${o.lowerBoundNote}; naive: ${o.naiveNote}`,
        ]),
      ),
      '',
    );
    md.push(
      '<details><summary>Endpoints</summary>',
      '',
      ...ops.map(
        (o) =>
          `- ${o.name}: ${
            Object.entries(o.calls.endpoints)
              .map(([e, n]) => `${e} ×${n}`)
              .join(', ') || 'none'
          }`,
      ),
      '',
      '</details>',
      '',
    );
  }

  md.push(`## 2. Invocation time with ${LATENCY_MS} ms added per Jira call`, '');
  if (r.latency) {
    md.push(
      `At ${r.latency.size.size.toLocaleString('en')} generated learnings, every Jira call delayed by ${LATENCY_MS} ms (site.faults.latency). Goal: under ${ms(INVOCATION_GOAL_MS)}; Forge kills an invocation at ${ms(FORGE_INVOCATION_LIMIT_MS)}. "Rounds" = ms ÷ latency. The local site's JQL search re-evaluates the query over all ${r.latency.size.issues.toLocaleString('en')} issues for every page, in this same Node process: that CPU (column "stand-in's own CPU") blocks the resolver even when its calls run in parallel, so the measured time is pessimistic; the last column takes it out.`,
      '',
    );
    md.push(
      table(
        [
          'invocation',
          'resolver',
          'ms',
          'Jira calls',
          'rounds',
          'of goal',
          'of Forge limit',
          "stand-in's own CPU in calls",
          'est. against a Jira answering in exactly the latency',
        ],
        [...r.latency.invocations]
          .sort((a, b) => b.ms - a.ms)
          .map((i) => [
            i.name + (i.ok ? '' : ` (error: ${i.error})`),
            i.resolver,
            ms(i.ms),
            String(i.jiraCalls),
            String(i.latencyRounds),
            ratio(i.ms, INVOCATION_GOAL_MS),
            ratio(i.ms, FORGE_INVOCATION_LIMIT_MS),
            ms(i.standInMs),
            ms(i.estimatedMs),
          ]),
      ),
      '',
    );
  } else md.push('Not run.', '');

  md.push('## 3. Backend work (CPU) and memory', '');
  md.push(
    `CPU time (user + system) of one run, median of ${CPU_RUNS} after a warm-up, on every card of the store (the resolvers see one page at a time: 50 or 100 cards; these are upper bounds).`,
    '',
  );
  const names = [...new Set(r.cpu.flatMap((c) => c.measures.map((m) => m.name)))];
  md.push(
    table(
      ['step', ...r.cpu.map((c) => `${c.size.size.toLocaleString('en')} (${c.cards.toLocaleString('en')} cards)`)],
      names.map((n) => [
        n,
        ...r.cpu.map((c) => {
          const m = c.measures.find((x) => x.name === n);
          return m ? ms(m.cpuMs) : '–';
        }),
      ]),
    ),
    '',
  );
  md.push(
    table(
      ['size', 'peak RSS', 'peak heap used'],
      r.memoryBySize.map((m) => [m.size.toLocaleString('en'), mb(m.peakRss), mb(m.peakHeapUsed)]),
    ),
    '',
  );
  md.push(
    `Peak memory of the process running the local site and the resolvers (sampled every 25 ms while the sizes ran): RSS ${mb(r.mem.peakRss)} (${mb(r.mem.baselineRss)} once the site had started, before seeding; the OS's max RSS of the whole run, with Chromium's driver and tsx: ${mb(r.mem.maxRssOs)}), heap used ${mb(r.mem.peakHeapUsed)}. It holds the stand-ins, the store and the test data too, so it is an upper bound for the resolver alone (Forge's default: 512 MB).`,
    '',
  );

  md.push('## 4. Bundles', '');
  md.push(`Every Custom UI resource after \`npm run build\`; budget ${kb(JS_GZIP_BUDGET)} gzip of JS per resource (gzip level 9).`, '');
  md.push(
    table(
      ['resource', 'JS raw', 'JS gzip', 'CSS raw', 'CSS gzip', 'JS gzip ÷ budget'],
      r.bundles.map((b) =>
        b.built
          ? [b.resource, kb(b.js.raw), kb(b.js.gzip), kb(b.css.raw), kb(b.css.gzip), ratio(b.js.gzip, JS_GZIP_BUDGET)]
          : [b.resource, 'not built', '', '', '', ''],
      ),
    ),
    '',
  );
  md.push('### Where the bytes come from', '');
  md.push(
    "Vite's own build output (rolldown's per-module rendered code, before minification), grouped by package; gzip is of each package's code on its own, an estimate. Top 10 per resource.",
    '',
  );
  for (const a of r.analyses) {
    md.push(`**${a.resource}** (${kb(a.totalRaw)} rendered)`, '');
    md.push(
      table(
        ['package', 'modules', 'rendered', 'share', 'gzip (alone)', 'imported by (app files)'],
        a.packages
          .slice(0, 12)
          .map((p) => [
            p.name,
            String(p.modules),
            kb(p.raw),
            `${((p.raw / a.totalRaw) * 100).toFixed(0)}%`,
            kb(p.gzip),
            p.importedBy.slice(0, 4).join(', ') + (p.importedBy.length > 4 ? ` +${p.importedBy.length - 4}` : ''),
          ]),
      ),
      '',
    );
  }

  md.push('## 5. First render in headless Chromium', '');
  if (r.render.length) {
    md.push(
      `Debian Chromium (headless), a fresh browser context per run (nothing cached), demo data + ${RENDER_SIZE.toLocaleString('en')} generated learnings. Time from the start of the host page's navigation to the first meaningful content in the resource's iframe (stamped by a MutationObserver in the frame). Median of ${RENDER_RUNS} runs after one warm-up. "Frame bytes" are what the frame fetched as the local site serves it (uncompressed; Forge's CDN serves these files compressed, see the gzip sizes above).`,
      '',
    );
    md.push(
      table(
        ['resource', 'host page', 'content awaited', 'median', 'runs (ms)', 'frame bytes fetched'],
        r.render.map((x) => [
          x.resource,
          x.label,
          x.content,
          x.error ? `error: ${x.error}` : ms(x.medianMs),
          x.runs.map((v) => v.toFixed(0)).join(', '),
          x.frameBytes === null ? '–' : kb(x.frameBytes),
        ]),
      ),
      '',
    );
  } else md.push(r.renderNote || 'Not run.', '');

  md.push('## How to read and re-run', '');
  md.push(
    '- `npm run bench` builds the UI, seeds each size into an in-memory store, and measures everything above; `npm run bench -- --sizes=100,1000 --no-render` for a quicker run.',
  );
  md.push(
    '- Call counts and bundle budgets are asserted by `test/bench/budgets.test.ts` (part of `npm test`); no test asserts a wall-clock time.',
  );
  md.push(
    "- The local site's JQL search re-evaluates the query over every issue for each page, so paging the whole set at 10,000 costs the stand-in O(N) per page: that wall time is the stand-in's, not the app's; the app's cost is the call count.",
  );
  md.push('');
  return {
    markdown: md.join('\n'),
    console:
      consoleTable(headline) +
      (over.length ? `\n\nOver budget:\n${over.map((o) => `- ${o}`).join('\n')}` : '\n\nNothing over budget.') +
      (near.length ? `\n\nNear budget:\n${near.map((o) => `- ${o}`).join('\n')}` : '') +
      (missing.length ? `\n\nNot measured / caveats:\n${missing.map((o) => `- ${o}`).join('\n')}` : ''),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

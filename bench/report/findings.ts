// The headline figures, and what is over or near a budget or was not measured, from a bench run.
import { JS_GZIP_BUDGET, type BundleAnalysis } from '../lib/bundles';
import { FORGE_INVOCATION_LIMIT_MS, INVOCATION_GOAL_MS } from '../lib/latency';
import { INSIGHTS_OPEN_GOAL_MS, INSIGHTS_OPEN_INVOCATION_GOAL } from '../lib/operations-insights';
import { SEED_BUDGET_MS, LATENCY_MS, MEMORY_LIMIT } from '../lib/options';
import { FLOOR_RATIO_GOAL } from '../lib/render';
import { kb, mb, ms, ratio } from '../lib/stats';
import type { ReportInput, Row } from './report-input';

export interface Findings {
  headline: Row[];
  over: string[];
  near: string[];
  missing: string[];
}

export function findingsOf(r: ReportInput): Findings {
  const f: Findings = { headline: [], over: [], near: [], missing: [] };
  seedingFindings(r, f);
  callFindings(r, f);
  latencyFindings(r, f);
  cpuAndMemoryFindings(r, f);
  caveatFindings(r, f);
  bundleFindings(r, f);
  renderFindings(r, f);
  return f;
}

function seedingFindings(r: ReportInput, f: Findings): void {
  const { headline } = f;
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
}

function callFindings(r: ReportInput, f: Findings): void {
  const { headline, over, missing } = f;
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
}

function latencyFindings(r: ReportInput, f: Findings): void {
  const { headline, over, near, missing } = f;
  // Latency.
  if (r.latency) {
    const slowest = [...r.latency.invocations].sort((a, b) => b.ms - a.ms)[0];
    if (slowest) {
      headline.push({
        measure: `slowest invocation @${r.latency.size.size.toLocaleString('en')} +${LATENCY_MS} ms/remote call (${slowest.name})`,
        value: ms(slowest.ms),
        limit: `goal ${ms(INVOCATION_GOAL_MS)}, Forge ${ms(FORGE_INVOCATION_LIMIT_MS)}`,
        ratio: `${ratio(slowest.ms, INVOCATION_GOAL_MS)} of goal; ${ratio(slowest.ms, FORGE_INVOCATION_LIMIT_MS)} of limit`,
      });
      if (slowest.ms <= INVOCATION_GOAL_MS && slowest.ms >= 0.8 * INVOCATION_GOAL_MS)
        near.push(
          `Slowest invocation ${slowest.name}: ${ms(slowest.ms)} with +${LATENCY_MS} ms per Jira and KVS call, ${((slowest.ms / INVOCATION_GOAL_MS) * 100).toFixed(0)}% of the ${ms(INVOCATION_GOAL_MS)} goal (${slowest.latencyRounds} rounds; est. ${ms(slowest.estimatedMs)} against a Jira answering in exactly the latency).`,
        );
      if (slowest.ms > INVOCATION_GOAL_MS)
        over.push(
          `Slowest invocation ${slowest.name}: ${ms(slowest.ms)} > goal ${ms(INVOCATION_GOAL_MS)} (${slowest.latencyRounds} rounds; est. ${ms(slowest.estimatedMs)} against a Jira answering in exactly the latency: the rest is the local site's own search CPU inside the calls).`,
        );
    }
    for (const inv of r.latency.invocations) if (!inv.ok) missing.push(`${inv.name} under latency: ${inv.error}`);
  }
  insightsFindings(r, f);
}

/** Issue #16: the Insights tab opens in ≤ 3 invocations and < 2 s with the latency on every remote call, at every size. */
function insightsFindings(r: ReportInput, f: Findings): void {
  for (const i of r.insights) {
    const size = i.size.size.toLocaleString('en');
    f.headline.push({
      measure: `insights open @${size} +${i.underLatency.latencyMs} ms/remote call (${i.open.invocations} invocation, ${i.open.calls.jira} Jira + ${i.open.calls.kvs} KVS calls)`,
      value: ms(i.underLatency.ms),
      limit: `goal ${ms(INSIGHTS_OPEN_GOAL_MS)}, ≤ ${INSIGHTS_OPEN_INVOCATION_GOAL} invocations`,
      ratio: ratio(i.underLatency.ms, INSIGHTS_OPEN_GOAL_MS),
    });
    if (!i.underLatency.ok || !i.open.ok || !i.rebuild.ok)
      f.missing.push(`insights at ${size}: ${i.open.error ?? 'the open or the rebuild failed'}`);
    if (i.underLatency.ms > INSIGHTS_OPEN_GOAL_MS)
      f.over.push(
        `Insights open at ${size}: ${ms(i.underLatency.ms)} > goal ${ms(INSIGHTS_OPEN_GOAL_MS)} (est. ${ms(i.underLatency.estimatedMs)} against a Jira answering in exactly the latency).`,
      );
  }
}

function cpuAndMemoryFindings(r: ReportInput, f: Findings): void {
  const { headline } = f;
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
}

function caveatFindings(r: ReportInput, f: Findings): void {
  const { missing } = f;
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
}

function bundleFindings(r: ReportInput, f: Findings): void {
  const { headline, over, near, missing } = f;
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
}

function renderFindings(r: ReportInput, f: Findings): void {
  const { headline, missing } = f;
  // Render.
  for (const x of r.render) {
    const cold = x.modes.cold;
    headline.push({
      measure: `first render, cold: ${x.resource} (${x.content})`,
      value: x.error ? `error: ${x.error}` : ms(x.medianMs),
      limit: cold ? `floor ${ms(cold.floorMedianMs)} × ${FLOOR_RATIO_GOAL}` : '–',
      ratio: cold ? `${cold.ratio.toFixed(2)}×` : '–',
    });
    if (x.error) missing.push(`First render of ${x.resource}: ${x.error}`);
    if (x.note) missing.push(`First render of ${x.resource}: ${x.note}; the median is of the runs that completed.`);
  }
  if (r.renderNote) missing.push(`First render: ${r.renderNote}.`);
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

// Report sections 3 to 5: backend CPU and memory, bundle bytes, first render in Chromium.
import { JS_GZIP_BUDGET } from '../lib/bundles';
import { CPU_RUNS, RENDER_RUNS, RENDER_SIZE } from '../lib/options';
import { FLOOR_RATIO_GOAL, RENDER_MODES, type RenderResult } from '../lib/render';
import { kb, mb, ms, ratio } from '../lib/stats';
import type { ReportInput } from './report-input';
import { table } from './tables';

export function backendSection(r: ReportInput, md: string[]): void {
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
}

export function bundlesSection(r: ReportInput, md: string[]): void {
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
}

export function renderSection(r: ReportInput, md: string[]): void {
  md.push('## 5. First render in headless Chromium', '');
  if (r.render.length) {
    md.push(
      `Debian Chromium (headless), demo data + ${RENDER_SIZE.toLocaleString('en')} generated learnings. Time from the start of the host page's navigation to the first meaningful content in the resource's iframe (stamped by a MutationObserver in the frame). Median of ${RENDER_RUNS} runs after one warm-up. Each run is followed by one of the floor: bench/fixtures/bare-page (React + tokens + the bridge making the same first call) served in place of the resource by a second site, so both share the machine's load; ratio = resource ÷ floor, goal ≤ ${FLOOR_RATIO_GOAL}× (⚠ above). Cold: a fresh browser context; warm: the same context's second visit (assets from the cache); CPU 4×: cold with Chromium's CPU throttled 4×. "Frame bytes" are what the frame fetched cold as the local site serves it (uncompressed).`,
      '',
    );
    md.push(table(renderHeader(), r.render.map(renderRow)), '');
  } else md.push(r.renderNote || 'Not run.', '');
}

export function renderHeader(): string[] {
  return [
    'resource',
    'content awaited',
    ...RENDER_MODES.flatMap((m) => [`${m} median`, `${m} floor`, `${m} ratio`]),
    'frame bytes fetched',
  ];
}

export function renderRow(x: RenderResult): string[] {
  const modeCells = RENDER_MODES.flatMap((m) => {
    const mode = x.modes[m];
    if (!mode) return ['–', '–', '–'];
    const flag = mode.ratio > FLOOR_RATIO_GOAL ? ' ⚠' : '';
    return [ms(mode.medianMs), ms(mode.floorMedianMs), `${mode.ratio.toFixed(2)}×${flag}`];
  });
  return [
    x.resource,
    x.content,
    ...(x.error ? [`error: ${x.error}`, ...modeCells.slice(1)] : modeCells),
    x.frameBytes === null ? '–' : kb(x.frameBytes),
  ];
}

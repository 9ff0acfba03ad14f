/**
 * `npm run bench:macro`: the Confluence macro in Chromium scrolled to 2,000
 * cards, in each layout (cards, table, compact): per appended page the time
 * to paint it and the main thread's work, then the DOM size and JS heap.
 *
 *   npm run bench:macro -- --cards=2000 --group-by=outcome --layouts=cards,table --no-build --pages
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startAppSite } from '../test/support/app-site';
import { LAYOUTS, type Layout } from '../src/domain/macro/macro-config';
import { seedSize } from './lib/dataset';
import { measureMacroPages, type MacroPagesResult } from './lib/macro-pages';
import { arg } from './lib/options';
import { mb, ms } from './lib/stats';

const REPO = join(__dirname, '..');
const TARGET = Number(arg('cards') ?? 2000);
const GROUP_BY = arg('group-by') ?? 'outcome';
const CHOSEN = (arg('layouts') ?? LAYOUTS.join(',')).split(',');
const MEASURED = LAYOUTS.filter((layout) => CHOSEN.includes(layout));
/** Page ids the local Confluence gives its seeded pages, in order. */
const FIRST_PAGE_ID = 65601;

function table(results: MacroPagesResult[]): string {
  const head = [
    '| layout | pages | median click → painted | median answer → painted | median main thread per page (script / layout / style) | last 5 pages answer → painted | cards | DOM elements | JS heap (after GC) |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const rows = results.map((r) =>
    r.error
      ? `| ${r.layout} | failed: ${r.error.split('\n')[0] ?? ''} |||||||`
      : `| ${r.layout} | ${r.pages.length} | ${ms(r.medianClickToPaintMs)} | ${ms(r.medianRenderMs)} | ${ms(r.medianMainThreadMs)} (${ms(r.medianScriptMs)} / ${ms(r.medianLayoutMs)} / ${ms(r.medianStyleMs)}) | ${ms(r.lastPagesRenderMs)} | ${r.cards} | ${r.elements.toLocaleString('en-US')} | ${mb(r.heapBytes)} |`,
  );
  return [...head, ...rows].join('\n');
}

async function main(): Promise<void> {
  if (arg('no-build') === undefined) {
    console.log('Building the Custom UI (npm run build)…');
    const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed.');
  }
  const site = await startAppSite({ port: 0, demo: false, hostname: '127.0.0.1' });
  try {
    const seeded = seedSize(site.store, TARGET);
    console.log(`Seeded ${seeded.records} records; macro JQL "learningCount > 0", grouped by ${GROUP_BY}.`);
    site.confluence.reset({
      spaces: [{ id: '98305', key: 'PL', name: 'Product Learnings', description: 'Benchmark space.' }],
      pages: LAYOUTS.map((layout) => ({
        spaceKey: 'PL',
        title: `All learnings (${layout})`,
        blocks: [
          {
            type: 'macro' as const,
            localId: `bench-${layout}`,
            moduleKey: 'learnings-macro',
            config: { jql: 'learningCount > 0', layout, groupBy: GROUP_BY },
          },
        ],
        authorAccountId: site.user('alice').accountId,
        at: new Date().toISOString(),
      })),
    });
    const paths = Object.fromEntries(
      MEASURED.map((layout) => [layout, `/wiki/spaces/PL/pages/${FIRST_PAGE_ID + LAYOUTS.indexOf(layout)}`]),
    ) as Record<Layout, string>;
    const results = await measureMacroPages(site, { paths, groupBy: GROUP_BY, target: TARGET });
    console.log(`\nThe macro scrolled to ${TARGET} cards ("Load more" page after page), grouped by ${GROUP_BY}:\n`);
    console.log(table(results));
    if (arg('pages') !== undefined) console.log(JSON.stringify(results, null, 2));
  } finally {
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

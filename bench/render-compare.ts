/**
 * `npm run bench:render-compare -- --before=<static dir>`: the first render of this tree's Custom UI builds beside
 * another tree's (e.g. main before a change, built in a worktree) and the floor, in one run: each run visits the
 * three in a rotating order, so neither build always goes first on a machine whose load drifts. Both sites run
 * this tree's backend (a comparison of the UI builds; the payloads must be ones this backend accepts).
 *
 *   npm run bench:render-compare -- --before=/work/wt-before/static --render-runs=9 --call-latency=300 --resources=retro
 */
import { resolve } from 'node:path';
import { startAppSite, type AppSite } from '../test/support/app-site';
import { bundleSizes } from './lib/bundles';
import { prepareRenderSites, renderRunData, startFloorSites } from './lib/floor';
import { arg, RENDER_RUNS } from './lib/options';
import { FLOOR_SELECTOR, RENDER_MODES, visit, type RenderTarget } from './lib/render';
import { launchBenchChromium } from './lib/render-browser';
import { renderTargets } from './lib/render-targets';
import { median } from './lib/stats';
import { table } from './report/tables';

type Build = 'after' | 'before' | 'floor';
const ORDERS: Build[][] = [
  ['after', 'before', 'floor'],
  ['before', 'floor', 'after'],
  ['floor', 'after', 'before'],
];

const ms = (value: number): string => `${Math.round(value)} ms`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

async function main(): Promise<void> {
  const beforeDir = arg('before');
  if (!beforeDir) throw new Error('Name the other build: --before=<its static directory>.');
  const only = arg('resources')?.split(',');
  const targets = renderTargets(bundleSizes()).filter((t) => !only || only.includes(t.resource));
  const [after, before, floors] = await Promise.all([
    startAppSite({ port: 0, hostname: '127.0.0.1' }),
    startAppSite({ port: 0, hostname: '127.0.0.1', staticDir: resolve(beforeDir) }),
    startFloorSites(targets.map((t) => t.resource)),
  ]);
  const browser = await launchBenchChromium();
  const rows: string[][] = [];
  try {
    prepareRenderSites([after, before, ...floors.sites]);
    for (const target of targets) {
      const floorTarget: RenderTarget = { ...target, selector: FLOOR_SELECTOR, text: undefined };
      const siteOf: Record<Build, [AppSite, RenderTarget]> = {
        after: [after, target],
        before: [before, target],
        floor: [floors.siteFor(target.resource), floorTarget],
      };
      for (const mode of RENDER_MODES) {
        const times: Record<Build, number[]> = { after: [], before: [], floor: [] };
        // One untimed round first (the bench's warm-up), then RENDER_RUNS timed ones.
        for (let run = 0; run <= RENDER_RUNS; run++) {
          for (const build of ORDERS[run % ORDERS.length] ?? []) {
            const [site, t] = siteOf[build];
            const { ms: took } = await visit(browser, site, t, mode, 60_000);
            if (run > 0) times[build].push(took);
          }
        }
        const [a, b, f] = [median(times.after), median(times.before), median(times.floor)];
        rows.push([target.resource, mode, ms(b), ms(a), ms(f), ratio(b, f), ratio(a, f), ratio(a, b)]);
      }
    }
  } finally {
    await browser.close();
    await Promise.all([after.close(), before.close(), floors.close()]);
  }
  console.log(
    `First render, before and after side by side, median of ${RENDER_RUNS} runs (${renderRunData()}), ${new Date().toISOString()}:\n`,
  );
  console.log(table(['resource', 'mode', 'before', 'after', 'floor', 'before ÷ floor', 'after ÷ floor', 'after ÷ before'], rows));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

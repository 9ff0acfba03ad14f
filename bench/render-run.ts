/**
 * `npm run bench:render`: only section 5 of the bench, the first render of each
 * resource beside its floor (cold, warm, CPU 4×), printed as a Markdown table.
 *
 *   npm run bench:render -- --render-runs=5 --render-size=1000 --no-build --resources=issue-panel,retro
 *
 * `--call-latency=300` adds 300 ms to every Jira and KVS call on both sites (the app's and the floor's), as on a
 * real site where those calls are remote: the first call's wait then weighs as it does in production.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startAppSite } from '../test/support/app-site';
import { bundleSizes } from './lib/bundles';
import { prepareRenderSites, renderRunData, startFloorSites } from './lib/floor';
import { arg, RENDER_RUNS } from './lib/options';
import { measureFirstRender } from './lib/render';
import { renderTargets } from './lib/render-targets';
import { renderHeader, renderRow } from './report/markdown-backend';
import { table } from './report/tables';

async function main(): Promise<void> {
  if (arg('no-build') === undefined) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: join(__dirname, '..'), encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const only = arg('resources')?.split(',');
  const targets = renderTargets(bundleSizes()).filter((t) => !only || only.includes(t.resource));
  const [site, floors] = await Promise.all([
    // The demo's site (the panel shown on every issue), its store replaced by the generated set below.
    startAppSite({ port: 0, hostname: '127.0.0.1' }),
    startFloorSites(targets.map((t) => t.resource)),
  ]);
  try {
    prepareRenderSites([site, ...floors.sites]);
    const results = await measureFirstRender({ app: site, floorFor: floors.siteFor }, targets, RENDER_RUNS);
    console.log(`First render, median of ${RENDER_RUNS} runs (${renderRunData()}), ${new Date().toISOString()}:\n`);
    console.log(table(renderHeader(), results.map(renderRow)));
    for (const r of results) if (r.error ?? r.note) console.log(`${r.resource}: ${r.error ?? r.note}`);
  } finally {
    await Promise.all([site.close(), floors.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

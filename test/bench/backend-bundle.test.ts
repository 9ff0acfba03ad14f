/**
 * The backend's cold start, in stable figures: what its bundle holds and what loading it runs.
 * Times are reported by `npm run bench:cold`, never asserted here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { APP_ENTRY, PANEL_ENTRY, REPO_ROOT, bundleBackend } from '../../bench/lib/backend-bundle';

jest.setTimeout(60_000);

/** zod/mini with the English messages: what validation needs (classic zod was ≈ 440 KB). */
const ZOD_BUDGET_BYTES = 64 * 1024;
/** The whole bundle, which carries the JQL parser (measured 2026-11-30: 1,004,860 B). */
const BUNDLE_BUDGET_BYTES = 1_050_000;
/**
 * The panel's function: resolvers, zod/mini, @forge/api and @forge/kvs (measured 2026-11-30: 155,528 B, 172,343 B with two
 * copies of zod's core; 164,765 B once a save also updates the insights aggregates and the panel names the sprint goals
 * a ticket serves; 171,211 B (2026-12-01, was 169,964 B) once a save reads for keeping beside its claim and writes both
 * revisions at once, and reads the insight aggregates beside the old facts: two rounds fewer per save; the smallest
 * Forge function is 62,600 B).
 */
const PANEL_BUNDLE_BUDGET_BYTES = 172_000;
/** One copy of zod's core, ESM, with the English messages (measured 2026-11-30: 29,315 B; 46,123 B with the CommonJS copy the `en.cjs` locale pulled in). */
const PANEL_ZOD_BUDGET_BYTES = 32 * 1024;

describe('the backend bundle (src/index.ts as Forge would ship it)', () => {
  it('carries zod only as zod/mini with English messages', async () => {
    const bundle = await bundleBackend(APP_ENTRY);
    expect(bundle.byPackage.zod).toBeLessThanOrEqual(ZOD_BUDGET_BYTES);
    expect(bundle.bytes).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
  });

  it('gives the issue panel a function of its own without the JQL parser, the exporters or classic zod', async () => {
    const panel = await bundleBackend(PANEL_ENTRY);
    expect(panel.bytes).toBeLessThanOrEqual(PANEL_BUNDLE_BUDGET_BYTES);
    const packages = Object.keys(panel.byPackage);
    expect(packages.filter((name) => /antlr|jql|mdast|adf|statsig|feature-gate/.test(name))).toEqual([]);
    expect(panel.byPackage.zod).toBeLessThanOrEqual(PANEL_ZOD_BUDGET_BYTES);
  });

  it("holds one copy of zod's core, and of its locales only the English messages", async () => {
    const panel = await bundleBackend(PANEL_ENTRY);
    const zodFiles = panel.inputs.filter((input) => input.includes('node_modules/zod/'));
    expect(zodFiles.filter((input) => input.endsWith('.cjs'))).toEqual([]);
    expect(zodFiles.filter((input) => input.includes('/locales/')).map((input) => path.basename(input))).toEqual(['en.js']);
  });

  it('loads without evaluating the JQL parser: an invocation that builds no JQL never pays for it', async () => {
    // Inside the repository, so that the parser resolves if loading asks for it.
    const dir = path.join(REPO_ROOT, '.data', 'backend-bundle-test');
    mkdirSync(dir, { recursive: true });
    const outfile = path.join(dir, 'index.cjs');
    // The parser left outside the bundle, so the child process can see whether loading required it.
    await build({
      entryPoints: [APP_ENTRY],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'silent',
      external: ['@atlaskit/jql-ast', '@atlaskit/jql-parser'],
    });
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      `const app = require(${JSON.stringify(outfile)});
       const loaded = () => Object.keys(require.cache).some((file) => file.includes('/@atlaskit/jql-ast/') || file.includes('/@atlaskit/jql-parser/'));
       const before = loaded();
       app.handler; // touching the export evaluates nothing more
       process.stdout.write(JSON.stringify({ before, exports: Object.keys(app).sort() }));`,
    );
    const seen = JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' })) as {
      before: boolean;
      exports: string[];
    };
    expect(seen.exports).toEqual([
      'appInstalledOrUpgraded',
      'exportMacro',
      'glanceStatus',
      'handler',
      'issueDeleted',
      'rebuildInsightsOnRequest',
      'rebuildInsightsTrigger',
      'reportPersonalDataTrigger',
    ]);
    expect(seen.before).toBe(false);
  });
});

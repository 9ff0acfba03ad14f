/**
 * The floor of the first render: bench/fixtures/bare-page (React, the design
 * tokens and the bridge making the resource's first call), built with the app's
 * own Vite settings (scripts/ui-build.ts), and a second local site that serves
 * it in place of every resource: same host pages, frames, bridge and resolvers.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { viteConfigFor } from '../../scripts/ui-build';
import { startAppSite, type AppSite } from '../../test/support/app-site';

const FIXTURES = resolve(__dirname, '..', 'fixtures');

export interface FloorSite {
  site: AppSite;
  /** Removes the built floor. */
  close: () => Promise<void>;
}

/** Builds the bare page once and copies it to `<tmp>/<resource>/build` for each resource. */
export async function buildFloor(resources: readonly string[]): Promise<string> {
  const { build } = await import('vite');
  const staticDir = mkdtempSync(join(tmpdir(), 'll-floor-'));
  const outDir = join(staticDir, 'bare-page-build');
  const config = await viteConfigFor('bare-page', { staticDir: FIXTURES, build: { outDir } });
  // The app's aliases (the feature-gate stub) come from static/, as the resources' builds have them.
  await build({ ...config, resolve: (await viteConfigFor('issue-panel')).resolve });
  for (const resource of resources) {
    mkdirSync(join(staticDir, resource), { recursive: true });
    cpSync(outDir, join(staticDir, resource, 'build'), { recursive: true });
  }
  return staticDir;
}

export async function startFloorSite(resources: readonly string[]): Promise<FloorSite> {
  const staticDir = await buildFloor(resources);
  // The demo's site (the panel shown on every issue); the bench replaces its store with its own set.
  const site = await startAppSite({ port: 0, hostname: '127.0.0.1', staticDir });
  return {
    site,
    close: async () => {
      await site.close();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/**
 * The floor of the first render: bench/fixtures/bare-page (React, the design
 * tokens and the bridge making the resource's first call), built with the app's
 * own Vite settings (scripts/ui-build.ts), and for each measured resource a local
 * site that serves it in place of that resource: same host pages, frames, bridge,
 * resolvers, and the app's own builds for every other frame on the page.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { outDirOf, STATIC_DIR, uiResources, viteConfigFor } from '../../scripts/ui-build';
import { demoConfluence } from '../../demo';
import { startAppSite, type AppSite } from '../../test/support/app-site';
import { seedSize } from './dataset';
import { RENDER_CALL_LATENCY_MS, RENDER_SIZE } from './options';

const FIXTURES = resolve(__dirname, '..', 'fixtures');

export interface FloorSites {
  /** The site where `resource` is the bare page and every other resource the app's own build. */
  siteFor: (resource: string) => AppSite;
  sites: AppSite[];
  /** Stops the sites and removes the built floor. */
  close: () => Promise<void>;
}

/** Builds the bare page once, into `<tmp>/bare-page-build`. */
async function buildBarePage(): Promise<{ root: string; outDir: string }> {
  const { build } = await import('vite');
  const root = mkdtempSync(join(tmpdir(), 'll-floor-'));
  const outDir = join(root, 'bare-page-build');
  const config = await viteConfigFor('bare-page', { staticDir: FIXTURES, build: { outDir } });
  // The app's aliases (the feature-gate stub) come from static/, as the resources' builds have them.
  await build({ ...config, resolve: (await viteConfigFor('issue-panel')).resolve });
  return { root, outDir };
}

/**
 * One static folder per measured resource under `root`: that resource is the bare page (copied
 * from `barePageBuild`), every other resource links to the app's own build. A host page that
 * shows several frames (the macro's page behind its config dialog) then differs between the
 * app's run and the floor's only in the resource measured.
 */
export function floorDirs(
  root: string,
  barePageBuild: string,
  resources: readonly string[],
  appStaticDir = STATIC_DIR,
): Map<string, string> {
  const dirs = new Map<string, string>();
  for (const resource of resources) {
    const staticDir = join(root, `for-${resource}`);
    mkdirSync(join(staticDir, resource), { recursive: true });
    cpSync(barePageBuild, join(staticDir, resource, 'build'), { recursive: true });
    for (const other of uiResources([], appStaticDir).filter((r) => r !== resource)) {
      mkdirSync(join(staticDir, other), { recursive: true });
      symlinkSync(outDirOf(other, appStaticDir), join(staticDir, other, 'build'), 'dir');
    }
    dirs.set(resource, staticDir);
  }
  return dirs;
}

export async function startFloorSites(resources: readonly string[]): Promise<FloorSites> {
  const { root, outDir } = await buildBarePage();
  const dirs = floorDirs(root, outDir, resources);
  const byResource = new Map<string, AppSite>();
  try {
    for (const [resource, staticDir] of dirs) {
      // The demo's site (the panel shown on every issue); the bench replaces its store with its own set.
      byResource.set(resource, await startAppSite({ port: 0, hostname: '127.0.0.1', staticDir }));
    }
  } catch (error) {
    await Promise.all([...byResource.values()].map((site) => site.close()));
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    siteFor: (resource) => {
      const site = byResource.get(resource);
      if (!site) throw new Error(`No floor site for ${resource}.`);
      return site;
    },
    sites: [...byResource.values()],
    close: async () => {
      await Promise.all([...byResource.values()].map((site) => site.close()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Every site a first-render run visits gets the same data (the demo's pages, RENDER_SIZE learnings) and call latency. */
export function prepareRenderSites(sites: readonly AppSite[]): void {
  for (const site of sites) {
    seedSize(site.store, RENDER_SIZE);
    site.confluence.reset(demoConfluence());
    if (RENDER_CALL_LATENCY_MS > 0) site.faults.latency(RENDER_CALL_LATENCY_MS, { target: 'any' });
  }
}

/** What a first-render table's title says of the run's data and latency. */
export const renderRunData = (): string =>
  `demo + ${RENDER_SIZE} learnings${RENDER_CALL_LATENCY_MS > 0 ? `, +${RENDER_CALL_LATENCY_MS} ms per Jira and KVS call` : ''}`;

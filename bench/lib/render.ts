/**
 * First render of each Custom UI resource in headless Chromium on the local
 * site: from the start of the host page's navigation to the resource's first
 * meaningful content (the panel's hypothesis, the macro's first card, the
 * retro view's first learning). A MutationObserver in the resource's frame
 * stamps the moment the content appears (Date.now(), same machine clock as
 * the navigation start), so no polling interval is added.
 *
 * Each run of a resource is followed by a run of the floor (bench/fixtures/bare-page
 * served in its place by a second site: same host page, frame, bridge and first
 * call; every other frame on the page, e.g. the macro behind its config dialog, the
 * app's own), so both see the same machine load; the ratio is resource ÷ floor.
 * Three ways: cold (a fresh browser context), warm (the same context's second
 * visit: assets from the cache) and cold with the CPU throttled 4×.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import type { AppSite } from '../../test/support/app-site';
import { firstContentStamp, launchBenchChromium, throttleCpu, watchScript } from './render-browser';
import { median } from './stats';

export { chromiumPath } from './render-browser';

export interface RenderTarget {
  resource: string;
  /** What the host page is. */
  label: string;
  /** Path of the host page on the local site. */
  path: string;
  /** What counts as first meaningful content, in the resource's frame. */
  selector?: string;
  text?: string;
  /** Describes the content awaited, for the report. */
  content: string;
}

export type RenderMode = 'cold' | 'warm' | 'cpu4x';
export const RENDER_MODES: RenderMode[] = ['cold', 'warm', 'cpu4x'];
/** The goal of issue #14: every resource within 1.15× of the bare page, in the same run. */
export const FLOOR_RATIO_GOAL = 1.15;

export interface ModeResult {
  runs: number[];
  medianMs: number;
  floorRuns: number[];
  floorMedianMs: number;
  /** medianMs ÷ floorMedianMs. */
  ratio: number;
}

export interface RenderResult {
  resource: string;
  label: string;
  content: string;
  /** Cold runs (as before the floor was measured). */
  runs: number[];
  medianMs: number;
  modes: Partial<Record<RenderMode, ModeResult>>;
  /** Bytes the browser fetched for the resource's frame (document, JS, CSS), from Resource Timing, cold. */
  frameBytes: number | null;
  error?: string;
  /** Runs that failed and were retried. */
  note?: string;
}

/** Bytes the frame fetched (document, JS, CSS), from Resource Timing; runs in the frame. */
function frameBytesInPage(): number {
  const timing = (
    globalThis as unknown as {
      performance: { getEntriesByType: (type: string) => Array<{ transferSize: number; encodedBodySize: number }> };
    }
  ).performance;
  const entries = [...timing.getEntriesByType('resource'), ...timing.getEntriesByType('navigation')];
  return entries.reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0);
}

/** The floor's content: the bare page's painted answer. */
export const FLOOR_SELECTOR = '[data-floor]';

export interface OneRun {
  ms: number;
  frameBytes: number;
}

/** One timed visit; warm visits the page once first (untimed) in the same context. */
export async function visit(browser: Browser, site: AppSite, target: RenderTarget, mode: RenderMode, timeoutMs: number): Promise<OneRun> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  try {
    await context.addCookies([{ name: 'll_user', value: 'alice', url: site.url }]);
    await context.addInitScript({ content: watchScript(target) });
    const page = await context.newPage();
    const open = async () => {
      const started = Date.now();
      await page.goto(site.url + target.path, { waitUntil: 'commit' });
      const { stamp, frame } = await firstContentStamp(page, target.resource, timeoutMs);
      return { ms: stamp - started, frame };
    };
    if (mode === 'warm') await open();
    if (mode === 'cpu4x') await throttleCpu(context, page, 4);
    const { ms, frame } = await open();
    return { ms, frameBytes: await frame.evaluate(frameBytesInPage) };
  } finally {
    await context.close();
  }
}

const failedIn =
  (where: string) =>
  (e: unknown): never => {
    throw new Error(`${where}: ${e instanceof Error ? e.message : String(e)}`);
  };

export interface RenderSites {
  app: AppSite;
  /** The same data, with the bare page served for this resource (and the app's builds for the other frames). */
  floorFor: (resource: string) => AppSite;
}

/** `runs` counted pairs (resource, floor) per mode after one warm-up pair; at most 3 failed visits per resource. */
async function measureTarget(browser: Browser, sites: RenderSites, target: RenderTarget, runs: number, timeoutMs: number) {
  const floorTarget: RenderTarget = { ...target, selector: FLOOR_SELECTOR, text: undefined };
  const modes: Partial<Record<RenderMode, ModeResult>> = {};
  let frameBytes: number | null = null;
  let failures = 0;
  let error: string | undefined;
  for (const mode of RENDER_MODES) {
    const times: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i <= runs && failures < 3;) {
      try {
        const app = await visit(browser, sites.app, target, mode, timeoutMs).catch(failedIn(`${mode}, the resource`));
        const floor = await visit(browser, sites.floorFor(target.resource), floorTarget, mode, timeoutMs).catch(
          failedIn(`${mode}, the floor`),
        );
        if (i > 0) {
          times.push(app.ms);
          floors.push(floor.ms);
        }
        if (mode === 'cold') frameBytes = app.frameBytes;
        i++;
      } catch (e) {
        // A run can fail while a build is being replaced under the site (others build in this folder): retried.
        failures++;
        error = `${failures} failed run(s): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      }
    }
    const m = median(times);
    const f = median(floors);
    modes[mode] = { runs: times, medianMs: m, floorRuns: floors, floorMedianMs: f, ratio: f > 0 ? m / f : NaN };
  }
  return { modes, frameBytes, error };
}

export async function measureFirstRender(
  sites: RenderSites,
  targets: RenderTarget[],
  runs = 5,
  timeoutMs = 60_000,
): Promise<RenderResult[]> {
  const browser = await launchBenchChromium();
  const results: RenderResult[] = [];
  try {
    for (const target of targets) {
      const { modes, frameBytes, error } = await measureTarget(browser, sites, target, runs, timeoutMs);
      const cold = modes.cold;
      const complete = RENDER_MODES.every((m) => (modes[m]?.runs.length ?? 0) >= runs);
      results.push({
        resource: target.resource,
        label: target.label,
        content: target.content,
        runs: cold?.runs ?? [],
        medianMs: cold?.medianMs ?? NaN,
        modes,
        frameBytes,
        ...(error && !complete ? { error } : {}),
        ...(error && complete ? { note: `${error} (retried)` } : {}),
      });
    }
  } finally {
    await browser.close();
  }
  return results;
}

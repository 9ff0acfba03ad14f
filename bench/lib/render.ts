/**
 * First render of each Custom UI resource in headless Chromium on the local
 * site: from the start of the host page's navigation to the resource's first
 * meaningful content (the panel's hypothesis, the macro's first card, the
 * retro view's first learning). A MutationObserver in the resource's frame
 * stamps the moment the content appears (Date.now(), same machine clock as
 * the navigation start), so no polling interval is added.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AppSite } from '../../test/support/app-site';
import { median } from './stats';

export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
) as string[];
export const chromiumPath = CHROMIUM_CANDIDATES.find((c) => existsSync(c));

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

export interface RenderResult {
  resource: string;
  label: string;
  content: string;
  runs: number[];
  medianMs: number;
  /** Bytes the browser fetched for the resource's frame (document, JS, CSS), from Resource Timing. */
  frameBytes: number | null;
  error?: string;
  /** Runs that failed and were retried. */
  note?: string;
}

/**
 * Runs in every frame (as page script text: the backend's tsconfig has no DOM
 * types): stamps `window.__llFirstContent` when the awaited content appears in
 * the frame of its resource.
 */
function watchScript(targets: Array<{ resource: string; selector?: string; text?: string }>): string {
  return `(() => {
    const targets = ${JSON.stringify(targets)};
    const target = targets.find((t) => location.pathname.includes('/forge/resources/' + t.resource + '/'));
    if (!target) return;
    const found = () => {
      if (!document.body) return false;
      if (target.selector && document.querySelector(target.selector)) return true;
      if (target.text && (document.body.textContent || '').includes(target.text)) return true;
      return false;
    };
    const observer = new MutationObserver(() => {
      if (window.__llFirstContent === undefined && found()) {
        window.__llFirstContent = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

const FRAME_BYTES = `(() => {
  const entries = [...performance.getEntriesByType('resource'), ...performance.getEntriesByType('navigation')];
  return entries.reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0);
})()`;

export async function measureFirstRender(site: AppSite, targets: RenderTarget[], runs = 5, timeoutMs = 20_000): Promise<RenderResult[]> {
  if (!chromiumPath) throw new Error(`No Chromium (looked at ${CHROMIUM_CANDIDATES.join(', ')}).`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const results: RenderResult[] = [];
  try {
    for (const target of targets) {
      const times: number[] = [];
      let frameBytes: number | null = null;
      let error: string | undefined;
      // One warm-up run (server-side module loading, first compile of the resolvers), then `runs` counted ones.
      let failures = 0;
      for (let i = 0; i <= runs && failures < 3;) {
        // A fresh context each time: nothing cached, as a first visit.
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        try {
          await context.addCookies([{ name: 'll_user', value: 'alice', url: site.url }]);
          await context.addInitScript({
            content: watchScript(targets.map(({ resource, selector, text }) => ({ resource, selector, text }))),
          });
          const page = await context.newPage();
          const started = Date.now();
          await page.goto(site.url + target.path, { waitUntil: 'commit' });
          const frame = await waitForFrame(page, target.resource, timeoutMs);
          const stamp = await frame.waitForFunction('window.__llFirstContent', undefined, { timeout: timeoutMs, polling: 50 });
          const at = Number(await stamp.jsonValue());
          if (i > 0) times.push(at - started);
          if (i === runs) frameBytes = await frame.evaluate<number>(FRAME_BYTES);
          i++;
        } catch (e) {
          // A run can fail while a build is being replaced under the site (others build in this folder): retried, at most 3 failures.
          failures++;
          error = `${failures} failed run(s): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
        } finally {
          await context.close();
        }
      }
      if (times.length >= runs) error = error ? `${error} (retried)` : undefined;
      results.push({
        resource: target.resource,
        label: target.label,
        content: target.content,
        runs: times,
        medianMs: median(times),
        frameBytes,
        ...(error && times.length < runs ? { error } : {}),
        ...(error && times.length >= runs ? { note: error } : {}),
      });
    }
  } finally {
    await browser.close();
  }
  return results;
}

async function waitForFrame(page: Page, resource: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes(`/forge/resources/${resource}/`));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`No ${resource} frame on the page within ${timeoutMs} ms.`);
    await page.waitForTimeout(20);
  }
}

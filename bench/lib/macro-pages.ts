/**
 * The Confluence macro scrolled to 2,000 cards in headless Chromium, in every
 * layout: "Load more" pressed page after page, and per page the time from the
 * click to the new page painted (and from the page's answer to painted, i.e.
 * the browser's own work), the renderer's main-thread time for the whole page
 * (including the authors' names arriving after it), then at the end the DOM's
 * element count and the frame's JS heap after a forced garbage collection.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import type { Layout } from '../../src/domain/macro/macro-config';
import type { AppSite } from '../../test/support/app-site';
import { CHROMIUM_CANDIDATES, chromiumPath } from './render-browser';
import { median } from './stats';

export const LAYOUT_ROWS: Record<Layout, string> = {
  cards: 'article[aria-label]',
  table: '.ll-table-block [role="row"]',
  compact: '.ll-row',
};

export interface PageTiming {
  /** Cards on screen after this page. */
  cards: number;
  /** Click on "Load more" → the new page's rows painted (next animation frame). */
  clickToPaintMs: number;
  /** The page's `macro/list` answer received → painted: the browser's work only. */
  renderMs: number;
  /** Renderer main-thread task time from the click until the page (and its names) settled. */
  mainThreadMs: number;
  /** Of which script, layout, style recalculation. */
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

export interface MacroPagesResult {
  layout: Layout;
  groupBy: string;
  pages: PageTiming[];
  medianClickToPaintMs: number;
  medianRenderMs: number;
  medianMainThreadMs: number;
  /** Medians of the main thread's script, layout and style recalculation per page. */
  medianScriptMs: number;
  medianLayoutMs: number;
  medianStyleMs: number;
  /** The last five pages (the most cards on screen): the cost that grows if everything re-renders. */
  lastPagesRenderMs: number;
  cards: number;
  elements: number;
  heapBytes: number;
  error?: string;
}

/**
 * In the macro's frame (page script text: the backend's tsconfig has no DOM
 * types): presses "Load more", resolves when more rows are in the DOM and the
 * next frame is painted. The answer's arrival is read from Resource Timing
 * (the bridge stand-in fetches `/__local/bridge/invoke`).
 */
const PRESS_LOAD_MORE = `async (selector) => {
  const count = () => document.querySelectorAll(selector).length;
  const before = count();
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Load more');
  if (!button) return null;
  const t0 = performance.now();
  const grown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (count() > before) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  button.click();
  await grown;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const t1 = performance.now();
  const answer = performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/__local/bridge/invoke') && e.startTime >= t0)
    .sort((a, b) => a.startTime - b.startTime)[0];
  const answered = answer ? answer.responseEnd : t0;
  return { cards: count(), clickToPaintMs: t1 - t0, renderMs: t1 - answered };
}`;

/** Resolves when no bridge call is in flight for `quietMs` (the names lookup and its render are done). */
const SETTLE = `async (quietMs) => {
  let last = performance.getEntriesByType('resource').length;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = performance.getEntriesByType('resource').length;
    if (now === last) return;
    last = now;
  }
}`;

async function cdpFor(page: Page, frame: Frame): Promise<CDPSession> {
  // An out-of-process frame (sandboxed iframes may be isolated) has its own target; otherwise the page's covers it.
  try {
    return await page.context().newCDPSession(frame);
  } catch {
    return page.context().newCDPSession(page);
  }
}

const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
type Metrics = Record<(typeof METRICS)[number], number>;

async function mainThread(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(METRICS.map((name) => [name, metrics.find((m) => m.name === name)?.value ?? 0])) as Metrics;
}

async function macroFrame(page: Page, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/forge/resources/learnings-macro/'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('No macro frame on the page.');
    await page.waitForTimeout(20);
  }
}

/** Loads pages until `target` rows are on screen (or nothing more is to load). */
async function pressUntil(frame: Frame, cdp: CDPSession, layout: Layout, target: number): Promise<PageTiming[]> {
  const pages: PageTiming[] = [];
  for (;;) {
    const rows = await frame.evaluate<number>(`document.querySelectorAll(${JSON.stringify(LAYOUT_ROWS[layout])}).length`);
    if (rows >= target) return pages;
    const before = await mainThread(cdp);
    const script = `(${PRESS_LOAD_MORE})(${JSON.stringify(LAYOUT_ROWS[layout])})`;
    const timing = await frame.evaluate<Pick<PageTiming, 'cards' | 'clickToPaintMs' | 'renderMs'> | null>(script);
    if (!timing) return pages;
    await frame.evaluate<undefined>(`(${SETTLE})(150)`);
    const after = await mainThread(cdp);
    const spent = (name: keyof Metrics) => (after[name] - before[name]) * 1000;
    pages.push({
      ...timing,
      mainThreadMs: spent('TaskDuration'),
      scriptMs: spent('ScriptDuration'),
      layoutMs: spent('LayoutDuration'),
      styleMs: spent('RecalcStyleDuration'),
    });
  }
}

export interface MacroPagesOptions {
  /** Host page path of each layout's macro. */
  paths: Record<Layout, string>;
  groupBy: string;
  target: number;
  timeoutMs?: number;
}

export async function measureMacroPages(site: AppSite, options: MacroPagesOptions): Promise<MacroPagesResult[]> {
  if (!chromiumPath) throw new Error(`No Chromium (looked at ${CHROMIUM_CANDIDATES.join(', ')}).`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--no-first-run'],
  });
  const results: MacroPagesResult[] = [];
  try {
    for (const layout of Object.keys(options.paths) as Layout[]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      try {
        await context.addCookies([{ name: 'll_user', value: 'alice', url: site.url }]);
        const page = await context.newPage();
        page.setDefaultTimeout(options.timeoutMs ?? 60_000);
        await page.goto(site.url + options.paths[layout]);
        const frame = await macroFrame(page, options.timeoutMs ?? 60_000);
        await frame.waitForSelector(LAYOUT_ROWS[layout]);
        await frame.evaluate<undefined>(`(${SETTLE})(300)`);
        const cdp = await cdpFor(page, frame);
        await cdp.send('Performance.enable');
        const pages = await pressUntil(frame, cdp, layout, options.target);
        await cdp.send('HeapProfiler.collectGarbage');
        const end = await frame.evaluate<{ cards: number; elements: number; heap: number }>(`({
          cards: document.querySelectorAll(${JSON.stringify(LAYOUT_ROWS[layout])}).length,
          elements: document.getElementsByTagName('*').length,
          heap: performance.memory ? performance.memory.usedJSHeapSize : 0,
        })`);
        results.push(summarise(layout, options.groupBy, pages, end));
      } catch (error) {
        results.push({ ...summarise(layout, options.groupBy, [], { cards: 0, elements: 0, heap: 0 }), error: String(error) });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

function summarise(
  layout: Layout,
  groupBy: string,
  pages: PageTiming[],
  end: { cards: number; elements: number; heap: number },
): MacroPagesResult {
  return {
    layout,
    groupBy,
    pages,
    medianClickToPaintMs: median(pages.map((p) => p.clickToPaintMs)),
    medianRenderMs: median(pages.map((p) => p.renderMs)),
    medianMainThreadMs: median(pages.map((p) => p.mainThreadMs)),
    medianScriptMs: median(pages.map((p) => p.scriptMs)),
    medianLayoutMs: median(pages.map((p) => p.layoutMs)),
    medianStyleMs: median(pages.map((p) => p.styleMs)),
    lastPagesRenderMs: median(pages.slice(-5).map((p) => p.renderMs)),
    cards: end.cards,
    elements: end.elements,
    heapBytes: end.heap,
  };
}

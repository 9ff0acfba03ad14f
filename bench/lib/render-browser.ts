// The bench's Chromium, the script that stamps first content in a resource's frame, and finding that frame.
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';

export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
) as string[];
export const chromiumPath = CHROMIUM_CANDIDATES.find((c) => existsSync(c));

export async function launchBenchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error(`No Chromium (looked at ${CHROMIUM_CANDIDATES.join(', ')}).`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
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
}

/**
 * Throttles the CPU of the page and of every frame Chromium runs in a process of
 * its own (a sandboxed Custom UI frame), as each appears: a laptop in a busy tab.
 */
export async function throttleCpu(context: BrowserContext, page: Page, rate: number): Promise<void> {
  const throttle = async (target: Page | Frame) => {
    const session = await context.newCDPSession(target);
    await session.send('Emulation.setCPUThrottlingRate', { rate });
  };
  await throttle(page);
  // A frame in the page's own process is throttled with it; newCDPSession refuses those.
  page.on('frameattached', (frame) => void throttle(frame).catch(() => undefined));
  page.on('framenavigated', (frame) => void (frame === page.mainFrame() ? undefined : throttle(frame).catch(() => undefined)));
}

/**
 * Runs in every frame (as page script text: the backend's tsconfig has no DOM
 * types): stamps `window.__llFirstContent` when the awaited content appears in
 * the frame of the target's resource.
 */
export function watchScript({ resource, selector, text }: { resource: string; selector?: string; text?: string }): string {
  return `(() => {
    const target = ${JSON.stringify({ resource, selector, text })};
    const ours = () => location.pathname.includes('/forge/resources/' + target.resource + '/');
    const found = () => {
      if (!document.body) return false;
      if (target.selector && document.querySelector(target.selector)) return true;
      if (target.text && (document.body.textContent || '').includes(target.text)) return true;
      return false;
    };
    const stamp = () => {
      if (window.__llFirstContent === undefined && ours() && found()) window.__llFirstContent = Date.now();
      return window.__llFirstContent !== undefined;
    };
    const watch = () => {
      // Attributes too: content can become what is awaited by an attribute alone (a role set after mount).
      const observer = new MutationObserver(() => {
        if (stamp()) observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    };
    if (ours()) return watch();
    // A frame's first document is about:blank; Chromium may keep its window for the resource's
    // document without running this script again (warm visits): follow the document swap.
    if (location.href !== 'about:blank') return;
    const first = document;
    const poll = setInterval(() => {
      if (document === first) return;
      clearInterval(poll);
      if (ours() && !stamp()) watch();
    }, 5);
  })();`;
}

/**
 * The stamp of the first content in the resource's frame, polled every 50 ms in
 * every frame of that resource (a host may replace a frame while it loads).
 */
export async function firstContentStamp(page: Page, resource: string, timeoutMs: number): Promise<{ stamp: number; frame: Frame }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames().filter((f) => f.url().includes(`/forge/resources/${resource}/`))) {
      // A function, not a string: the frame's policy refuses string evaluation ('unsafe-eval').
      const stamp = await frame.evaluate(() => (globalThis as { __llFirstContent?: number }).__llFirstContent).catch(() => undefined);
      if (typeof stamp === 'number') return { stamp, frame };
    }
    if (Date.now() > deadline) throw new Error(`No first content in a ${resource} frame within ${timeoutMs} ms.`);
    await page.waitForTimeout(50);
  }
}

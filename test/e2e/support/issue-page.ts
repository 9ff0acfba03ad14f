/**
 * Shared helpers for browser tests of the issue panel on the local Forge site:
 * open an issue page as a demo user (in its own browser context), reach the
 * panel's iframe, and wait for a condition without fixed sleeps.
 *
 * playwright-core has no auto-retrying `expect`, so `eventually` retries a
 * plain jest assertion until it passes or the time is up.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import type { AppSite } from '../../support/app-site';

/** Where screenshots go: outside the repository. */
export const SCREENSHOT_DIR = process.env.LL_E2E_SCREENSHOTS ?? path.join('/tmp', 'learning-loop-e2e');

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, name);
}

/** A screenshot of the page as this run drew it; with LL_README_SCREENSHOTS set, also the README's copy in docs/screenshots. */
export async function screenshotForReadme(page: Page, name: string): Promise<void> {
  const shot = screenshotPath(name);
  await page.screenshot({ path: shot, fullPage: false });
  if (!process.env.LL_README_SCREENSHOTS) return;
  mkdirSync(path.join('docs', 'screenshots'), { recursive: true });
  copyFileSync(shot, path.join('docs', 'screenshots', name));
}

/**
 * How long a visible state, a navigation or a full-page screenshot may take. Generous: two cores running
 * the whole suite and a cold Chromium (15 s was seen to time out a page load and a 2,000-element screenshot).
 */
export const UI_TIMEOUT = 30_000;
/** A click inside an `eventually` loop: short, so that a button gone meanwhile (the last page loaded) is retried, not waited for. */
export const RETRY_CLICK = { timeout: 2_000 } as const;

export const PANEL_FRAME = 'iframe[title="Hypothesis / What we learned"]';

export interface IssueSession {
  context: BrowserContext;
  page: Page;
  /** The panel's iframe, for role and label locators. */
  panel: FrameLocator;
  /** The `<main>` landmark the panel renders once the record is loaded. */
  panelMain: (issueKey?: string) => Locator;
  /** The iframe as a Frame, to run script inside it (as that frame's page could). */
  frame: () => Promise<Frame>;
  /** Uncaught errors in the host page or the panel. */
  errors: string[];
  close: () => Promise<void>;
}

export interface OpenOptions {
  /** Demo user handle: chosen the way the site's user switcher does it, by its cookie. */
  user: string;
  colorMode?: 'light' | 'dark';
}

/** A fresh browser context acting as `user`, with one page (not yet navigated). */
export async function newSession(browser: Browser, site: AppSite, opts: OpenOptions): Promise<IssueSession> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US' });
  await context.addCookies([
    { name: 'll_user', value: opts.user, url: site.url },
    ...(opts.colorMode ? [{ name: 'll_theme', value: opts.colorMode, url: site.url }] : []),
  ]);
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  const panel = page.frameLocator(PANEL_FRAME);
  return {
    context,
    page,
    panel,
    panelMain: (issueKey) =>
      panel.getByRole('main', { name: issueKey ? `Hypothesis and learnings for ${issueKey}` : /Hypothesis and learnings for/ }),
    frame: async () => {
      const handle = await page.locator(PANEL_FRAME).elementHandle();
      const frame = await handle.contentFrame();
      if (!frame) throw new Error('The panel iframe has no content frame.');
      return frame;
    },
    errors,
    close: () => context.close(),
  };
}

/** Opens the issue page as `user` and waits for the panel to show the loaded record. */
export async function openIssue(browser: Browser, site: AppSite, issueKey: string, opts: OpenOptions): Promise<IssueSession> {
  const session = await newSession(browser, site, opts);
  const response = await session.page.goto(`${site.url}/jira/browse/${issueKey}`);
  if (response?.status() !== 200) throw new Error(`Opening ${issueKey} as ${opts.user} answered ${response?.status()}.`);
  await session.panelMain(issueKey).waitFor({ state: 'visible' });
  return session;
}

/** Retries `assertion` (which throws while unmet) until it passes; rethrows the last failure. */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = UI_TIMEOUT, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/** Waits for the locator to be visible and returns it (reads as a statement in a test). */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

/** Waits until the element has the keyboard focus in its own document (e.g. inside the panel's frame). */
export async function focused(locator: Locator): Promise<void> {
  await eventually(async () => {
    const isActive = await locator.evaluate((el) => el === el.ownerDocument.activeElement);
    if (!isActive) throw new Error(`${String(locator)} does not have the focus.`);
  });
}

/** Waits until nothing matches the locator. */
export async function gone(locator: Locator): Promise<void> {
  await eventually(async () => {
    const count = await locator.count();
    if (count !== 0) throw new Error(`Still ${count} element(s) matching ${String(locator)}.`);
  });
}

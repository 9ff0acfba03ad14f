/**
 * A page on the local site as one demo user (the `ll_user` cookie), in a fresh browser context:
 * optionally in a colour mode (`ll_theme`) and with init scripts; uncaught page errors are
 * collected into `errors`, and the context into `contexts` for the suite to close.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { UI_TIMEOUT } from './issue-page';

export interface UserPageOptions {
  colorMode?: 'light' | 'dark';
  /** Scripts run in every frame before the page's own (e.g. a clipboard capture). */
  initScripts?: Array<() => void>;
  viewport?: { width: number; height: number };
}

export async function userPage(
  suite: { browser: Browser; siteUrl: string; contexts: BrowserContext[]; errors: string[] },
  user: string,
  options: UserPageOptions = {},
): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: options.viewport ?? { width: 1200, height: 900 }, locale: 'en-US' });
  suite.contexts.push(context);
  await context.addCookies([
    { name: 'll_user', value: user, url: suite.siteUrl },
    ...(options.colorMode ? [{ name: 'll_theme', value: options.colorMode, url: suite.siteUrl }] : []),
  ]);
  for (const script of options.initScripts ?? []) await context.addInitScript(script);
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  page.on('pageerror', (error) => suite.errors.push(`${user}: ${error.message}`));
  return page;
}

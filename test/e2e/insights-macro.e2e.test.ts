/**
 * The "Learning insights" Confluence macro in a real browser on the local site: alice opens the
 * demo page "Learning insights" from the spaces index and reads FLEX's hypothesis coverage,
 * checked against a recount of the site's raw data (test/lifecycle/insights-recount.ts: the
 * site's issues, sprints and stored properties, not the app's code); carol, who cannot browse
 * GROW, reads the same page in the dark theme and sees no GROW, though the page names it.
 */
import type { Browser, BrowserContext, FrameLocator } from 'playwright-core';
import { coverageCells, recountInsights } from '../lifecycle/insights-recount';
import { startAppSite, type AppSite } from '../support/app-site';
import { afterKvsQueryLag } from '../support/local-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually, screenshotForReadme, UI_TIMEOUT } from './support/issue-page';

jest.setTimeout(120_000);

describeInBrowser('the Learning insights macro in the browser', () => {
  let site: AppSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function openDemoPage(user: string, colorMode: 'light' | 'dark') {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US' });
    contexts.push(context);
    await context.addCookies([
      { name: 'll_user', value: user, url: site.url },
      { name: 'll_theme', value: colorMode, url: site.url },
    ]);
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (error) => errors.push(`${user}: ${error.message}`));
    await page.goto(`${site.url}/wiki`);
    await page.getByRole('link', { name: 'Learning insights' }).click();
    await page.waitForURL(/\/wiki\/spaces\/PL\/pages\/\d+$/);
    const frame: FrameLocator = page.locator('.ll-macro iframe').first().contentFrame();
    await frame.getByRole('main', { name: 'Learning insights' }).waitFor();
    return { page, frame };
  }

  beforeAll(async () => {
    [site, browser] = await Promise.all([startAppSite({ port: 0 }), launchChromium()]);
    // The daily rebuild, run now: the aggregates the macro reads.
    const { result } = await site.runScheduledTrigger('insights-rebuild-schedule');
    expect(result).toMatchObject({ statusCode: 204 });
    // The daily rebuild runs long before anyone reads: KVS queries list its summaries only once their lag has passed
    // (the page's first call, leaving from the small entry module, could otherwise come within it).
    await afterKvsQueryLag(site);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await closeAll(browser, site);
  });

  it("alice reads FLEX's hypothesis coverage on the wiki page, the same as a recount of the site's data", async () => {
    const { page, frame } = await openDemoPage('alice', 'light');
    const recount = recountInsights(site);
    const expected = coverageCells(site, recount, 'FLEX');
    expect(expected.length).toBeGreaterThan(1);
    const table = frame.getByRole('table', { name: 'Hypothesis coverage, FLEX, per period' });
    await eventually(async () => {
      expect(await table.locator('tbody td').allTextContents()).toEqual(expected);
    });
    expect(await frame.getByRole('heading', { name: 'GROW' }).count()).toBe(1);
    expect(await frame.getByText('The last 6 periods of the projects chosen for this page.', { exact: false }).count()).toBe(1);
    // Rebuilding is a Jira admin's action: not on the wiki page.
    expect(await frame.getByRole('button', { name: 'Rebuild now' }).count()).toBe(0);
    // The README shows it as this run drew it.
    await screenshotForReadme(page, 'insights-macro.png');
    expect(errors).toEqual([]);
  });

  it('carol, in the dark theme, sees no GROW though the page names it', async () => {
    const { frame } = await openDemoPage('carol', 'dark');
    await frame.getByRole('heading', { name: 'FLEX' }).waitFor();
    expect(await frame.locator('html').getAttribute('data-color-mode')).toBe('dark');
    const text = (await frame.locator('body').textContent()) ?? '';
    expect(text).toContain('CHK');
    expect(text).not.toMatch(/GROW/);
    expect(errors).toEqual([]);
  });
});

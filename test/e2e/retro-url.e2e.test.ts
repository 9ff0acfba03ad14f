/**
 * The retro view keeps its board and sprint in the page's URL (view.createHistory through the local site's
 * host): a sprint picked, then the page reloaded or its link opened by someone else, opens that sprint.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { startAppSite, type AppSite } from '../support/app-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually } from './support/issue-page';

jest.setTimeout(90_000);

describeInBrowser("The retro view's URL", () => {
  let site: AppSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    [site, browser] = await Promise.all([startAppSite({ port: 0 }), launchChromium()]);
    site.reset();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await closeAll(browser, site);
    expect(errors).toEqual([]);
  });

  const pageAs = async (user: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    await context.addCookies([{ name: 'll_user', value: user, url: site.url }]);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  };
  const frameOf = (page: Page): FrameLocator => page.frameLocator('iframe[title="Learnings"]');
  const jqlOf = async (page: Page) => {
    const f = frameOf(page);
    await f.getByRole('heading', { name: 'Surprises this sprint' }).waitFor();
    return f.locator('#ll-jql').inputValue();
  };

  it("opens the sprint picked before a reload, and the same sprint from the link in another person's browser", async () => {
    const page = await pageAs('alice');
    const base = `${site.url}/jira/projects/FLEX/apps/retro`;
    await page.goto(base);
    const f = frameOf(page);
    const active = await f.locator('select[aria-label="Sprint"]').inputValue();
    expect(await jqlOf(page)).toBe(`sprint = ${active} AND learningSurprise = "true"`);
    // The first answer names its board and, as the active one last seen, its sprint in the URL.
    let board = '';
    await eventually(() => {
      const named = /^\/jira\/projects\/FLEX\/apps\/retro\/board\/(\d+)\/active-sprint\/(\d+)$/.exec(new URL(page.url()).pathname);
      expect(named?.[2]).toBe(active);
      board = named?.[1] ?? '';
    });

    const closed = await f.locator('optgroup[label="Recently closed"] option').first().getAttribute('value');
    await f.locator('select[aria-label="Sprint"]').selectOption(closed);
    await eventually(async () => {
      expect(await f.locator('#ll-jql').inputValue()).toBe(`sprint = ${closed} AND learningSurprise = "true"`);
      expect(new URL(page.url()).pathname).toBe(`/jira/projects/FLEX/apps/retro/board/${board}/sprint/${closed}`);
    });
    const link = page.url();

    await page.reload();
    expect(await jqlOf(page)).toBe(`sprint = ${closed} AND learningSurprise = "true"`);
    expect(await frameOf(page).locator('select[aria-label="Sprint"]').inputValue()).toBe(closed);

    const other = await pageAs('bob');
    await other.goto(link);
    expect(await jqlOf(other)).toBe(`sprint = ${closed} AND learningSurprise = "true"`);

    // A link kept while that sprint was active opens the board's active sprint once it is not.
    await other.goto(`${base}/board/${board}/active-sprint/${closed}`);
    expect(await jqlOf(other)).toBe(`sprint = ${active} AND learningSurprise = "true"`);
  });

  it("opens the first board's sprint when the link names a sprint that is not there", async () => {
    const page = await pageAs('alice');
    await page.goto(`${site.url}/jira/projects/FLEX/apps/retro/board/1/sprint/999999`);
    const active = await frameOf(page).locator('select[aria-label="Sprint"]').inputValue();
    expect(await jqlOf(page)).toBe(`sprint = ${active} AND learningSurprise = "true"`);
    expect(active).not.toBe('999999');
  });
});

/**
 * The retro view keeps its board and sprint in the page's URL (view.createHistory through the local site's
 * host): a sprint picked, then the page reloaded or its link opened by someone else, opens that sprint; opened
 * again from the project's sidebar (a URL that names nothing), the sprint the browser remembered.
 */
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
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
  /** The payloads of the `retro/open` calls the page's frames send from now on, through the bridge stand-in. */
  const retroOpenPayloads = (page: Page): unknown[] => {
    const payloads: unknown[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname !== '/__local/bridge/invoke') return;
      const body = request.postDataJSON() as { functionKey?: string; payload?: unknown };
      if (body.functionKey === 'retro/open') payloads.push(body.payload);
    });
    return payloads;
  };
  const retroFrameOf = (page: Page): Frame => {
    const frame = page.frames().find((f) => new URL(f.url()).pathname.startsWith('/forge/resources/retro/'));
    if (!frame) throw new Error('The retro view has no frame on this page.');
    return frame;
  };
  const REMEMBERED_KEY = 'learning-loop.retro.FLEX';
  const rememberedPath = (page: Page): Promise<string | null> =>
    retroFrameOf(page).evaluate((key) => localStorage.getItem(key), REMEMBERED_KEY);
  /** What the project page's link to the retro opens, as in the project's sidebar: the app's URL, no path of its own. */
  const openFromSidebar = (page: Page) =>
    page.getByRole('navigation', { name: 'Project apps' }).getByRole('link', { name: 'Learnings', exact: true }).click();

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

    const reloaded = retroOpenPayloads(page);
    await page.reload();
    expect(await jqlOf(page)).toBe(`sprint = ${closed} AND learningSurprise = "true"`);
    expect(await frameOf(page).locator('select[aria-label="Sprint"]').inputValue()).toBe(closed);
    // The URL names the sprint this browser remembers: the call sent at load, before the host's history answered, serves.
    expect(reloaded).toEqual([{ remembered: { FLEX: { boardId: Number(board), sprintId: Number(closed) } } }]);

    const other = await pageAs('bob');
    const followed = retroOpenPayloads(other);
    await other.goto(link);
    expect(await jqlOf(other)).toBe(`sprint = ${closed} AND learningSurprise = "true"`);
    // Bob's browser remembers nothing: the call sent at load opened the default, and the link's sprint is asked for.
    expect(followed).toEqual([{}, { boardId: Number(board), sprintId: Number(closed) }]);

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

  it('opens again from the sidebar on the sprint shown last, named in its first retro/open', async () => {
    const page = await pageAs('alice');
    const base = `${site.url}/jira/projects/FLEX/apps/retro`;
    await page.goto(base);
    const f = frameOf(page);
    await jqlOf(page);
    const closed = await f.locator('optgroup[label="Recently closed"] option').first().getAttribute('value');
    await f.locator('select[aria-label="Sprint"]').selectOption(closed);
    let board = '';
    await eventually(async () => {
      const named = /^\/jira\/projects\/FLEX\/apps\/retro\/board\/(\d+)\/sprint\/(\d+)$/.exec(new URL(page.url()).pathname);
      expect(named?.[2]).toBe(closed);
      board = named?.[1] ?? '';
      expect(await rememberedPath(page)).toBe(`/board/${board}/sprint/${closed}`);
    });

    const payloads = retroOpenPayloads(page);
    await openFromSidebar(page);
    await eventually(() => {
      expect(payloads.length).toBeGreaterThan(0);
    });
    expect(await jqlOf(page)).toBe(`sprint = ${closed} AND learningSurprise = "true"`);
    expect(await f.locator('select[aria-label="Sprint"]').inputValue()).toBe(closed);
    // One opening, sent before the page knew its project, carrying the remembered board and sprint: the backend opens them.
    expect(payloads).toEqual([{ remembered: { FLEX: { boardId: Number(board), sprintId: Number(closed) } } }]);
    await eventually(() => {
      expect(new URL(page.url()).pathname).toBe(`/jira/projects/FLEX/apps/retro/board/${board}/sprint/${closed}`);
    });
  });

  it("opens the first board's sprint from the sidebar when the remembered sprint is no longer there, and forgets it", async () => {
    const page = await pageAs('alice');
    const base = `${site.url}/jira/projects/FLEX/apps/retro`;
    await page.goto(base);
    const active = await frameOf(page).locator('select[aria-label="Sprint"]').inputValue();
    let shown = '';
    await eventually(async () => {
      shown = new URL(page.url()).pathname.replace('/jira/projects/FLEX/apps/retro', '');
      expect(shown).toMatch(/^\/board\/\d+\/active-sprint\/\d+$/);
      expect(await rememberedPath(page)).toBe(shown);
    });
    // The sprint remembered here is gone (or hidden from this person) by the next opening.
    const gone = shown.replace(/active-sprint\/\d+$/, 'sprint/999999');
    await retroFrameOf(page).evaluate(
      ([key, path]) => {
        localStorage.setItem(key, path);
      },
      [REMEMBERED_KEY, gone] as const,
    );

    const payloads = retroOpenPayloads(page);
    await openFromSidebar(page);
    await eventually(() => {
      expect(payloads.length).toBeGreaterThan(0);
    });
    expect(await jqlOf(page)).toBe(`sprint = ${active} AND learningSurprise = "true"`);
    // One call: the backend opened the board's default sprint in place of the gone one.
    expect(payloads).toEqual([{ remembered: { FLEX: { boardId: Number(/\d+/.exec(shown)?.[0]), sprintId: 999999 } } }]);
    expect(await frameOf(page).getByRole('alert').count()).toBe(0);
    await eventually(async () => {
      expect(await rememberedPath(page)).toBe(shown);
    });
  });
});

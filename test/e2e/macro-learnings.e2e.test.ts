/**
 * "Learnings from Jira" in a real browser on the local site: a team lead
 * inserts the macro on a new page, picks the "tag" preset, sees FLEX-112's
 * learnings grouped by outcome, searches within the page, copies the page as
 * Confluence content (valid ADF); carol, who cannot browse GROW, sees fewer.
 */
import { validator } from '@atlaskit/adf-utils/validator';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { startAppSite, type AppSite } from '../support/app-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually, screenshotPath, UI_TIMEOUT } from './support/issue-page';

jest.setTimeout(90_000);

/** Captures what the macro copies (a headless browser has no clipboard to read back). */
function captureClipboard(): void {
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: (text: string) => {
        (window as unknown as { __copied: string }).__copied = text;
        return Promise.resolve();
      },
      write: async (items: ClipboardItem[]) => {
        const into = window as unknown as { __copied: string; __copiedHtml: string };
        for (const item of items) {
          if (item.types.includes('text/html')) into.__copiedHtml = await (await item.getType('text/html')).text();
          if (item.types.includes('text/plain')) into.__copied = await (await item.getType('text/plain')).text();
        }
      },
    },
  });
}

describeInBrowser('Learnings from Jira macro in the browser', () => {
  let site: AppSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function pageAs(user: string, colorMode: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US' });
    contexts.push(context);
    await context.addCookies([
      { name: 'll_user', value: user, url: site.url },
      { name: 'll_theme', value: colorMode, url: site.url },
    ]);
    await context.addInitScript(captureClipboard);
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (error) => errors.push(`${user}: ${error.message}`));
    return page;
  }

  const macroFrame = (page: Page): FrameLocator => page.locator('.ll-macro iframe').first().contentFrame();
  const configFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-role="macro-config"]');
  /** Scrolls (or presses "Load more") until every page is loaded: the count line no longer says "so far". */
  async function loadAll(frame: FrameLocator): Promise<number> {
    const line = frame.getByText(/^\d+ issues? with learnings( so far)?\.$/);
    await line.waitFor();
    await eventually(
      async () => {
        const more = frame.getByRole('button', { name: 'Load more' });
        if (await more.count()) await more.click();
        expect(await line.textContent()).not.toContain('so far');
      },
      30_000,
      300,
    );
    return Number((await line.textContent())!.split(' ')[0]);
  }

  const issueKeys = async (frame: FrameLocator) =>
    (await frame.locator('article h4 a').allTextContents()).map((text) => text.replace(' (opens in a new tab)', ''));

  beforeAll(async () => {
    [site, browser] = await Promise.all([startAppSite({ port: 0 }), launchChromium()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await closeAll(browser, site);
  });

  it("never saves over a page's settings it could not read: the config view says so and offers no Save", async () => {
    const page = await pageAs('alice');
    const pricing = site.confluence.listPages('PL').find((p) => p.title.startsWith('Pricing experiments'))!;
    const block = pricing.blocks.find((b) => b.type === 'macro') as { localId: string; config?: unknown };
    const before = JSON.stringify(block.config);
    // The config view's getContext fails (its frame's context request answers 503); the macro itself is unaffected.
    await page.route('**/__local/bridge/context', async (route) => {
      if (route.request().frame().url().includes('macro-config'))
        return route.fulfill({ status: 503, contentType: 'application/json', body: '{}' });
      return route.continue();
    });
    await page.goto(`${site.url}/wiki/spaces/PL/pages/${pricing.id}?configure=${block.localId}`);
    const config = configFrame(page);
    await config.getByText("The macro's settings could not be read").waitFor();
    expect(await config.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await config.getByRole('button', { name: 'Close' }).click();
    const after = site.confluence
      .listPages('PL')
      .find((p) => p.id === pricing.id)!
      .blocks.find((b) => b.type === 'macro') as { config?: unknown };
    expect(JSON.stringify(after.config)).toBe(before);
  });

  it('inserts, configures with the tag preset, groups, searches, exports, and respects who is reading', async () => {
    const page = await pageAs('alice');
    await page.goto(`${site.url}/wiki/spaces/PL`);
    await page.fill('#ll-page-title', 'Pricing learnings (e2e)');
    await page.fill('#ll-page-body', 'What the pricing tickets taught us.');
    await page.click('#ll-create-page button[type="submit"]');
    await page.waitForURL(/\/wiki\/spaces\/PL\/pages\/\d+$/);
    const pageUrl = page.url();

    // Insert: the config view opens with sensible defaults; pick the "tag" preset.
    await page.selectOption('#ll-macro-module', 'learnings-macro');
    await page.click('#ll-insert-macro button[type="submit"]');
    await page.waitForURL(/configure=[\w-]+&inserting=1$/);
    const config = configFrame(page);
    await config.getByLabel('A tag', { exact: true }).check();
    await expect(config.getByRole('textbox', { name: 'JQL' }).inputValue()).resolves.toBe('learningTags = pricing');
    await config.getByText(/Valid JQL: about \d+ issues? with learnings/).waitFor();
    await config.locator('article').first().waitFor(); // the live preview
    await page.screenshot({ path: screenshotPath('macro-config-tag.png'), fullPage: true });
    await config.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(pageUrl);

    // The macro: grouped by outcome, FLEX-112 with both learnings, the surprise marked.
    const macro = macroFrame(page);
    const flex = macro.locator('article', { has: page.locator('a', { hasText: 'FLEX-112' }) });
    await flex.waitFor();
    const headings = (await macro.locator('section > h3').allTextContents()).map((h) => h.replace(/\d.*$/, '').trim());
    expect(headings.length).toBeGreaterThan(0);
    expect(headings.every((h) => ['Open', 'Validated', 'Invalidated', 'Inconclusive'].includes(h))).toBe(true);
    await expect(flex.textContent()).resolves.toContain("Customers in Spain engaged more, even if they didn't buy.");
    await expect(flex.textContent()).resolves.toContain('Labeling matters more than refund amount.');
    expect(await flex.getByText('Surprise', { exact: true }).count()).toBeGreaterThan(0);
    const aliceCount = await loadAll(macro);
    const aliceKeys = await issueKeys(macro);
    expect(aliceKeys).toHaveLength(aliceCount);
    expect(aliceKeys).toContain('FLEX-112');
    await page.screenshot({ path: screenshotPath('macro-tag-alice.png'), fullPage: true });

    // Search within the page.
    await macro.getByRole('textbox', { name: 'Search these learnings' }).fill('Spain engaged');
    await eventually(async () => {
      expect(await issueKeys(macro)).toEqual(['FLEX-112']);
    });
    await macro.getByRole('textbox', { name: 'Search these learnings' }).fill('');
    await eventually(async () => {
      expect((await issueKeys(macro)).length).toBe(aliceKeys.length);
    });

    // Copy as Confluence content: valid ADF holding FLEX-112.
    await macro.getByRole('button', { name: 'Copy as Confluence content' }).click();
    await macro.getByText(/Copied \d+ issues? as Confluence content/).waitFor();
    const copied = await eventually(async () => {
      const texts = await Promise.all(
        page.frames().map((f) => f.evaluate(() => (window as unknown as { __copied?: string }).__copied ?? '')),
      );
      const text = texts.find(Boolean);
      expect(text).toBeTruthy();
      return text!;
    });
    const adf = JSON.parse(copied) as { type: string };
    expect(adf.type).toBe('doc');
    expect(copied).toContain('FLEX-112');
    // Beside the ADF, the same content as HTML, which Confluence's editor pastes formatted.
    const htmls = await Promise.all(
      page.frames().map((f) => f.evaluate(() => (window as unknown as { __copiedHtml?: string }).__copiedHtml ?? '')),
    );
    const html = htmls.find(Boolean) ?? '';
    expect(html).toMatch(/<h\d>/);
    expect(html).toMatch(/<a href="[^"]*\/browse\/FLEX-112">/);
    const problems: string[] = [];
    // The validator asks a feature-gate client that is not there, and says so on the console.
    const quiet = [
      jest.spyOn(console, 'error').mockImplementation(() => undefined),
      jest.spyOn(console, 'warn').mockImplementation(() => undefined),
    ];
    validator()(adf, (entity, error) => {
      problems.push(`${error.code}: ${error.message}`);
      return entity;
    });
    quiet.forEach((spy) => {
      spy.mockRestore();
    });
    expect(problems).toEqual([]);

    // Carol cannot browse GROW: the same page shows her fewer learnings, none from GROW.
    const carolPage = await pageAs('carol', 'dark');
    await carolPage.goto(pageUrl);
    const carolMacro = macroFrame(carolPage);
    await carolMacro.locator('article', { has: carolPage.locator('a', { hasText: 'FLEX-112' }) }).waitFor();
    const carolCount = await loadAll(carolMacro);
    const carolKeys = await issueKeys(carolMacro);
    expect(carolKeys).toHaveLength(carolCount);
    expect(carolKeys.some((key) => key.startsWith('GROW-'))).toBe(false);
    expect(aliceKeys.some((key) => key.startsWith('GROW-'))).toBe(true);
    expect(carolKeys.length).toBeLessThan(aliceKeys.length);
    await carolPage.screenshot({ path: screenshotPath('macro-tag-carol-dark.png'), fullPage: true });

    expect(errors).toEqual([]);
  });
});

/**
 * "Learnings from Jira" in a real browser on the local site: a team lead
 * inserts the macro on a new page, picks the "tag" preset, sees FLEX-112's
 * learnings grouped by outcome, searches within the page, copies the page as
 * content for a Confluence page (HTML, and text for a plain paste); carol, who cannot browse GROW, sees fewer.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { startAppSite, type AppSite } from '../support/app-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually, RETRY_CLICK, screenshotPath } from './support/issue-page';
import { userPage } from './support/user-page';

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

  const pageAs = (user: string, colorMode: 'light' | 'dark' = 'light'): Promise<Page> =>
    userPage({ browser, siteUrl: site.url, contexts, errors }, user, { colorMode, initScripts: [captureClipboard] });

  const macroFrame = (page: Page): FrameLocator => page.locator('.ll-macro iframe').first().contentFrame();
  const configFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-role="macro-config"]');
  /** The header's count line ("about 206 issues with learnings · 100 of about 206 loaded."). */
  const countLine = (frame: FrameLocator) => frame.locator('header p[role="status"]');
  /** Scrolls (or presses "Load more") until every page is loaded: the total is exact, no longer "about" or "so far". */
  async function loadAll(frame: FrameLocator): Promise<number> {
    const exact = /^(\d+) issues? with learnings \(opens in a new tab\)\.$/;
    await countLine(frame).waitFor();
    await eventually(
      async () => {
        const more = frame.getByRole('button', { name: 'Load more' });
        if (await more.count()) await more.click(RETRY_CLICK);
        expect(await countLine(frame).textContent()).toMatch(exact);
      },
      30_000,
      300,
    );
    return Number(exact.exec((await countLine(frame).textContent())!)![1]);
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

    // Copy for a Confluence page: formatted HTML for the editor, and readable text (never a JSON blob) for a plain-text paste.
    await macro.getByRole('button', { name: 'Copy for a Confluence page' }).click();
    await macro.getByText(/Copied \d+ issues? for a Confluence page/).waitFor();
    const copied = await eventually(async () => {
      const texts = await Promise.all(
        page.frames().map((f) => f.evaluate(() => (window as unknown as { __copied?: string }).__copied ?? '')),
      );
      const text = texts.find(Boolean);
      expect(text).toBeTruthy();
      return text!;
    });
    expect(() => JSON.parse(copied) as unknown).toThrow();
    expect(copied).toContain('FLEX-112');
    expect(copied).toContain('Query: `learningTags = pricing`');
    const htmls = await Promise.all(
      page.frames().map((f) => f.evaluate(() => (window as unknown as { __copiedHtml?: string }).__copiedHtml ?? '')),
    );
    const html = htmls.find(Boolean) ?? '';
    expect(html).toMatch(/<h\d>/);
    expect(html).toMatch(/<a href="[^"]*\/browse\/FLEX-112">/);

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

  it.each(['cards', 'table', 'compact'])(
    'shows the true total in the %s layout, linking to the navigator, beside a visible "Load more" until all is loaded',
    async (layout) => {
      const page = await pageAs('alice');
      const pricing = site.confluence.listPages('PL').find((p) => p.title.startsWith('Pricing experiments'))!;
      const block = pricing.blocks.find((b) => b.type === 'macro') as { localId: string; config?: Record<string, unknown> };
      site.confluence.setMacroConfig(pricing.id, block.localId, { ...block.config, jql: '', layout, groupBy: 'none' });
      await page.goto(`${site.url}/wiki/spaces/PL/pages/${pricing.id}`);
      const macro = macroFrame(page);
      const about = /^about (\d+) issues with learnings \(opens in a new tab\) · (\d+) of about \1 loaded\.$/;
      await eventually(async () => {
        expect(await countLine(macro).textContent()).toMatch(about);
      });
      const [, estimate, loaded] = about.exec((await countLine(macro).textContent())!)!;
      expect(Number(loaded)).toBe(100);
      expect(Number(estimate)).toBeGreaterThan(200);
      const link = countLine(macro).getByRole('link');
      expect(decodeURIComponent((await link.getAttribute('href'))!)).toMatch(/\/issues\/\?jql=learningOutcome IS NOT EMPTY/i);
      // Before any scrolling (which loads the next page by itself): the button, and how much is loaded beside it.
      expect(await macro.getByRole('button', { name: 'Load more' }).isVisible()).toBe(true);
      expect(await macro.getByText(`100 of about ${estimate} loaded`, { exact: true }).isVisible()).toBe(true);
      await page.screenshot({ path: screenshotPath(`macro-total-${layout}.png`), fullPage: true });

      // Loaded to the end, the total is exact and is what the estimate said; every issue is on screen once.
      const total = await loadAll(macro);
      expect(total).toBe(Number(estimate));
      const items =
        layout === 'table'
          ? macro.getByRole('row').filter({ has: macro.getByRole('cell') })
          : layout === 'compact'
            ? macro.getByRole('listitem').and(macro.locator('.ll-row'))
            : macro.getByRole('article');
      expect(await items.count()).toBe(total);
      expect(await macro.getByRole('button', { name: 'Load more' }).count()).toBe(0);
      site.confluence.setMacroConfig(pricing.id, block.localId, block.config);
    },
  );

  it.each([592, 1200])('shows the table layout whole at %i px: "By" not clipped, "Updated" on screen', async (width) => {
    const page = await pageAs('alice');
    await page.setViewportSize({ width, height: 900 });
    const pricing = site.confluence.listPages('PL').find((p) => p.title.startsWith('Pricing experiments'))!;
    const block = pricing.blocks.find((b) => b.type === 'macro') as { localId: string; config?: Record<string, unknown> };
    site.confluence.setMacroConfig(pricing.id, block.localId, { ...block.config, layout: 'table', groupBy: 'none' });
    await page.goto(`${site.url}/wiki/spaces/PL/pages/${pricing.id}`);
    const macro = macroFrame(page);
    // A table to assistive tech (ARIA table, rows, column headers, cells), whatever elements draw it.
    const rows = macro
      .getByRole('table')
      .getByRole('row')
      .filter({ has: macro.getByRole('cell') });
    await rows.first().waitFor();
    await page.screenshot({ path: screenshotPath(`macro-table-${width}.png`), fullPage: true });
    // Boxes are in the page's coordinates: the frame's right edge is where the macro ends.
    const frameBox = (await page.locator('.ll-macro iframe').first().boundingBox())!;
    const frameWidth = frameBox.x + frameBox.width;
    const firstRow = rows.first();
    // Wide: their own columns; narrow: folded under the issue ("By … · updated …"). Either way on screen, not clipped.
    const shown =
      width >= 1200
        ? [
            firstRow.getByRole('cell').and(macro.locator('.ll-table-by')),
            firstRow.getByRole('cell').and(macro.locator('.ll-table-wide')).last(),
          ]
        : [firstRow.locator('.ll-table-folded')];
    for (const cell of shown) {
      const box = (await cell.boundingBox())!;
      expect(box.width).toBeGreaterThan(0);
      expect(box.x + box.width).toBeLessThanOrEqual(frameWidth + 1);
      expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    if (width < 1200) expect(await firstRow.locator('.ll-table-folded').textContent()).toMatch(/^By .+ · updated /);
    const headers = await macro.getByRole('columnheader').filter({ visible: true }).allTextContents();
    expect(headers.slice(0, 2)).toEqual(['Issue', 'Outcome']);
    if (width >= 1200) expect(headers).toEqual(expect.arrayContaining(['By', 'Updated']));
    for (const th of await macro.getByRole('columnheader').filter({ visible: true }).all()) {
      const box = (await th.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(frameWidth + 1);
      expect(await th.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    const byCells = macro.locator('[role="cell"].ll-table-by:visible');
    for (const cell of await byCells.all()) expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const scrolls = await macro.locator('.ll-table-wrap').evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrolls).toBe(false);
    site.confluence.setMacroConfig(pricing.id, block.localId, block.config);
  });

  it('the config dialog takes focus, closes on Escape, gives focus back to the macro, and matches the dialog in dark theme', async () => {
    const page = await pageAs('alice', 'dark');
    const pricing = site.confluence.listPages('PL').find((p) => p.title.startsWith('Pricing experiments'))!;
    const block = pricing.blocks.find((b) => b.type === 'macro') as { localId: string; config?: unknown };
    const before = JSON.stringify(block.config);
    await page.goto(`${site.url}/wiki/spaces/PL/pages/${pricing.id}`);
    await page.locator(`[data-macro="${block.localId}"] [data-action="edit-macro"]`).click();
    const config = configFrame(page);
    const title = config.getByRole('textbox', { name: 'Title' });
    await title.waitFor();
    await eventually(async () => {
      expect(await title.evaluate((el) => el === document.activeElement && document.hasFocus())).toBe(true);
    });
    // Dark theme: the frame's surface is the dialog's.
    const dialogBg = await page.locator('.ll-modal').evaluate((el) => getComputedStyle(el).backgroundColor);
    const frameBg = await config.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(frameBg).toBe(dialogBg);
    await page.keyboard.press('Escape');
    await eventually(async () => {
      expect(await page.locator('iframe[data-role="macro-config"]').count()).toBe(0);
    });
    await eventually(async () => {
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('edit-macro');
    });
    const after = site.confluence.getMacro(pricing.id, block.localId) as { config?: unknown };
    expect(JSON.stringify(after.config)).toBe(before);
  });
});

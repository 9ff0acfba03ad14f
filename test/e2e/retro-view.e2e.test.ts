/**
 * The retro view in a real browser, on the local site's Jira project page:
 * the real retro build in its iframe, the real bridge, the real resolvers.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { startAppSite, type AppSite } from '../support/app-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually, screenshotPath } from './support/issue-page';

jest.setTimeout(90_000);

describeInBrowser('Surprises this sprint (Jira project page)', () => {
  let site: AppSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const frame = (): FrameLocator => page.frameLocator('iframe[title="Learnings"]');

  beforeAll(async () => {
    [site, browser] = await Promise.all([
      // The export right after "discussed" lists the notes through kvs.query, which Forge does not promise
      // at once: queries see writes at once here. The app's issue with it: test/resolvers/eventual-consistency.test.ts.
      startAppSite({ port: 0, consistency: { kvsQueryDelayMs: 0 } }),
      launchChromium(),
    ]);
    site.reset();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addCookies([{ name: 'll_user', value: 'alice', url: site.url }]);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await closeAll(browser, site);
  });

  it('opens on the active sprint, switches to the last closed one, presents with the keyboard, marks one discussed and exports', async () => {
    await page.goto(`${site.url}/jira/projects/FLEX/apps/retro`);
    const f = frame();
    await f.getByRole('heading', { name: 'Surprises this sprint' }).waitFor();
    const sprint = f.locator('select[aria-label="Sprint"]');
    const active = await sprint.inputValue();
    expect(await f.locator('#ll-jql').inputValue()).toBe(`sprint = ${active} AND learningSurprise = "true"`);
    expect(await f.locator('li[data-surprise="true"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('retro-active.png'), fullPage: true });

    // The last closed sprint: the first of the "Recently closed" group.
    const closed = await f.locator('optgroup[label="Recently closed"] option').first().getAttribute('value');
    await sprint.selectOption(closed);
    await eventually(async () => {
      expect(await f.locator('#ll-jql').inputValue()).toBe(`sprint = ${closed} AND learningSurprise = "true"`);
    });

    // Everything learned is one click away, without another call.
    await f.getByRole('button', { name: 'Everything we learned this sprint' }).first().click();
    expect(await f.locator('#ll-jql').inputValue()).toBe(`sprint = ${closed}`);
    await f.getByRole('button', { name: 'Surprises', exact: true }).click();

    // Presenter mode with the keyboard.
    await f.getByRole('button', { name: /^Present/ }).click();
    const presenter = f.locator('[aria-roledescription="presentation"]');
    await presenter.waitFor();
    // The sprint's learning goals come first (the demo's closed sprint has two), then its surprises.
    await eventually(async () => {
      expect(await presenter.getAttribute('aria-label')).toBe('Learning goal 1 of 2');
    });
    expect(await f.getByTestId('presented-goal').textContent()).toBe('Does the label matter more than the refund amount?');
    await presenter.press('ArrowRight');
    await eventually(async () => {
      expect(await presenter.getAttribute('aria-label')).toBe('Learning goal 2 of 2');
    });
    await presenter.press('ArrowRight');
    await eventually(async () => {
      expect(await presenter.getAttribute('aria-label')).toMatch(/^Surprise 1 of \d+$/);
    });
    await presenter.press('ArrowRight');
    await eventually(async () => {
      expect(await presenter.getAttribute('aria-label')).toMatch(/^Surprise 2 of/);
    });
    await presenter.press('ArrowLeft');
    await eventually(async () => {
      expect(await presenter.getAttribute('aria-label')).toMatch(/^Surprise 1 of/);
    });

    await f.locator('#ll-note').fill('Test the label in Spain before the price.');
    await f.getByRole('button', { name: 'Mark as discussed' }).click();
    await f.getByRole('button', { name: '✓ Discussed' }).waitFor();
    // The keyboard focus stays on the control just used (issue #15, item 18).
    await eventually(async () => {
      expect(await f.locator(':focus').textContent()).toBe('✓ Discussed');
    });
    await page.screenshot({ path: screenshotPath('retro-presenter.png'), fullPage: true });
    await f.locator('#ll-note').press('Escape');
    await presenter.press('Escape');
    await f.getByText('Take-away:').first().waitFor();

    await f.getByRole('button', { name: 'Export for the retro page' }).click();
    const markdown = f.getByLabel('Markdown');
    await markdown.waitFor();
    expect(await markdown.inputValue()).toContain('> **Take-away:** Test the label in Spain before the price.');
    await f.getByRole('button', { name: 'ADF (Confluence)' }).click();
    expect(JSON.parse(await f.getByLabel('Atlassian Document Format').inputValue())).toMatchObject({ type: 'doc', version: 1 });
    await page.screenshot({ path: screenshotPath('retro-export.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('lays its four figures out two by two in a 592 px frame, four in a row when wide, and presents full screen', async () => {
    await page.goto(`${site.url}/jira/projects/FLEX/apps/retro`);
    const f = frame();
    await f.getByRole('heading', { name: 'Surprises this sprint' }).waitFor();
    const rowsOfFigures = async () => {
      const tops = await f.locator('[data-figure]').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
      expect(tops).toHaveLength(4);
      return [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
    };
    expect(await rowsOfFigures()).toEqual([4]);
    await page.locator('iframe[title="Learnings"]').evaluate((el) => {
      (el as HTMLElement).style.width = '592px';
    });
    await eventually(async () => {
      expect(await rowsOfFigures()).toEqual([2, 2]);
    });
    await page.screenshot({ path: screenshotPath('retro-592.png'), fullPage: true });

    await f.getByRole('button', { name: /^Present/ }).click();
    const presenter = f.locator('[aria-roledescription="presentation"]');
    await presenter.waitFor();
    await f.getByRole('button', { name: 'Full screen' }).click();
    await eventually(async () => {
      expect(await presenter.evaluate((el) => el.ownerDocument.fullscreenElement === el)).toBe(true);
    });
    await f.getByRole('button', { name: 'Exit full screen' }).click();
    await eventually(async () => {
      expect(await presenter.evaluate((el) => el.ownerDocument.fullscreenElement)).toBeNull();
    });
    expect(errors).toEqual([]);
  });
});

/**
 * The emulator's frames behave as Forge's: a resource runs in an iframe with Forge's sandbox and
 * under the CSP @forge/csp computes, so a plain `<a target="_blank">` opens nothing and an inline
 * event handler does not run, while the bridge's router opens links through the host page (a
 * product path at once, another site after the person confirms). Fixture: emulator/test/fixtures/links-app.
 */
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { demoSeed, DEMO_PRESENTATION } from '../../demo';
import { startSite, type ForgeFunctionHandler, type LocalSite } from '../../emulator';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually, UI_TIMEOUT } from './support/issue-page';

jest.setTimeout(60_000);

const FIXTURE = path.join(__dirname, '..', '..', 'emulator', 'test', 'fixtures', 'links-app');
const noResolver: ForgeFunctionHandler = () => Promise.resolve(null);
const FRAME = 'iframe[title="Links probe"]';

describeInBrowser('Forge frames on the local site: sandbox, router, CSP', () => {
  let site: LocalSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let frame: FrameLocator;

  beforeAll(async () => {
    const seed = { ...demoSeed(), issuePanels: () => ({ pinned: ['links-panel'] }) };
    [site, browser] = await Promise.all([
      startSite({ port: 0, seed, presentation: DEMO_PRESENTATION, manifestPath: path.join(FIXTURE, 'manifest.yml'), handler: noResolver }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await closeAll(browser, site);
  });

  beforeEach(async () => {
    site.cspReports.clear();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addCookies([{ name: 'll_user', value: 'alice', url: site.url }]);
    // Another site, answered locally: the test has no network.
    await context.route('https://example.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Elsewhere</title>' }),
    );
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.goto(`${site.url}/jira/browse/FLEX-112`);
    frame = page.frameLocator(FRAME);
    await frame.locator('body[data-ready="true"]').waitFor();
  });

  afterEach(async () => {
    await context.close();
  });

  /** Pages the context opened beyond the issue page, after a moment to let a popup appear. */
  const popupsAfter = async (action: () => Promise<void>): Promise<Page[]> => {
    const opened: Page[] = [];
    context.on('page', (p) => opened.push(p));
    await action();
    await page.waitForTimeout(750);
    return opened;
  };

  it('renders the frame with the sandbox Forge documents (no popups, no top navigation)', async () => {
    const sandbox = await page.locator(FRAME).getAttribute('sandbox');
    expect(sandbox?.split(' ').sort()).toEqual([
      'allow-downloads',
      'allow-forms',
      'allow-modals',
      'allow-pointer-lock',
      'allow-same-origin',
      'allow-scripts',
    ]);
  });

  it('opens nothing for a plain <a target="_blank"> in the frame', async () => {
    const opened = await popupsAfter(() => frame.locator('#plain').click());
    expect(opened.map((p) => p.url())).toEqual([]);
    expect(page.url()).toBe(`${site.url}/jira/browse/FLEX-112`);
  });

  it('opens a product path from router.open in a new tab, without asking', async () => {
    const popup = context.waitForEvent('page');
    await frame.locator('#router-product').click();
    const opened = await popup;
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toBe('/jira/browse/FLEX-112');
    await eventually(async () => {
      expect(await frame.locator('#result').textContent()).toBe('opened router-product');
    });
  });

  it('asks before router.open leaves for another site: Continue opens it, Cancel rejects the call', async () => {
    await frame.locator('#router-external').click();
    const dialog = page.getByRole('dialog', { name: 'Open a page on another site?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('https://example.com/learnings');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(async () => {
      expect(await frame.locator('#result').textContent()).toMatch(/^declined router-external/);
    });

    await frame.locator('#router-external').click();
    const popup = context.waitForEvent('page');
    await page.getByRole('dialog').getByRole('button', { name: 'Continue' }).click();
    expect((await popup).url()).toBe('https://example.com/learnings');
    await eventually(async () => {
      expect(await frame.locator('#result').textContent()).toBe('opened router-external');
    });
  });

  it('serves the resource under the CSP @forge/csp computes: the inline handler is blocked and reported', async () => {
    await frame.locator('#inline-handler').click();
    await eventually(() => {
      expect(site.cspReports.list().map((v) => v.directive)).toContain('script-src-attr');
    });
    expect(await frame.locator('body').getAttribute('data-inline-handler')).toBeNull();
    // The static inline <script> ran: hashed into script-src, as Forge's CDN does.
    expect(await frame.locator('body').getAttribute('data-ready')).toBe('true');
  });
});

/**
 * The macro config flow in a real browser, on the local site's Confluence
 * pages, with the fixture app (test/fixtures/local-site): create a page,
 * insert the macro, the config view opens, submit a config, the macro
 * renders it; Edit again and cancel leaves it; a reload keeps it.
 */
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { ForgeFunctionHandler } from '../../emulator';
import { startAppSite, type AppSite } from '../support/app-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';

jest.setTimeout(60_000);

const FIXTURE = path.join(__dirname, '..', '..', 'emulator', 'test', 'fixtures', 'probe-app');

const handler: ForgeFunctionHandler = (request, backend) =>
  Promise.resolve({
    functionKey: request.call.functionKey,
    localId: request.context.localId,
    installContext: backend.installContext,
  });

describeInBrowser('Confluence macro config flow in the browser', () => {
  let site: AppSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  const macroFrame = (): FrameLocator => page.frameLocator('.ll-macro iframe');
  const configFrame = (): FrameLocator => page.frameLocator('iframe[data-role="macro-config"]');

  beforeAll(async () => {
    [site, browser] = await Promise.all([
      startAppSite({ port: 0, handler, manifestPath: path.join(FIXTURE, 'manifest.yml'), staticRoot: FIXTURE }),
      launchChromium(),
    ]);
    context = await browser.newContext();
    await context.addCookies([{ name: 'll_user', value: 'bob', url: site.url }]);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await closeAll(context, browser, site);
  });

  it('creates a page, inserts the macro, configures it, cancels an edit, and keeps it after a reload', async () => {
    await page.goto(`${site.url}/wiki/spaces/PL`);
    await page.fill('#ll-page-title', 'Browser learnings');
    await page.fill('#ll-page-body', 'Written in the browser.\n\nSecond paragraph.');
    await page.click('#ll-create-page button[type="submit"]');
    await page.waitForURL(/\/wiki\/spaces\/PL\/pages\/\d+$/);
    const pageUrl = page.url();
    await expect(page.locator('#page-title').textContent()).resolves.toBe('Browser learnings');
    await expect(page.locator('.ll-page-body p').allTextContents()).resolves.toEqual(['Written in the browser.', 'Second paragraph.']);

    // Insert: openOnInsert opens the config view in a dialog, inserting.
    await page.selectOption('#ll-macro-module', 'probe-macro');
    await page.click('#ll-insert-macro button[type="submit"]');
    await page.waitForURL(/configure=[\w-]+&inserting=1$/);
    await expect(page.locator('[role="dialog"] #ll-modal-title').textContent()).resolves.toBe('Configure the probe');
    await configFrame().locator('body[data-ready="true"]').waitFor();
    await expect(configFrame().locator('#mode').textContent()).resolves.toBe('configuring: true, inserting: true');
    await macroFrame().locator('body[data-ready="true"]').waitFor();
    await expect(macroFrame().locator('#config').textContent()).resolves.toBe('not configured');

    // Submit: the dialog closes, the macro renders with the config.
    await configFrame().locator('#jql').fill('project = FLEX AND learningSurprise = "true"');
    await configFrame().locator('#save').click();
    await page.waitForURL(pageUrl);
    await expect(page.locator('[role="dialog"]').count()).resolves.toBe(0);
    await macroFrame().locator('body[data-ready="true"]').waitFor();
    await expect(macroFrame().locator('#config').textContent()).resolves.toBe('{"jql":"project = FLEX AND learningSurprise = \\"true\\""}');

    // The macro's resolver runs in the Confluence installation, with the macro's localId.
    await macroFrame().locator('#invoke').click();
    await macroFrame().locator('#invoke-result:not(:empty)').waitFor();
    const invoked = JSON.parse((await macroFrame().locator('#invoke-result').textContent())!) as {
      installContext: string;
      localId: string;
    };
    expect(invoked.installContext).toBe('ari:cloud:confluence::site/local');
    const localId = await page.locator('.ll-macro').getAttribute('data-macro');
    expect(invoked.localId).toBe(localId);
    // view.submit is refused in the page view.
    await macroFrame().locator('#submit').click();
    await macroFrame().locator('#submit-result:not(:empty)').waitFor();
    await expect(macroFrame().locator('#submit-result').textContent()).resolves.toBe('answered false');

    // Edit again: the config view sees the stored config; Cancel closes it and nothing changes.
    await page.click('[data-action="edit-macro"]');
    await configFrame().locator('body[data-ready="true"]').waitFor();
    await expect(configFrame().locator('#mode').textContent()).resolves.toBe('configuring: true, inserting: false');
    await expect(configFrame().locator('#jql').inputValue()).resolves.toBe('project = FLEX AND learningSurprise = "true"');
    await configFrame().locator('#jql').fill('something else');
    await configFrame().locator('#cancel').click();
    await page.waitForURL(pageUrl);
    await expect(page.locator('[role="dialog"]').count()).resolves.toBe(0);
    await macroFrame().locator('body[data-ready="true"]').waitFor();
    await expect(macroFrame().locator('#config').textContent()).resolves.toBe('{"jql":"project = FLEX AND learningSurprise = \\"true\\""}');

    // Reload: the page and its configured macro persist.
    await page.reload();
    await macroFrame().locator('body[data-ready="true"]').waitFor();
    await expect(macroFrame().locator('#config').textContent()).resolves.toBe('{"jql":"project = FLEX AND learningSurprise = \\"true\\""}');
    const pageId = pageUrl.split('/').at(-1)!;
    expect(site.confluence.getMacro(pageId, localId!)!.config).toEqual({ jql: 'project = FLEX AND learningSurprise = "true"' });
    expect(errors).toEqual([]);
  });
});

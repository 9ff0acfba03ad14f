/**
 * The macro config's sprint picker in a real browser on the local site: the demo's retro page
 * reopens with its pinned sprint picked and named beside the JQL; alice finds the FLEX board by its
 * key, picks the next sprint, saves, and the page's stored config pins that sprint by its id.
 * Expected ids and names are read from the site's own store.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { startAppSite, type AppSite } from '../support/app-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually, screenshotPath, UI_TIMEOUT } from './support/issue-page';

jest.setTimeout(90_000);

describeInBrowser('the sprint picker of the macro config, in the browser', () => {
  let site: AppSite;
  let browser: Browser;
  let context: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    [site, browser] = await Promise.all([startAppSite({ port: 0 }), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US' });
    await context.addCookies([{ name: 'll_user', value: 'alice', url: site.url }]);
  });

  afterAll(async () => {
    await context.close();
    await closeAll(browser, site);
  });

  const configFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-role="macro-config"]');

  it('reopens a retro page on its pinned sprint, and a picked sprint is saved as sprint = <id>', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (error) => errors.push(error.message));
    const retro = site.confluence.listPages('PL').find((p) => p.title.startsWith('Sprint retro'))!;
    const block = retro.blocks.find((b) => b.type === 'macro') as { localId: string; config: Record<string, unknown> };
    const pinnedId = Number(/^sprint = (\d+) AND/.exec(String(block.config.jql))![1]);
    const pinned = site.store.listSprints('FLEX').find((s) => s.id === pinnedId)!;
    const next = site.store.listSprints('FLEX').find((s) => s.state === 'future')!;

    await page.goto(`${site.url}/wiki/spaces/PL/pages/${retro.id}?configure=${block.localId}`);
    const config = configFrame(page);
    await config.getByText(`Sprint ${pinned.id} is “${pinned.name}”`).waitFor();
    expect(await config.getByRole('radio', { name: 'Surprises of one sprint (for a retro page)' }).isChecked()).toBe(true);
    expect(await config.getByRole('radiogroup', { name: 'Sprints' }).getByRole('radio', { name: pinned.name }).isChecked()).toBe(true);
    expect(
      await config
        .getByRole('radiogroup', { name: 'Boards' })
        .getByRole('radio', { name: /FLEX board/ })
        .isChecked(),
    ).toBe(true);

    await config.getByRole('textbox', { name: 'Find a board' }).fill('flex');
    await eventually(async () => {
      expect(await config.getByRole('radiogroup', { name: 'Boards' }).getByRole('radio').count()).toBe(1);
    });
    await config
      .getByRole('radiogroup', { name: 'Sprints' })
      .getByRole('radio', { name: new RegExp(`${next.name} · Future`) })
      .check();
    const jql = `sprint = ${next.id} AND learningSurprise = "true"`;
    await expect(config.getByRole('textbox', { name: 'JQL' }).inputValue()).resolves.toBe(jql);
    await config.getByText(`Sprint ${next.id} is “${next.name}” (Future`).waitFor();
    await config.getByText(/^Valid JQL/).waitFor();
    await page.screenshot({ path: screenshotPath('macro-config-sprint-picker.png'), fullPage: true });
    await config.getByRole('button', { name: 'Save' }).click();
    await eventually(() => {
      expect(site.confluence.getMacro(retro.id, block.localId)?.config?.jql).toBe(jql);
    });
    site.confluence.setMacroConfig(retro.id, block.localId, block.config);
    expect(errors).toEqual([]);
  });
});

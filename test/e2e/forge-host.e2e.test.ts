/**
 * What Forge's host does around the app's frames, in a browser on the local site with the demo as
 * it ships (the issue panel added on FLEX-112 only):
 * - the consent prompt: a reader who has not allowed access sees it in place of the macro, and
 *   after "Allow access" the macro shows the learnings;
 * - the issue glance: "Learnings" with its badge beside the fields, opening the panel's resource
 *   in the side panel with the glance's context;
 * - the issue panel: absent until someone adds it from "Apps" (then on that issue for everyone);
 *   a Jira admin can show it on all work items.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoSeed, DEMO_PRESENTATION } from '../../demo';
import { startSite } from '../../emulator';
import { asAppSite, type AppSite } from '../support/app-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually, PANEL_FRAME, screenshotPath } from './support/issue-page';
import { userPage } from './support/user-page';

jest.setTimeout(90_000);

describeInBrowser("Forge's host around the app: consent, glance, adding the panel", () => {
  let site: AppSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const [started, launched] = await Promise.all([
      startSite({ port: 0, seed: demoSeed(), presentation: DEMO_PRESENTATION }),
      launchChromium(),
    ]);
    [site, browser] = [asAppSite(started), launched];
  });

  beforeEach(() => {
    site.reset();
  });

  afterEach(async () => {
    site.settings.confluenceAsUserJira = 'granted';
    for (const context of contexts.splice(0)) await context.close();
    expect(errors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await closeAll(browser, site);
  });

  const pageAs = (user: string): Promise<Page> =>
    userPage({ browser, siteUrl: site.url, contexts, errors }, user, { viewport: { width: 1280, height: 900 } });

  it('asks a reader without consent to allow access in place of the macro, then shows the learnings', async () => {
    site.settings.confluenceAsUserJira = 'needs-auth';
    const seeded = site.confluence.listPages('PL').find((p) => p.blocks.some((b) => b.type === 'macro'))!;
    const page = await pageAs('bob');
    await page.goto(`${site.url}/wiki/spaces/PL/pages/${seeded.id}`);
    const consent = page.getByRole('region', { name: 'Allow access' });
    await consent.waitFor();
    expect(await consent.textContent()).toContain('Learning Loop needs your permission');
    expect(await page.locator('.ll-macro iframe').first().isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('consent-prompt.png'), fullPage: true });

    await consent.getByRole('button', { name: 'Allow access' }).click();
    const macro = page.locator('.ll-macro iframe').first().contentFrame();
    await macro.locator('header p[role="status"]', { hasText: /issues? with learnings/ }).waitFor();
    expect(await consent.count()).toBe(0);
    expect(site.consent.has(site.user('bob').accountId)).toBe(true);
    // Another reader still has to allow access for themselves.
    const dan = await pageAs('dan');
    await dan.goto(`${site.url}/wiki/spaces/PL/pages/${seeded.id}`);
    await dan.getByRole('region', { name: 'Allow access' }).waitFor();
  });

  it('shows the glance with its badge beside the fields, and opens it in the side panel with the glance context', async () => {
    const page = await pageAs('alice');
    await page.goto(`${site.url}/jira/browse/FLEX-112`);
    const glance = page.locator('[data-glance="learning-glance"]');
    await expect(glance.textContent()).resolves.toMatch(/^Learnings\d+$/);
    await glance.click();
    const side = page.getByRole('complementary', { name: 'Hypothesis / What we learned' });
    await side.waitFor();
    const frame = page.frameLocator('iframe[data-role="glance"]');
    await frame.getByRole('main', { name: 'Hypothesis and learnings for FLEX-112' }).waitFor();
    const token = await page.locator('iframe[data-role="glance"]').getAttribute('data-frame-token');
    const context = (await (
      await fetch(`${site.url}/__local/bridge/context`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      })
    ).json()) as {
      value: { extension: { type: string; issue: { key: string } } };
    };
    expect(context.value.extension).toMatchObject({ type: 'jira:issueGlance', issue: { key: 'FLEX-112' } });
    await page.screenshot({ path: screenshotPath('glance-side-panel.png'), fullPage: true });
    await side.getByRole('link', { name: 'Close' }).click();
    await eventually(async () => {
      expect(await page.locator('.ll-side-panel').count()).toBe(0);
    });
  });

  it("runs the app's resources under Forge's CSP without a single violation", async () => {
    site.cspReports.clear();
    const seeded = site.confluence.listPages('PL').find((p) => p.blocks.some((b) => b.type === 'macro'))!;
    const page = await pageAs('alice');
    await page.goto(`${site.url}/jira/browse/FLEX-112?glance=learning-glance`);
    await page.locator(PANEL_FRAME).first().contentFrame().getByRole('main', { name: 'Hypothesis and learnings for FLEX-112' }).waitFor();
    await page.frameLocator('iframe[data-role="glance"]').getByRole('main', { name: 'Hypothesis and learnings for FLEX-112' }).waitFor();
    const macro = seeded.blocks.find((b) => b.type === 'macro') as { localId: string };
    await page.goto(`${site.url}/wiki/spaces/PL/pages/${seeded.id}?configure=${encodeURIComponent(macro.localId)}`);
    await page
      .locator('.ll-macro iframe')
      .first()
      .contentFrame()
      .locator('header p[role="status"]', { hasText: /issues? with learnings/ })
      .waitFor();
    await page.frameLocator('iframe[data-role="macro-config"]').getByRole('textbox', { name: 'JQL' }).waitFor();
    await page.goto(`${site.url}/jira/projects/FLEX/apps/retro`);
    await page.frameLocator('iframe[title="Learnings"]').getByRole('heading', { name: 'Surprises this sprint' }).waitFor();
    await page.waitForTimeout(500);
    expect(site.cspReports.list()).toEqual([]);
  });

  it('shows the issue panel only where it was added from "Apps", for everyone; an admin can show it on all work items', async () => {
    const bob = await pageAs('bob');
    await bob.goto(`${site.url}/jira/browse/FLEX-110`);
    expect(await bob.locator(PANEL_FRAME).count()).toBe(0);
    await bob.getByRole('button', { name: 'Apps' }).click();
    await bob.getByRole('button', { name: 'Hypothesis / What we learned' }).click();
    await bob.frameLocator(PANEL_FRAME).getByRole('main', { name: 'Hypothesis and learnings for FLEX-110' }).waitFor();
    expect(await bob.getByRole('button', { name: 'Show for all work items' }).count()).toBe(0);

    const dan = await pageAs('dan');
    await dan.goto(`${site.url}/jira/browse/FLEX-110`);
    await dan.frameLocator(PANEL_FRAME).getByRole('main', { name: 'Hypothesis and learnings for FLEX-110' }).waitFor();
    await dan.goto(`${site.url}/jira/browse/FLEX-108`);
    expect(await dan.locator(PANEL_FRAME).count()).toBe(0);

    const alice = await pageAs('alice');
    await alice.goto(`${site.url}/jira/browse/FLEX-112`);
    await alice.getByRole('button', { name: 'Show for all work items' }).click();
    await dan.goto(`${site.url}/jira/browse/FLEX-108`);
    await dan.frameLocator(PANEL_FRAME).getByRole('main', { name: 'Hypothesis and learnings for FLEX-108' }).waitFor();
  });
});

/**
 * The Insights tab of the global page "Learning Loop" in a real browser on the local site: alice
 * opens the page, reaches Insights with the arrow key, and reads FLEX's hypothesis coverage table,
 * checked against a recount of the local site's raw data (test/lifecycle/insights-recount.ts: the
 * site's issues, sprints and stored properties, not the app's code); carol, who cannot browse
 * GROW, sees no GROW anywhere on the tab. alice's cross-team flow matrix is checked against the same recount.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { draftOf, type EvidenceLink, type LearningRecord } from '../../src/domain/record/learning-record';
import { coverageCells, recountInsights, shownPeriods } from '../lifecycle/insights-recount';
import { startAppSite, type AppSite } from '../support/app-site';
import { afterKvsQueryLag } from '../support/local-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually, screenshotForReadme, UI_TIMEOUT } from './support/issue-page';

jest.setTimeout(120_000);

describeInBrowser('the Insights tab in the browser', () => {
  let site: AppSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function openInsights(user: string, colorMode: 'light' | 'dark' = 'light'): Promise<{ page: Page; frame: FrameLocator }> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US' });
    contexts.push(context);
    await context.addCookies([
      { name: 'll_user', value: user, url: site.url },
      { name: 'll_theme', value: colorMode, url: site.url },
    ]);
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (error) => errors.push(`${user}: ${error.message}`));
    await page.goto(site.url);
    await page.getByRole('navigation', { name: 'Apps' }).getByRole('link', { name: 'Learning Loop' }).click();
    await page.waitForURL(/\/jira\/apps\/[^/]+\/[^/]+$/);
    const frame = page.locator('.ll-forge-page iframe').contentFrame();
    const library = frame.getByRole('tab', { name: 'Library' });
    await library.focus();
    await library.press('ArrowRight');
    const insights = frame.getByRole('tab', { name: 'Insights' });
    expect(await insights.getAttribute('aria-selected')).toBe('true');
    await frame.getByRole('table').first().waitFor();
    return { page, frame };
  }

  /** alice says a learning of `sourceProject` helped a ticket ("This helped", then the save), so the matrix has a link. */
  async function helped(issueKey: string, sourceProject: string): Promise<void> {
    const source = site.store.listIssues(sourceProject).find((i) => site.store.getProperty(i.id, 'learning-loop'))!;
    const opened = (await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey })).result as {
      ok: true;
      value: { record: LearningRecord };
    };
    const marked = (
      await site.invoke({ functionKey: 'learnedBefore/markHelped', as: 'alice', issueKey, payload: { sourceIssueKey: source.key } })
    ).result as { ok: true; value: { link: EvidenceLink } };
    const draft = draftOf(opened.value.record);
    const payload = { baseRevision: opened.value.record.revision, draft: { ...draft, evidence: [...draft.evidence, marked.value.link] } };
    expect((await site.invoke({ functionKey: 'learning/save', as: 'alice', issueKey, payload })).result).toMatchObject({ ok: true });
  }

  beforeAll(async () => {
    [site, browser] = await Promise.all([startAppSite({ port: 0 }), launchChromium()]);
    await helped('FLEX-112', 'GROW');
    // The daily rebuild, run now: the aggregates the tab reads.
    const { result } = await site.runScheduledTrigger('insights-rebuild-schedule');
    expect(result).toMatchObject({ statusCode: 204 });
    // The daily rebuild runs long before anyone reads: KVS queries list its project summaries only once their lag has
    // passed, and the first test's page could otherwise ask within it and find no project (as insights-macro waits).
    await afterKvsQueryLag(site);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await closeAll(browser, site);
  });

  it("alice reads FLEX's hypothesis coverage, the same as a recount of the site's data", async () => {
    const { page, frame } = await openInsights('alice');
    const recount = recountInsights(site);
    const expected = coverageCells(site, recount, 'FLEX');
    expect(expected.length).toBeGreaterThan(1);
    const table = frame.getByRole('table', { name: 'Hypothesis coverage, FLEX, per period' });
    await eventually(async () => {
      expect(await table.locator('tbody td').allTextContents()).toEqual(expected);
    });
    expect(
      await frame
        .getByText('Figures count only issues you may browse; a project where some issues are hidden from you is left out.')
        .count(),
    ).toBe(1);
    // The cross-team flow: per column (the helped project), its last six periods' links by the helping project.
    const projects = ['CHK', 'FLEX', 'GROW', 'PLAT', 'SRCH'];
    const lastSix = (project: string) => shownPeriods(site, recount, project);
    const flowRows = projects.map((from) => [
      from,
      ...projects.map((to) => String(lastSix(to).reduce((sum, r) => sum + (r.helpedFrom[from] ?? 0), 0))),
    ]);
    const matrix = frame.getByRole('table', { name: /^Cross-team flow/ });
    expect(await matrix.locator('thead th').allTextContents()).toEqual(['Learning from / ticket in', ...projects]);
    const cells = await Promise.all((await matrix.locator('tbody tr').all()).map((row) => row.locator('th, td').allTextContents()));
    expect(cells).toEqual(flowRows);
    expect(flowRows.flat().some((cell) => /^[1-9]/.test(cell))).toBe(true);
    await frame.getByRole('tab', { name: 'Insights' }).scrollIntoViewIfNeeded();
    // The README shows it as this run drew it.
    await screenshotForReadme(page, 'insights-tab.png');
    expect(errors).toEqual([]);
  });

  it('carol, who cannot browse GROW, sees no GROW on the tab', async () => {
    const { frame } = await openInsights('carol', 'dark');
    await frame.getByRole('heading', { name: 'FLEX' }).waitFor();
    const text = (await frame.locator('body').textContent()) ?? '';
    expect(text).toContain('CHK');
    expect(text).not.toMatch(/GROW/);
    // The GROW learning that helped FLEX-112 is counted in the flow matrix, under no name.
    expect(text).toContain('Projects not shown to you');
    expect(await frame.getByRole('heading', { name: 'GROW' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

/**
 * The issue panel in Chromium while Jira fails: a 503 shows a recoverable
 * state with "Try again" (and trying again once Jira is back loads the
 * record); a property holding malformed JSON (text that is not JSON, or
 * another app's JSON) shows the unreadable-record notice instead of failing.
 */
import type { Browser } from 'playwright-core';
import { startAppSite, type AppSite } from '../support/app-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { newSession, screenshotPath, visible } from './support/issue-page';

jest.setTimeout(90_000);

describeInBrowser('the issue panel under Jira faults', () => {
  let site: AppSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await startAppSite({ port: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await closeAll(browser, site);
  });

  beforeEach(() => {
    site.faults.clear();
    site.reset();
  });

  it('a 503 shows "Try again", and trying again after Jira recovers shows the record', async () => {
    const fault = site.faults.serverError(503, { endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}', pathIncludes: 'FLEX-112', times: null });
    const session = await newSession(browser, site, { user: 'alice' });
    try {
      await session.page.goto(`${site.url}/jira/browse/FLEX-112`);
      await visible(session.panel.getByText('Could not load the learnings'));
      await visible(session.panel.getByText(/try again/i).first());
      const retry = await visible(session.panel.getByRole('button', { name: 'Try again' }));
      await session.page.screenshot({ path: screenshotPath('reliability-503.png'), fullPage: true });
      site.faults.remove(fault.id);
      await retry.click();
      await visible(session.panelMain('FLEX-112'));
      await visible(session.panel.getByText('Labeling matters more than refund amount.'));
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it.each([
    ['text that is not JSON', 'invalid' as const],
    ['another app’s JSON', 'foreign' as const],
  ])('%s in the property shows the unreadable-record notice, with editing still possible', async (_name, mode) => {
    site.faults.malformedProperty('FLEX-112', { mode });
    const session = await newSession(browser, site, { user: 'alice' });
    try {
      await session.page.goto(`${site.url}/jira/browse/FLEX-112`);
      await visible(session.panel.getByText('This ticket’s learning record can’t be read'));
      await visible(session.panel.getByText(/You can start a new record: the value there now is kept as found in this panel’s History/));
      await session.page.screenshot({ path: screenshotPath(`reliability-unreadable-${mode}.png`), fullPage: true });
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

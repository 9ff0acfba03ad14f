/**
 * A resource's start in a real browser (static/shared/start-app.ts): the first bridge call leaves from the
 * small entry module, and when the app's own chunk cannot be loaded (a dropped connection, an asset a proxy
 * blocks) the frame says so in words a person can act on, instead of staying blank.
 */
import { describeInBrowser } from './support/browser';
import { visible } from './support/issue-page';
import { FLEX_112, useIssuePages } from './support/issue-page-suite';

jest.setTimeout(60_000);

describeInBrowser('A resource whose app chunk cannot load', () => {
  const { open } = useIssuePages();

  it('sends its first call anyway and shows an alert asking to reload, not a blank frame', async () => {
    const session = await open(FLEX_112.key, 'alice');
    const { page, panel } = session;
    await visible(panel.getByText(FLEX_112.hypothesis, { exact: true }));

    // The panel's root chunk (React, Atlaskit, the views) fails to arrive from now on.
    await page.route(/\/issue-panel\/(?:.*\/)?assets\/root-[\w-]+\.js$/, (route) => route.abort('connectionreset'));
    const invoked: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/__local/bridge/invoke')) invoked.push(request.postData() ?? '');
    });
    await page.reload();

    const alert = panel.getByRole('alert');
    await visible(alert);
    expect(await alert.textContent()).toBe('Learning Loop could not load this view. Check your connection, then reload the page.');
    // The first screen's call left before the failed import: the entry module alone sends it.
    expect(invoked.some((body) => body.includes('learning/get'))).toBe(true);
  });
});

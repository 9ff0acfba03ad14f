/**
 * Sprint learning goals in the retro view, in a real browser on the local site: alice (who manages
 * FLEX's sprints) adds a goal linked to FLEX-112, sees its learnings under it and marks it answered
 * with the keyboard only; dan (browse only) sees it read-only.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startAppSite, type AppSite } from '../support/app-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually, screenshotPath } from './support/issue-page';

jest.setTimeout(90_000);

const QUESTION = 'Do travellers read the Flex label before the price?';

describeInBrowser('What we hoped to learn (retro view)', () => {
  let site: AppSite;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    [site, browser] = await Promise.all([startAppSite({ port: 0 }), launchChromium()]);
    site.reset();
  });

  afterAll(async () => {
    await closeAll(browser, site);
  });

  async function retroAs(user: string): Promise<{ page: Page; f: FrameLocator }> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addCookies([{ name: 'll_user', value: user, url: site.url }]);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/jira/projects/FLEX/apps/retro`);
    const f = page.frameLocator('iframe[title="Learnings"]');
    await f.getByRole('heading', { name: 'What we hoped to learn' }).waitFor();
    await f.getByRole('list', { name: 'Learning goals' }).waitFor();
    return { page, f };
  }

  it('alice adds a goal linked to FLEX-112, sees its learnings, and marks it answered with the keyboard only', async () => {
    const { page, f } = await retroAs('alice');
    // The demo's goal carried over from the previous sprint is there.
    expect(await f.locator('li[data-goal]').count()).toBe(1);

    await f.getByRole('button', { name: 'Add a learning goal' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type(QUESTION); // the question has the focus
    await page.keyboard.press('Tab');
    await page.keyboard.type('flex-112');
    await page.keyboard.press('Enter'); // submits the form
    const goal = f.locator('li[data-goal]', { hasText: QUESTION });
    await goal.waitFor();
    await eventually(async () => {
      expect(await goal.getByRole('list', { name: 'Learnings of FLEX-112' }).innerText()).toContain(
        'Labeling matters more than refund amount.',
      );
    });
    expect(await goal.getAttribute('data-answer')).toBe('open');

    await goal.getByRole('button', { name: `Edit or answer: ${QUESTION}` }).focus();
    await page.keyboard.press('Enter');
    const form = f.getByRole('form', { name: 'Goal 2' });
    await form.waitFor();
    await page.keyboard.press('Tab'); // tickets
    await page.keyboard.press('Tab'); // "I own this goal"
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // the answer's radio group, on "Open"
    await page.keyboard.press('ArrowRight'); // "Answered"
    await page.keyboard.press('Tab'); // what we learned
    await page.keyboard.type('Yes: most read the label first.');
    await page.keyboard.press('Tab'); // Save goal
    await page.keyboard.press('Enter');
    await eventually(async () => {
      expect(await goal.getAttribute('data-answer')).toBe('answered');
    });
    expect(await goal.innerText()).toContain('owner: Alice Moreau');
    expect(await goal.innerText()).toContain('Yes: most read the label first.');
    await page.screenshot({ path: screenshotPath('retro-goals-alice.png'), fullPage: true });
  });

  it('dan (browse only) sees the goals and who can edit them, without any edit control', async () => {
    const { f } = await retroAs('dan');
    const goal = f.locator('li[data-goal]', { hasText: QUESTION });
    await goal.waitFor();
    expect(await goal.getAttribute('data-answer')).toBe('answered');
    await f.getByText('People who manage sprints in FLEX can edit these goals.').waitFor();
    expect(await f.getByRole('button', { name: 'Add a learning goal' }).count()).toBe(0);
    expect(await f.getByRole('button', { name: /^Edit or answer/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

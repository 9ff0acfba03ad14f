/**
 * Planning → retro in a real browser on the local site: alice opens FLEX's backlog, chooses
 * "Learning goals" in the active sprint's "…" menu, adds a goal linked to FLEX-112 with the
 * keyboard and closes the modal; the retro view shows that goal with FLEX-112's learnings and she
 * answers it with the keyboard; dan opens the same menu item and reads the goal, with no edit control.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startAppSite, type AppSite } from '../support/app-site';
import { describeInBrowser, launchChromium, closeAll } from './support/browser';
import { eventually, screenshotPath } from './support/issue-page';
import { userPage } from './support/user-page';

jest.setTimeout(120_000);

const QUESTION = 'Will a calmer Flex label lift conversion in Spain?';

describeInBrowser('Learning goals from the sprint menu, planning → retro', () => {
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

  const pageAs = (user: string): Promise<Page> => userPage({ browser, siteUrl: site.url, contexts: [], errors }, user);

  /** From the index: FLEX's backlog, the active sprint's "…" menu, "Learning goals"; answers the modal's frame. */
  async function openFromSprintMenu(page: Page): Promise<FrameLocator> {
    await page.goto(site.url);
    await page.locator('a[data-backlog="FLEX"]').click();
    await page.getByRole('heading', { name: 'Backlog' }).waitFor();
    const active = site.store.listSprints('FLEX').find((s) => s.state === 'active')!;
    const sprint = page.locator(`li[data-sprint="${active.id}"]`);
    await sprint.locator('summary').focus();
    await page.keyboard.press('Enter'); // opens the "…" menu
    await sprint.getByRole('link', { name: 'Learning goals' }).click();
    await page.getByRole('dialog').waitFor();
    const f = page.frameLocator('iframe[data-role="sprint-action"]');
    await f.getByRole('heading', { name: 'What do we hope to learn this sprint?' }).waitFor();
    await f.getByRole('list', { name: 'Learning goals' }).waitFor();
    return f;
  }

  it('alice adds a goal linked to FLEX-112 from the active sprint menu with the keyboard, and closes the modal', async () => {
    const page = await pageAs('alice');
    const f = await openFromSprintMenu(page);
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
    await page.screenshot({ path: screenshotPath('sprint-action-goals-alice.png'), fullPage: true });

    await f.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter'); // view.close(): the modal closes, the backlog stays
    await page.waitForURL(/\/boards\/\d+\/backlog$/);
    await page.getByRole('heading', { name: 'Backlog' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('the retro view shows that goal with its learnings; alice answers it with the keyboard only', async () => {
    const page = await pageAs('alice');
    await page.goto(`${site.url}/jira/projects/FLEX/apps/retro`);
    const f = page.frameLocator('iframe[title="Learnings"]');
    const goal = f.locator('li[data-goal]', { hasText: QUESTION });
    await goal.waitFor();
    expect(await goal.getByRole('list', { name: 'Learnings of FLEX-112' }).innerText()).toContain(
      'Labeling matters more than refund amount.',
    );

    await goal.getByRole('button', { name: `Edit or answer: ${QUESTION}` }).focus();
    await page.keyboard.press('Enter');
    await f.getByRole('form', { name: 'Goal 2' }).waitFor();
    await page.keyboard.press('Tab'); // tickets
    await page.keyboard.press('Tab'); // "I own this goal"
    await page.keyboard.press('Tab'); // the answer's radio group, on "Open"
    await page.keyboard.press('ArrowRight'); // "Answered"
    await page.keyboard.press('Tab'); // what we learned
    await page.keyboard.type('Yes, by a third in Spain.');
    await page.keyboard.press('Tab'); // Save goal
    await page.keyboard.press('Enter');
    await eventually(async () => {
      expect(await goal.getAttribute('data-answer')).toBe('answered');
    });
  });

  it('dan (browse only) opens the same menu item and reads the answered goal, without any edit control', async () => {
    const page = await pageAs('dan');
    await page.goto(site.url);
    await page.locator('#ll-theme-toggle').click();
    await page.locator('#ll-theme-toggle[aria-pressed="true"]').waitFor();
    const f = await openFromSprintMenu(page);
    const goal = f.locator('li[data-goal]', { hasText: QUESTION });
    await goal.waitFor();
    expect(await goal.getAttribute('data-answer')).toBe('answered');
    expect(await goal.innerText()).toContain('Yes, by a third in Spain.');
    await f.getByText('People who manage sprints in FLEX can edit these goals.').waitFor();
    expect(await f.getByRole('button', { name: 'Add a learning goal' }).count()).toBe(0);
    expect(await f.getByRole('button', { name: /^Edit or answer/ }).count()).toBe(0);
    // dan chose the dark theme before opening the menu: the modal's frame is dark too.
    expect(await f.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await page.screenshot({ path: screenshotPath('sprint-action-goals-dan-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});

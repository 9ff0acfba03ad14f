/**
 * Capturing a learning, effortless (issue 15): from the read view, a learning
 * flagged as a surprise in at most three mouse actions, or at most four keys
 * plus the typing once the panel has focus. Every key press and click is
 * counted through one helper each; what is stored is read back as alice.
 */
import type { Locator, Page } from 'playwright-core';
import { describeInBrowser } from './support/browser';
import { focused, visible } from './support/issue-page';
import { useIssuePages } from './support/issue-page-suite';

jest.setTimeout(60_000);

/** Counts what the person does; typing the learning's text is not counted (it is the learning). */
function counting(page: Page) {
  const count = { keys: 0, clicks: 0 };
  return {
    count,
    press: async (key: string) => {
      count.keys += 1;
      await page.keyboard.press(key);
    },
    click: async (target: Locator) => {
      count.clicks += 1;
      await target.click();
    },
    type: (text: string) => page.keyboard.type(text),
  };
}

describeInBrowser('Capturing a surprising learning from the read view', () => {
  const { site, open } = useIssuePages();

  const storedSurprises = async (issueKey: string): Promise<string[]> => {
    const { result } = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey });
    if (!result.ok || !result.value.record) throw new Error(`${issueKey} has no readable record.`);
    return result.value.record.learnings.filter((entry) => entry.surprise).map((entry) => entry.text);
  };

  it('takes at most four keys plus typing: Alt+N, the text, Alt+S, Ctrl+Enter', async () => {
    const text = 'Refund-first wording doubled Flex take-up on trains.';
    const { page, panel } = await open('FLEX-112', 'alice');
    // The panel has focus (as after Tab into its frame): on its first action.
    const edit = panel.getByRole('button', { name: 'Edit' });
    await visible(edit);
    await edit.focus();

    const person = counting(page);
    await person.press('Alt+N');
    const third = panel.getByRole('textbox', { name: /^Learning 3/ });
    await focused(third);
    await person.type(text);
    await person.press('Alt+S');
    await person.press('Control+Enter');

    await visible(panel.getByRole('heading', { name: /What we learned\s*3 · 2 surprising/ }));
    expect(person.count).toEqual({ keys: 3, clicks: 0 });
    expect(person.count.keys).toBeLessThanOrEqual(4);
    expect(await storedSurprises('FLEX-112')).toContain(text);
  });

  it('takes at most three mouse actions plus typing: Add a learning, Surprise, Save', async () => {
    const text = 'Solo travellers never opened the Flex details.';
    const { page, panel } = await open('FLEX-112', 'alice');
    const person = counting(page);
    await person.click(await visible(panel.getByRole('button', { name: 'Add a learning' })));
    await focused(panel.getByRole('textbox', { name: /^Learning 3/ }));
    await person.type(text);
    await person.click(panel.getByRole('button', { name: 'Surprise: learning 3' }));
    await person.click(panel.getByRole('button', { name: /^Save/ }));

    await visible(panel.getByRole('heading', { name: /What we learned\s*3 · 2 surprising/ }));
    expect(person.count).toEqual({ keys: 0, clicks: 3 });
    expect(await storedSurprises('FLEX-112')).toContain(text);
  });
});

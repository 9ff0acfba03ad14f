/**
 * The config view's epic picker (`macro/findEpics`) through the real handler on
 * the local site: epics of the site found by text or key as the person, and the
 * JQL a picked epic fills in runs (the old preset's placeholder key did not).
 * Expectations are read from the site's own store, never from the app's code.
 */
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { macroContextFor } from '../support/invoke-contexts';
import { jiraCalls, useLocalSite } from '../support/local-site';

const site = useLocalSite();

async function find(as: string, text: string) {
  const { result, calls } = await site.invoke({
    functionKey: 'macro/findEpics',
    as,
    context: macroContextFor(site, undefined, true),
    payload: { text },
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return { epics: result.value.epics, calls };
}

const typeOf = (key: string) => site.store.getIssue(key)?.issueType;

describe('macro/findEpics', () => {
  it('lists only epics, found by words of their summary as they are typed, in one search as the viewer', async () => {
    const { epics, calls } = await find('alice', 'refunds for low-pri');
    expect(epics.map((e) => e.key)).toContain('FLEX-101');
    expect(epics.find((e) => e.key === 'FLEX-101')).toEqual({
      key: 'FLEX-101',
      summary: 'Flex refunds for low-price journeys',
      projectName: expect.stringMatching(/\S/),
    });
    expect(epics.every((e) => typeOf(e.key) === 'Epic')).toBe(true);
    expect(jiraCalls(calls)).toEqual([expect.objectContaining({ provider: 'user', status: 200 })]);
  });

  it('offers the most recent epics for no text, at most 20, and finds one by its key', async () => {
    const recent = await find('alice', '  ');
    expect(recent.epics.length).toBeGreaterThan(1);
    expect(recent.epics.length).toBeLessThanOrEqual(20);
    expect(recent.epics.every((e) => typeOf(e.key) === 'Epic')).toBe(true);
    expect((await find('alice', 'flex-101')).epics.map((e) => e.key)).toEqual(['FLEX-101']);
    // A key that does not exist, or is not an epic: nothing, not an error.
    expect((await find('alice', 'NOPE-1')).epics).toEqual([]);
    expect((await find('alice', 'FLEX-112')).epics).toEqual([]);
  });

  it('never offers an epic the viewer may not browse', async () => {
    const growEpic = site.store.listIssues('GROW').find((i) => i.issueType === 'Epic')!;
    expect((await find('alice', growEpic.key)).epics.map((e) => e.key)).toEqual([growEpic.key]);
    expect((await find('carol', growEpic.key)).epics).toEqual([]);
    expect((await find('carol', growEpic.summary)).epics.some((e) => e.key.startsWith('GROW-'))).toBe(false);
    expect((await find('carol', '')).epics.some((e) => e.key.startsWith('GROW-'))).toBe(false);
  });

  it('takes any text without making Jira refuse the query, and refuses too long a text before any call', async () => {
    for (const text of ['") OR project = GROW', '*refund', 'ref?nd \\ "', 'é ünïcode ✓', 'a-b-c']) {
      const { epics } = await find('carol', text);
      expect(epics.every((e) => typeOf(e.key) === 'Epic' && !e.key.startsWith('GROW-'))).toBe(true);
    }
    const { result, calls } = await site.invoke({
      functionKey: 'macro/findEpics',
      as: 'alice',
      context: macroContextFor(site, undefined, true),
      payload: { text: 'x'.repeat(101) },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toHaveLength(0);
  });

  it("fills JQL that runs: the picked epic and its children, where the old preset's placeholder was refused", async () => {
    const list = async (jql: string) =>
      site.invoke({
        functionKey: 'macro/list',
        as: 'alice',
        context: macroContextFor(site, { ...DEFAULT_MACRO_CONFIG, jql: '' }, true),
        payload: { config: { ...DEFAULT_MACRO_CONFIG, jql } },
      });
    const old = await list('parent = EPIC-KEY OR key = EPIC-KEY');
    expect(old.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const picked = await list('parent = FLEX-101 OR key = FLEX-101');
    if (!picked.result.ok) throw new Error(picked.result.error.message);
    const keys = picked.result.value.cards.map((c) => c.issue.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key === 'FLEX-101' || site.store.getIssue(key)?.parentKey === 'FLEX-101')).toBe(true);
  });
});

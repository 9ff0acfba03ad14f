/**
 * The macro's resolvers end to end: the real handler on the local site, with
 * the Confluence macro's context. Jira is read as the viewer, never as the app:
 * where the viewer has not granted access yet, the consent error leaves the
 * function so Forge can ask them. Carol cannot browse GROW: she must never see
 * a GROW learning.
 */
import { DEFAULT_MACRO_CONFIG, type MacroConfig } from '../../src/domain/macro/macro-config';
import type { CallRecord } from '../../emulator';
import { seedDemoData } from '../../demo';
import { macroContextFor } from '../support/invoke-contexts';
import { jiraCalls, useLocalSite } from '../support/local-site';

const site = useLocalSite();

afterEach(() => {
  site.settings.confluenceAsUserJira = 'granted';
});

const searches = (calls: CallRecord[]) => calls.filter((call) => call.endpoint.endsWith('/rest/api/3/search/jql'));

async function page(as: string, config: unknown, pageToken?: string | null) {
  const { result, calls, ms } = await site.invoke({
    functionKey: 'macro/list',
    as,
    context: macroContextFor(site, config),
    payload: pageToken ? { pageToken } : {},
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return { value: result.value, calls, ms };
}

/** Every page, as a reader scrolling to the end would load them. */
async function allPages(as: string, config: unknown) {
  const pages: Array<Awaited<ReturnType<typeof page>>> = [];
  let token: string | null = null;
  do {
    const next = await page(as, config, token);
    pages.push(next);
    token = next.value.nextPageToken;
  } while (token);
  return { pages, cards: pages.flatMap((p) => p.value.cards) };
}

const everything: MacroConfig = { ...DEFAULT_MACRO_CONFIG, jql: '' };

type Page = Awaited<ReturnType<typeof page>>;
/** Whether a page's cards carry "This helped" links (the demo's CHK tickets helped by FLEX learnings). */
const carriesHelpedLinks = (p: Page) => p.value.cards.some((card) => card.record.evidence.some((l) => l.id.startsWith('learned-before-')));
/** One search a page, and one Browse check of the linked issues only when the page carries "This helped" links. */
const jiraCallsAsDesigned = (p: Page) => searches(p.calls).length === 1 && jiraCalls(p.calls).length === (carriesHelpedLinks(p) ? 2 : 1);

describe('macro/list as the viewer', () => {
  it('shows the first screen after one JQL search that carries the records', async () => {
    const first = await page('alice', undefined);
    const { value, calls } = first;
    expect(searches(calls)).toHaveLength(1);
    expect(jiraCallsAsDesigned(first)).toBe(true);
    expect(searches(calls)[0]).toMatchObject({ provider: 'user', status: 200 });
    expect(value.config).toEqual(DEFAULT_MACRO_CONFIG);
    expect(value.cards.length).toBeGreaterThan(0);
    expect(value.cards.every((card) => card.record.learnings.length > 0 || card.record.hypothesis)).toBe(true);
  });

  it('finds FLEX-112 with the tag preset', async () => {
    const { cards } = await allPages('alice', { ...DEFAULT_MACRO_CONFIG, jql: 'learningTags = pricing' });
    const flex = cards.find((card) => card.issue.key === 'FLEX-112');
    expect(flex?.record.learnings.map((e) => e.text)).toEqual(
      expect.arrayContaining(["Customers in Spain engaged more, even if they didn't buy.", 'Labeling matters more than refund amount.']),
    );
    expect(cards.every((card) => card.record.tags.includes('pricing'))).toBe(true);
  });

  it('pages through everything, one search per page, never repeating an issue; carol never sees GROW', async () => {
    const alice = await allPages('alice', everything);
    const carol = await allPages('carol', everything);
    for (const run of [alice, carol]) {
      expect(run.pages.every(jiraCallsAsDesigned)).toBe(true);
      expect(new Set(run.cards.map((c) => c.issue.id)).size).toBe(run.cards.length);
    }
    expect(alice.pages.length).toBeGreaterThan(1);
    expect(alice.pages.some(carriesHelpedLinks)).toBe(true);
    expect(alice.cards.some((card) => card.issue.project.key === 'GROW')).toBe(true);
    expect(carol.cards.some((card) => card.issue.project.key === 'GROW')).toBe(false);
    expect(carol.cards.length).toBeLessThan(alice.cards.length);
  });

  it('answers a JQL Jira cannot run with INVALID_INPUT and Jira’s message', async () => {
    const { result } = await site.invoke({
      functionKey: 'macro/list',
      as: 'alice',
      context: macroContextFor(site, { ...DEFAULT_MACRO_CONFIG, jql: 'sprnt = 4' }),
      payload: {},
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toMatch(/sprnt/);
  });

  it('honours a config in the payload only while configuring', async () => {
    const preview = { ...DEFAULT_MACRO_CONFIG, jql: 'project = GROW' };
    const onPage = await site.invoke({
      functionKey: 'macro/list',
      as: 'alice',
      context: macroContextFor(site, { ...DEFAULT_MACRO_CONFIG, jql: 'project = FLEX' }),
      payload: { config: preview },
    });
    const inConfig = await site.invoke({
      functionKey: 'macro/list',
      as: 'alice',
      context: macroContextFor(site, undefined, true),
      payload: { config: preview },
    });
    if (!onPage.result.ok || !inConfig.result.ok) throw new Error('expected both to answer');
    expect(onPage.result.value.cards.every((c) => c.issue.project.key === 'FLEX')).toBe(true);
    expect(inConfig.result.value.cards.length).toBeGreaterThan(0);
    expect(inConfig.result.value.cards.every((c) => c.issue.project.key === 'GROW')).toBe(true);
  });

  it('refuses a payload it does not understand, before any call', async () => {
    const { result, calls } = await site.invoke({
      functionKey: 'macro/list',
      as: 'alice',
      context: macroContextFor(site, undefined),
      payload: { jql: 'project = GROW' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toHaveLength(0);
  });
});

describe('macro/list before the viewer has granted access (consent)', () => {
  it('lets the consent error leave the function, so Forge prompts; nothing is read as the app', async () => {
    site.settings.confluenceAsUserJira = 'needs-auth';
    for (const [functionKey, payload, configuring] of [
      ['macro/list', {}, false],
      ['jql/check', { jql: 'key = GROW-9' }, true],
    ] as const) {
      const before = site.accounting.calls().length;
      await expect(
        site.invoke({ functionKey, as: 'carol', context: macroContextFor(site, undefined, configuring), payload }),
      ).rejects.toThrow(/Authentication Required/);
      const made = site.accounting.calls().slice(before);
      expect(made.length).toBeGreaterThan(0);
      expect(made.filter((call) => call.provider === 'app')).toEqual([]);
    }
  });
});

describe('macro/count: the true total, asked after the first screen', () => {
  const count = async (as: string, config: unknown, payload: Record<string, unknown> = {}, configuring = false) => {
    const { result, calls } = await site.invoke({
      functionKey: 'macro/count',
      as,
      context: macroContextFor(site, config, configuring),
      payload,
    });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return { count: result.value.count, calls };
  };

  it('counts every issue the pages hold, in one approximate-count call as the viewer', async () => {
    for (const as of ['alice', 'carol']) {
      const { cards } = await allPages(as, everything);
      const { count: total, calls } = await count(as, everything);
      expect(total).toBe(cards.length);
      expect(jiraCalls(calls)).toEqual([expect.objectContaining({ provider: 'user', status: 200 })]);
      expect(jiraCalls(calls)[0]!.endpoint).toMatch(/\/rest\/api\/3\/search\/approximate-count$/);
    }
    expect((await count('carol', everything)).count).toBeLessThan((await count('alice', everything)).count);
  });

  it("counts with the stored config's filters, and a payload config only in the config view", async () => {
    const surprises = { ...everything, surprisesOnly: true };
    const { cards } = await allPages('alice', surprises);
    expect((await count('alice', surprises)).count).toBe(cards.length);
    const grow = { ...everything, jql: 'project = GROW' };
    const growCards = (await allPages('alice', grow)).cards.length;
    expect((await count('alice', everything, { config: grow }, true)).count).toBe(growCards);
    expect((await count('alice', everything, { config: grow }, false)).count).toBeGreaterThan(growCards);
  });

  it('answers INVALID_INPUT with Jira’s words for a query Jira cannot run, and refuses unknown fields before any call', async () => {
    const bad = await site.invoke({
      functionKey: 'macro/count',
      as: 'alice',
      context: macroContextFor(site, { ...everything, jql: 'sprnt = 4' }),
      payload: {},
    });
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!bad.result.ok) expect(bad.result.error.message).toMatch(/sprnt/);
    const odd = await site.invoke({
      functionKey: 'macro/count',
      as: 'alice',
      context: macroContextFor(site, everything),
      payload: { jql: 'x' },
    });
    expect(odd.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(odd.calls).toHaveLength(0);
  });
});

describe('jql/check', () => {
  it("gives Jira's own messages for a bad query and a count for a good one", async () => {
    const bad = await site.invoke({
      functionKey: 'jql/check',
      as: 'alice',
      context: macroContextFor(site, undefined, true),
      payload: { jql: 'sprnt = 4' },
    });
    const good = await site.invoke({
      functionKey: 'jql/check',
      as: 'alice',
      context: macroContextFor(site, undefined, true),
      payload: { jql: 'learningTags = pricing' },
    });
    expect(bad.result).toMatchObject({ ok: true, value: { count: null } });
    if (bad.result.ok) expect(bad.result.value.errors.join(' ')).toMatch(/sprnt/);
    expect(good.result).toMatchObject({ ok: true, value: { errors: [] } });
    if (good.result.ok) expect(good.result.value.count).toBeGreaterThan(0);
  });
});

describe('people/lookup from the macro', () => {
  it('names the authors in one call', async () => {
    const { value } = await page('alice', undefined);
    const ids = [...new Set(value.cards.flatMap((c) => [c.record.updatedBy, ...c.record.learnings.map((e) => e.authorAccountId)]))].slice(
      0,
      50,
    );
    const { result, calls } = await site.invoke({
      functionKey: 'people/lookup',
      as: 'alice',
      context: macroContextFor(site, undefined),
      payload: { accountIds: ids },
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.value.names).length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThanOrEqual(1);
  });
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('1,000 learnings', () => {
  afterAll(() => {
    site.reset();
  });

  it('arrive page by page, one search per invocation, none of them long', async () => {
    seedDemoData(site.store, { extraLearnings: 850 });
    const first: number[] = [];
    for (let i = 0; i < 7; i++) first.push((await page('alice', undefined)).ms);
    const run = await allPages('alice', everything);
    expect(run.cards.length).toBeGreaterThanOrEqual(1000);
    expect(run.pages.every(jiraCallsAsDesigned)).toBe(true);
    const perPage = run.pages.map((p) => p.ms);
    const total = perPage.reduce((a, b) => a + b, 0);
    expect(Math.max(...perPage)).toBeLessThan(5000);
    console.log(
      `macro first screen: 1 call, median ${median(first)} ms; ` +
        `${run.cards.length} learnings: ${run.pages.length} invocations, ${run.pages.length} search calls, ` +
        `median ${median(perPage)} ms per page, ${total} ms in all`,
    );
  }, 120_000);
});

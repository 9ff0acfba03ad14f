/**
 * The learning library (Jira global page "Learning Loop") end to end: the real handler on the
 * local site with the global page's context. Each filter becomes quoted JQL on the macro's
 * builder; the answers are checked against Jira's own search as the same person, with JQL
 * written here by hand, and against the cards' records.
 */
import type { CallRecord } from '../../emulator';
import { globalPageContextFor, projectPageContextFor } from '../support/invoke-contexts';
import { jiraKeysFor } from '../support/jira-keys';
import { jiraCalls, useLocalSite } from '../support/local-site';
import { recountReuses } from '../support/reuse-recount';
import { rawLearningsOf } from '../support/stored-json';

const site = useLocalSite();

interface Filters {
  text: string;
  projects: string[];
  tags: string[];
  outcomes: Array<'open' | 'validated' | 'invalidated' | 'inconclusive'>;
  surprisesOnly: boolean;
  period: 'any' | '30d' | '90d' | '365d';
  author: string;
  sort?: 'newest' | 'reused';
}
const NONE: Filters = { text: '', projects: [], tags: [], outcomes: [], surprisesOnly: false, period: 'any', author: '' };
const searches = (calls: CallRecord[]) => calls.filter((call) => call.endpoint.endsWith('/rest/api/3/search/jql'));

async function list(as: string, filters: Partial<Filters>, pageToken?: string | null) {
  const { result, calls } = await site.invoke({
    functionKey: 'library/list',
    as,
    context: globalPageContextFor(site),
    payload: { filters: { ...NONE, ...filters }, ...(pageToken ? { pageToken } : {}) },
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return { value: result.value, calls };
}

async function everyPage(as: string, filters: Partial<Filters>) {
  const pages: Array<Awaited<ReturnType<typeof list>>> = [];
  let token: string | null = null;
  do {
    const next = await list(as, filters, token);
    pages.push(next);
    token = next.value.nextPageToken;
  } while (token);
  return { pages, keys: pages.flatMap((p) => p.value.cards.map((c) => c.issue.key)) };
}

const jiraKeys = (as: string, jql: string) => jiraKeysFor(site, as, jql);

describe('library/list: filters become quoted JQL on the macro builder', () => {
  it.each([
    ['nothing', {}, 'learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC'],
    [
      'words',
      { text: 'refund (labels)!' },
      '(learningText ~ "refund labels" OR learningHypothesis ~ "refund labels") AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC',
    ],
    [
      'projects, outcomes, tags',
      { projects: ['FLEX', 'CHK'], outcomes: ['validated', 'invalidated'], tags: ['Pricing'] },
      '(project IN ("FLEX", "CHK") AND learningTags IN ("pricing") AND learningOutcome IN ("validated", "invalidated")) AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC',
    ],
    [
      'surprises of the last 30 days',
      { surprisesOnly: true, period: '30d' },
      '(learningSurprise = "true" AND learningUpdated >= -30d) AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC',
    ],
    [
      "one author's learnings",
      { author: '557058:bob-okafor' },
      'learningAuthor = "557058:bob-okafor" AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC',
    ],
    [
      'a tag with a quote and a backslash',
      { tags: ['say "hi"\\'] },
      'learningTags IN ("say-\\"hi\\"\\\\") AND learningOutcome IS NOT empty ORDER BY learningUpdated DESC, key DESC',
    ],
  ] as const)('%s', async (_name, filters, jql) => {
    const { value, calls } = await list('alice', filters as Partial<Filters>);
    expect(value.jql).toBe(jql);
    expect(searches(calls)).toHaveLength(1);
    // Cards with "This helped" links (the demo's CHK tickets) cost one Browse check of the linked issues, once.
    const helped = value.cards.some((card) => card.record.evidence.some((link) => link.id.startsWith('learned-before-')));
    expect(jiraCalls(calls).map((c) => c.endpoint)).toEqual([
      'POST /rest/api/3/search/jql',
      ...(helped ? ['POST /rest/api/3/permissions/check'] : []),
    ]);
  });

  it('finds what Jira finds for the person, and every card matches the filters', async () => {
    const filters: Partial<Filters> = { projects: ['FLEX', 'CHK'], outcomes: ['validated', 'invalidated'] };
    const { keys, pages } = await everyPage('alice', filters);
    const expected = await jiraKeys(
      'alice',
      'project in (FLEX, CHK) AND learningOutcome in (validated, invalidated) ORDER BY learningUpdated DESC, key DESC',
    );
    expect(keys).toEqual(expected);
    expect(keys.length).toBeGreaterThan(0);
    for (const card of pages.flatMap((p) => p.value.cards)) {
      expect(['FLEX', 'CHK']).toContain(card.issue.key.split('-')[0]);
      expect(['validated', 'invalidated']).toContain(card.record.outcome);
    }
    const surprises = await everyPage('alice', { surprisesOnly: true, text: 'customers' });
    expect(surprises.keys).toEqual(
      await jiraKeys(
        'alice',
        'learningSurprise = "true" AND (learningText ~ customers OR learningHypothesis ~ customers) ORDER BY learningUpdated DESC, key DESC',
      ),
    );
    expect(surprises.keys.length).toBeGreaterThan(0);
    for (const card of surprises.pages.flatMap((p) => p.value.cards)) expect(card.record.learnings.some((e) => e.surprise)).toBe(true);
  });

  it("finds one author's learnings as Jira's learningAuthor does, and each card holds a learning they wrote", async () => {
    const bob = site.user('bob').accountId;
    const { keys, pages } = await everyPage('alice', { author: bob });
    expect(keys).toEqual(await jiraKeys('alice', `learningAuthor = "${bob}" ORDER BY learningUpdated DESC, key DESC`));
    expect(keys.length).toBeGreaterThan(0);
    for (const card of pages.flatMap((p) => p.value.cards)) expect(card.record.learnings.map((e) => e.authorAccountId)).toContain(bob);
    // Every record with a learning by bob, read from the store (not the app): none is missing.
    const written = site.store
      .listIndexedProperties('learning-loop')
      .filter((row) => rawLearningsOf(row.valueText).some((e) => e.author === bob))
      .map((row) => row.issueId);
    expect(new Set(pages.flatMap((p) => p.value.cards.map((c) => c.issue.id)))).toEqual(new Set(written));
  });

  it('orders "Most reused first" as Jira does by learningReuses, with the counts a recount of the records gives', async () => {
    const lag = site.jira.search.settings.indexDelayMs;
    // The demo's records were stored without the app: the daily rebuild sets each earlier issue's
    // count, long before anyone reads it (so Jira's index has caught up: no index lag here).
    site.jira.search.setIndexDelay(0);
    const { result } = await site.runScheduledTrigger('insights-rebuild-schedule');
    expect(result).toMatchObject({ statusCode: 204 });
    const recount = recountReuses(site);
    const { keys, pages } = await everyPage('alice', { sort: 'reused' });
    expect(pages[0]!.value.jql).toBe(
      'learningOutcome IS NOT empty AND learningReuses > 0 ORDER BY learningReuses DESC, learningUpdated DESC, key DESC',
    );
    expect(keys).toEqual(await jiraKeys('alice', 'learningReuses > 0 ORDER BY learningReuses DESC, learningUpdated DESC, key DESC'));
    // Every issue with a record that some ticket links, and only those, the most linked first.
    const withRecord = new Set(site.store.listIndexedProperties('learning-loop').map((row) => site.store.getIssue(row.issueId)!.key));
    expect(new Set(keys)).toEqual(new Set([...recount.keys()].filter((key) => withRecord.has(key))));
    const counts = pages.flatMap((p) => p.value.cards.map((c) => c.issue.reuses));
    expect(counts).toEqual(keys.map((key) => recount.get(key)));
    expect(counts).toEqual([...counts].sort((a, b) => b! - a!));
    expect(new Set(counts).size).toBeGreaterThan(1);
    // The newest-first list carries the same counts, and none on issues no ticket links.
    for (const card of (await list('alice', {})).value.cards) expect(card.issue.reuses).toBe(recount.get(card.issue.key));
    // The filters still apply: carol is never shown GROW.
    const carol = await everyPage('carol', { sort: 'reused' });
    expect(carol.keys).toEqual(keys.filter((k) => !k.startsWith('GROW-')));
    site.jira.search.setIndexDelay(lag);
  });

  it('pages with nextPageToken, one search per page, never repeating an issue', async () => {
    const { pages, keys } = await everyPage('alice', {});
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => searches(p.calls).length === 1)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(await jiraKeys('alice', 'learningOutcome is not EMPTY ORDER BY learningUpdated DESC, key DESC'));
  });

  it("answers as Jira's permissions do: carol never sees GROW, bob sees what he may browse", async () => {
    const alice = await everyPage('alice', {});
    const carol = await everyPage('carol', {});
    const bob = await everyPage('bob', {});
    expect(alice.keys.some((k) => k.startsWith('GROW-'))).toBe(true);
    expect(carol.keys.some((k) => k.startsWith('GROW-'))).toBe(false);
    expect(carol.keys).toEqual(alice.keys.filter((k) => !k.startsWith('GROW-')));
    const bobMay = site.store.listProjects().filter((p) => site.store.permissionLevel(site.user('bob').accountId, p.key) !== 'none');
    expect(bob.keys).toEqual(alice.keys.filter((k) => bobMay.some((p) => k.startsWith(`${p.key}-`))));
    // Bob may browse every project (he only may not edit some): he sees what alice sees.
    expect(bobMay.length).toBe(site.store.listProjects().length);
    // Asking for GROW by name does not get carol into it: Jira answers as for a project that does not exist.
    const ask = async (key: string) =>
      (
        await site.invoke({
          functionKey: 'library/list',
          as: 'carol',
          context: globalPageContextFor(site),
          payload: { filters: { ...NONE, projects: [key] } },
        })
      ).result;
    const grow = await ask('GROW');
    const nope = await ask('NOPE');
    expect(grow).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(grow).replace(/GROW/g, 'X')).toBe(JSON.stringify(nope).replace(/NOPE/g, 'X'));
  });

  it.each([
    ['an unknown filter', { filters: { ...NONE, writer: 'bob' } }],
    ['an author that is not an account id', { filters: { ...NONE, author: 'bob" OR project = GROW' } }],
    ['a project that is not a key', { filters: { ...NONE, projects: ['flex) OR project = GROW'] } }],
    ['an unknown outcome', { filters: { ...NONE, outcomes: ['maybe'] } }],
    ['an unknown period', { filters: { ...NONE, period: '7d' } }],
    ['an unknown order', { filters: { ...NONE, sort: 'created' } }],
    ['too long a search', { filters: { ...NONE, text: 'x'.repeat(201) } }],
    ['eleven tags', { filters: { ...NONE, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) } }],
    ['no filters', {}],
    ['a smuggled project key', { filters: NONE, projectKey: 'GROW' }],
  ])('refuses %s with INVALID_INPUT, before any Jira call', async (_name, payload) => {
    const { result, calls } = await site.invoke({ functionKey: 'library/list', as: 'alice', context: globalPageContextFor(site), payload });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(jiraCalls(calls)).toEqual([]);
  });

  it('answers only from the global page', async () => {
    const { result } = await site.invoke({
      functionKey: 'library/list',
      as: 'alice',
      context: projectPageContextFor(site, 'FLEX'),
      payload: { filters: NONE },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('library/count and library/projects', () => {
  it('counts what the filters find, as the person (Jira’s approximate count)', async () => {
    const count = async (as: string, filters: Partial<Filters>) => {
      const { result } = await site.invoke({
        functionKey: 'library/count',
        as,
        context: globalPageContextFor(site),
        payload: { filters: { ...NONE, ...filters } },
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.count;
    };
    expect(await count('alice', {})).toBe((await jiraKeys('alice', 'learningOutcome is not EMPTY')).length);
    expect(await count('carol', {})).toBe((await jiraKeys('carol', 'learningOutcome is not EMPTY')).length);
    expect(await count('carol', {})).toBeLessThan(await count('alice', {}));
    expect(await count('alice', { projects: ['FLEX'] })).toBe(
      (await jiraKeys('alice', 'project = FLEX AND learningOutcome is not EMPTY')).length,
    );
  });

  it('lists the projects the person may browse, in one Jira call', async () => {
    const projects = async (as: string) => {
      const { result, calls } = await site.invoke({
        functionKey: 'library/projects',
        as,
        context: globalPageContextFor(site),
        payload: {},
      });
      if (!result.ok) throw new Error(result.error.message);
      expect(jiraCalls(calls).map((c) => c.endpoint)).toEqual(['GET /rest/api/3/project/search']);
      return result.value.projects.map((p) => p.key);
    };
    const browsable = (handle: string) =>
      site.store
        .listProjects()
        .filter((p) => site.store.permissionLevel(site.user(handle).accountId, p.key) !== 'none')
        .map((p) => p.key);
    expect((await projects('alice')).sort()).toEqual(browsable('alice').sort());
    expect(await projects('carol')).not.toContain('GROW');
    expect((await projects('carol')).sort()).toEqual(browsable('carol').sort());
  });
});

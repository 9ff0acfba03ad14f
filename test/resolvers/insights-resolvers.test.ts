/**
 * `insights/open` and `insights/rebuild` through the real handler: figures equal a recount of the
 * raw data, each viewer sees only projects whose every issue the app sees they may browse (their
 * count of the project's issues equals the app's), a project counted differently is withheld with a sentence, and opening is one invocation under 2 s with
 * 300 ms added to every Jira and KVS call.
 */
import type { InsightsView } from '../../src/contract/insights';
import { draftOf, type EvidenceLink, type LearningRecord } from '../../src/domain/record/learning-record';
import { recountInsights, shownPeriods, storedInsights } from '../lifecycle/insights-recount';
import { kvsRows } from '../lifecycle/lifecycle-support';
import { globalPageContextFor, projectPageContextFor } from '../support/invoke-contexts';
import { jiraCalls, useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data-and-calls' });
jest.setTimeout(60_000);

async function open(as: string, payload: unknown = {}, context = projectPageContextFor(site, 'FLEX')) {
  const outcome = await site.invoke({ functionKey: 'insights/open', as, context, payload });
  return {
    ...outcome,
    result: outcome.result as { ok: true; value: InsightsView } | { ok: false; error: { code: string; message: string } },
  };
}

async function rebuild(): Promise<void> {
  const { result } = await site.runScheduledTrigger('insights-rebuild-schedule');
  expect(result).toMatchObject({ statusCode: 204 });
}

const shown = (view: InsightsView) => view.projects.map((p) => p.projectKey);

// The rebuild ran a day before the page is opened: KVS queries have caught up with its writes.
let queryDelayMs = 0;
beforeEach(() => {
  queryDelayMs = site.kvs.settings.queryDelayMs;
  site.kvs.settings.queryDelayMs = 0;
});
afterEach(() => {
  site.kvs.settings.queryDelayMs = queryDelayMs;
});

describe('insights/open', () => {
  beforeEach(rebuild);

  it("answers each project's last six periods as a recount of the raw data gives them", async () => {
    const { result } = await open('alice');
    if (!result.ok) throw new Error(result.error.message);
    const recount = recountInsights(site);
    expect(shown(result.value)).toEqual(['CHK', 'FLEX', 'GROW', 'PLAT', 'SRCH']);
    for (const project of result.value.projects) {
      const expected = shownPeriods(site, recount, project.projectKey);
      expect(project.periods.map((p) => p.issues)).toEqual(expected.map((r) => r.issues));
      expect(project.periods.map((p) => p.figures.hypothesisCoverage)).toEqual(
        expected.map((r) => (r.resolved === 0 ? null : r.resolvedWithHypothesis / r.resolved)),
      );
      expect(project.periods.map((p) => p.figures.surpriseRate)).toEqual(
        expected.map((r) => (r.learnings === 0 ? null : r.surprises / r.learnings)),
      );
      for (const period of project.periods) expect(period.jql).toContain(`project = "${project.projectKey}" AND learningCount >= 0`);
    }
  });

  it('shows bob and carol only what they may browse (a GROW canary never reaches carol)', async () => {
    const bob = await open('bob');
    const carol = await open('carol');
    if (!bob.result.ok || !carol.result.ok) throw new Error('open failed');
    // bob browses every project (he edits all but CHK); carol cannot browse GROW.
    expect(shown(bob.result.value)).toEqual(['CHK', 'FLEX', 'GROW', 'PLAT', 'SRCH']);
    expect(shown(carol.result.value)).toEqual(['CHK', 'FLEX', 'PLAT', 'SRCH']);
    expect(JSON.stringify(carol.result.value)).not.toMatch(/GROW/);
    expect(carol.result.value.withheld).toEqual([]);
  });

  it("names in the cross-team flow only projects the viewer is shown: carol's GROW links are counted, never named", async () => {
    // alice says a GROW learning helped a FLEX ticket ("This helped", then the save).
    const source = site.store.listIssues('GROW').find((i) => site.store.getProperty(i.id, 'learning-loop'))!;
    type Opened = { ok: true; value: { record: LearningRecord } };
    const opened = (await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112' })).result as Opened;
    const marked = (
      await site.invoke({
        functionKey: 'learnedBefore/markHelped',
        as: 'alice',
        issueKey: 'FLEX-112',
        payload: { sourceIssueKey: source.key },
      })
    ).result as { ok: true; value: { link: EvidenceLink } };
    const draft = draftOf(opened.value.record);
    const saved = await site.invoke({
      functionKey: 'learning/save',
      as: 'alice',
      issueKey: 'FLEX-112',
      payload: { baseRevision: opened.value.record.revision, draft: { ...draft, evidence: [...draft.evidence, marked.value.link] } },
    });
    expect(saved.result).toMatchObject({ ok: true });
    await rebuild();
    const alice = await open('alice', {}, globalPageContextFor(site));
    const carol = await open('carol', {}, globalPageContextFor(site));
    if (!alice.result.ok || !carol.result.ok) throw new Error('open failed');
    const flex = (view: InsightsView) => view.projects.find((p) => p.projectKey === 'FLEX')!.periods;
    const fromGrow = flex(alice.result.value).reduce((sum, p) => sum + (p.helpedFrom.GROW ?? 0), 0);
    expect(fromGrow).toBeGreaterThanOrEqual(1);
    expect(flex(alice.result.value).every((p) => p.helpedFromOthers === 0)).toBe(true);
    expect(JSON.stringify(carol.result.value)).not.toMatch(/GROW/);
    expect(flex(carol.result.value).reduce((sum, p) => sum + p.helpedFromOthers, 0)).toBe(fromGrow);
    // The GROW issue's learnings now count as reused, as a recount of the raw data says.
    const recount = recountInsights(site);
    const grow = alice.result.value.projects.find((p) => p.projectKey === 'GROW')!;
    expect(grow.periods.map((p) => p.figures.reusedShare)).toEqual(
      shownPeriods(site, recount, 'GROW').map((r) => (r.learnings === 0 ? null : r.reusedLearnings / r.learnings)),
    );
    expect(grow.periods.some((p) => (p.figures.reusedShare ?? 0) > 0)).toBe(true);
  });

  it('answers from the "Learning Loop" global page (its Insights tab) as from a project page, per viewer', async () => {
    const fromProjectPage = await open('alice');
    const alice = await open('alice', {}, globalPageContextFor(site));
    const carol = await open('carol', {}, globalPageContextFor(site));
    if (!alice.result.ok || !carol.result.ok || !fromProjectPage.result.ok) throw new Error('open failed');
    expect(alice.result.value).toEqual(fromProjectPage.result.value);
    expect(shown(alice.result.value)).toEqual(['CHK', 'FLEX', 'GROW', 'PLAT', 'SRCH']);
    expect(shown(carol.result.value)).toEqual(['CHK', 'FLEX', 'PLAT', 'SRCH']);
    expect(JSON.stringify(carol.result.value)).not.toMatch(/GROW/);
  });

  it('withholds a project where issue security hides an issue the aggregates count from the viewer, and says why', async () => {
    // A resolved issue without a record counts in coverage's denominator; its security level admits alice only.
    const hidden = site.store.listIssues('FLEX').find((i) => i.status === 'Done' && !site.store.getProperty(i.id, 'learning-loop'))!;
    site.store.issueSecurity.restrict(hidden.id, [site.user('alice').accountId]);
    const bob = await open('bob');
    const alice = await open('alice');
    if (!bob.result.ok || !alice.result.ok) throw new Error('open failed');
    expect(shown(bob.result.value)).toEqual(['CHK', 'GROW', 'PLAT', 'SRCH']);
    expect(bob.result.value.withheld).toEqual([{ projectKey: 'FLEX', reason: expect.stringMatching(/hidden from you/) }]);
    expect(JSON.stringify(bob.result.value.projects)).not.toMatch(/FLEX/);
    // alice is in the level: she sees every FLEX issue the app sees, so FLEX is shown to her.
    expect(shown(alice.result.value)).toEqual(['CHK', 'FLEX', 'GROW', 'PLAT', 'SRCH']);
    expect(alice.result.value.withheld).toEqual([]);
  });

  it('shows a project whose record the aggregates do not count yet: the viewer still sees every issue the app sees', async () => {
    const issue = site.store.listIssues('FLEX').find((i) => !site.store.getProperty(i.id, 'learning-loop'))!;
    const stored = site.store.getProperty(site.store.getIssue('FLEX-112')!.id, 'learning-loop')!.valueText;
    site.store.putPropertyText(issue.id, 'learning-loop', stored, { nowMs: Date.now(), indexLagMs: 0 });
    site.jira.search.setIndexDelay(0);
    const { result } = await open('alice');
    if (!result.ok) throw new Error(result.error.message);
    expect(shown(result.value)).toContain('FLEX');
    expect(result.value.withheld).toEqual([]);
  });

  it('opens in one invocation under 2 s with 300 ms added to every Jira and KVS call', async () => {
    site.faults.latency(300, { target: 'jira' });
    site.faults.latency(300, { target: 'kvs' });
    try {
      const started = Date.now();
      const { result, calls } = await open('alice');
      const ms = Date.now() - started;
      expect(result.ok).toBe(true);
      expect(ms).toBeLessThan(2_000);
      // One KVS query, then one round: per project the viewer's and the app's counts, and the batch reads, in parallel.
      expect(calls.filter((c) => c.provider === 'user').length).toBe(5);
      expect(calls.filter((c) => c.provider === 'app').length).toBe(5);
      expect(calls.filter((c) => c.provider === 'kvs').length).toBeLessThanOrEqual(4);
    } finally {
      site.faults.clear();
    }
  });
});

describe('insights/rebuild', () => {
  it('is for Jira admins only', async () => {
    const bob = await site.invoke({ functionKey: 'insights/rebuild', as: 'bob', context: projectPageContextFor(site, 'CHK'), payload: {} });
    expect(bob.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const alice = await site.invoke({
      functionKey: 'insights/rebuild',
      as: 'alice',
      context: projectPageContextFor(site, 'FLEX'),
      payload: {},
    });
    expect(alice.result).toMatchObject({ ok: true, value: { state: 'done', projects: 5 } });
    // The Insights tab's "Rebuild now" asks from the global page.
    const fromGlobalPage = { functionKey: 'insights/rebuild', context: globalPageContextFor(site), payload: {} } as const;
    expect((await site.invoke({ ...fromGlobalPage, as: 'bob' })).result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await site.invoke({ ...fromGlobalPage, as: 'alice' })).result).toMatchObject({
      ok: true,
      value: { state: 'done', projects: 5 },
    });
    const recount = recountInsights(site);
    expect((alice.result as { value: { periods: number; issues: number } }).value).toMatchObject({
      periods: recount.size,
      issues: [...recount.values()].reduce((sum, r) => sum + r.issues, 0),
    });
  });

  it('leaves a request when it cannot read every page in 15 s, writes nothing, and the five-minute trigger then rebuilds', async () => {
    const insightRows = () => kvsRows(site).filter((row) => row.key.startsWith('insights-') && row.key !== REQUEST_KEY);
    const requestRow = () => kvsRows(site).find((row) => row.key === REQUEST_KEY);
    const before = insightRows();
    expect(storedInsights(site)).not.toEqual(recountInsights(site));
    // Every Jira call takes 4 s: the admin check and the search pages cannot all fit in 15 s (the whole rebuild
    // would take over Forge's 25 s, and the invocation would be stopped).
    site.faults.latency(4_000, { target: 'jira' });
    let asked;
    try {
      asked = await site.invoke({ functionKey: 'insights/rebuild', as: 'alice', context: globalPageContextFor(site), payload: {} });
    } finally {
      site.faults.clear();
    }
    const answer = asked.result as { ok: true; value: { state: string; requestedAt: string } };
    expect(answer).toMatchObject({ ok: true, value: { state: 'requested' } });
    expect(Date.parse(answer.value.requestedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(asked.ms).toBeLessThan(25_000);
    expect(requestRow()?.value).toEqual({ requestedAt: answer.value.requestedAt });
    expect(requestRow()?.text).not.toContain(site.user('alice').accountId);
    expect(insightRows()).toEqual(before);

    const served = await site.runScheduledTrigger('insights-rebuild-on-request');
    expect(served.result).toMatchObject({ statusCode: 204 });
    expect(storedInsights(site)).toEqual(recountInsights(site));
    expect(requestRow()).toBeUndefined();

    const idle = await site.runScheduledTrigger('insights-rebuild-on-request');
    expect(idle.result).toMatchObject({ statusCode: 204 });
    expect(idle.calls.map((c) => c.provider)).toEqual(['kvs']);
    expect(jiraCalls(idle.calls)).toEqual([]);
  });
});

const REQUEST_KEY = 'insights-rebuild-request';

/**
 * The insight aggregates equal a recount of the raw data: after the scheduled rebuild over the
 * demo data, after a seeded random sequence of saves, restores, "This helped" marks and issue
 * deletions (all through the real handler and the real issue-deleted trigger), and after
 * another rebuild. So do the reuse counts each earlier issue carries for the library's order.
 */
import { draftOf, emptyDraft, type LearningDraft, type LearningRecord } from '../../src/domain/record/learning-record';
import type { HistoryList } from '../../src/contract/panel';
import { prng } from '../../demo';
import type { AppSite } from '../support/app-site';
import { useLocalSite } from '../support/local-site';
import { anEntry } from '../support/learning-mother';
import { recountReuses, storedReuseCounts } from '../support/reuse-recount';
import { recountInsights, storedInsights } from './insights-recount';

const site = useLocalSite({ resetBeforeEach: 'demo-data-and-calls' });
jest.setTimeout(120_000);

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string } };
async function call<T>(request: Parameters<AppSite['invoke']>[0]): Promise<Answer<T>> {
  return (await site.invoke(request)).result as Answer<T>;
}

async function edit(issueKey: string, change: (draft: LearningDraft) => LearningDraft): Promise<void> {
  const opened = await call<{ record: LearningRecord | null }>({ functionKey: 'learning/get', as: 'alice', issueKey });
  if (!opened.ok) return;
  const { record } = opened.value;
  const draft = change(record ? draftOf(record) : emptyDraft());
  await call({ functionKey: 'learning/save', as: 'alice', issueKey, payload: { baseRevision: record?.revision ?? 0, draft } });
}

async function restoreSome(issueKey: string, random: () => number): Promise<void> {
  const list = await call<HistoryList>({ functionKey: 'history/list', as: 'alice', issueKey });
  if (!list.ok) return;
  const current = list.value.items.find((item) => item.current);
  const older = list.value.items.filter((item) => !item.current && !item.unreadable);
  const chosen = older[Math.floor(random() * older.length)];
  if (!current || !chosen) return;
  await call({
    functionKey: 'history/restore',
    as: 'alice',
    issueKey,
    payload: { revision: chosen.revision, baseRevision: current.revision },
  });
}

async function markHelped(issueKey: string, sourceIssueKey: string): Promise<void> {
  const marked = await call<{ link: LearningDraft['evidence'][number] }>({
    functionKey: 'learnedBefore/markHelped',
    as: 'alice',
    issueKey,
    payload: { sourceIssueKey },
  });
  if (!marked.ok) return;
  await edit(issueKey, (d) => ({ ...d, evidence: [...d.evidence.filter((l) => l.id !== marked.value.link.id), marked.value.link] }));
}

async function deleteIssue(issueKey: string): Promise<void> {
  const res = await site.requestJira('alice', 'DELETE', `/rest/api/3/issue/${issueKey}`);
  expect(res.status).toBe(204);
  await site.triggers.settle();
}

const OUTCOMES = ['open', 'validated', 'invalidated', 'inconclusive'] as const;

async function rebuild(): Promise<void> {
  const { result } = await site.runScheduledTrigger('insights-rebuild-schedule');
  expect(result).toMatchObject({ statusCode: 204 });
}

describe('insight aggregates kept up to date', () => {
  it('count resolved issues without a record in coverage, and move it once when one gets its first record', async () => {
    await rebuild();
    const stored = storedInsights(site);
    expect(stored).toEqual(recountInsights(site));
    const bare = site.store
      .listIssues('FLEX')
      .find((issue) => issue.status === 'Done' && !site.store.getProperty(issue.id, 'learning-loop'))!;
    const [periodId, before] = [...recountInsights(site, [bare.key])][0]!;
    expect(before).toMatchObject({ issues: 0, resolved: 1 });
    const period = stored.get(periodId)!;
    // Coverage's denominator holds more resolved issues than those with a record.
    const withRecord = site.store.listIssues('FLEX').filter((i) => site.store.getProperty(i.id, 'learning-loop'));
    expect(period.resolved).toBeGreaterThan(
      recountInsights(
        site,
        withRecord.map((i) => i.key),
      ).get(periodId)?.resolved ?? 0,
    );

    await edit(bare.key, (d) => ({ ...d, hypothesis: 'Bare issues learn too.' }));
    const after = storedInsights(site).get(periodId)!;
    expect(after).toMatchObject({
      issues: period.issues + 1,
      resolved: period.resolved,
      resolvedWithHypothesis: period.resolvedWithHypothesis + 1,
    });
    expect(storedInsights(site)).toEqual(recountInsights(site));
  });

  it('equal a recount after the rebuild, after 60 random saves, restores, "This helped" marks and deletions, and after another rebuild', async () => {
    // The demo's records were stored without the app: no issue carries a reuse count until the rebuild sets them.
    expect(storedReuseCounts(site).size).toBe(0);
    await rebuild();
    expect(storedInsights(site)).toEqual(recountInsights(site));
    expect(recountReuses(site).size).toBeGreaterThan(0);
    expect(storedReuseCounts(site)).toEqual(recountReuses(site));

    const random = prng(Number(process.env.RELIABILITY_SEED ?? 20261130));
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const pool = site.store
      .listIssues()
      .filter((issue) => ['FLEX', 'CHK', 'SRCH', 'GROW'].includes(issue.projectKey) && issue.status !== 'Closed')
      .map((issue) => issue.key)
      .filter((_, i) => i % 7 === 0);
    for (let step = 0; step < 60; step++) {
      const issueKey = pick(pool);
      const action = random();
      if (action < 0.45) {
        await edit(issueKey, (d) => ({
          ...d,
          hypothesis: random() < 0.8 ? d.hypothesis || `Hypothesis ${step}.` : '',
          learnings:
            random() < 0.7 ? [...d.learnings, { ...anEntry(`Learning ${step}.`), surprise: random() < 0.4 }] : d.learnings.slice(1),
          outcome: pick(OUTCOMES),
        }));
      } else if (action < 0.65) await restoreSome(issueKey, random);
      else if (action < 0.85) await markHelped(issueKey, pick(pool.filter((key) => key !== issueKey)));
      else if (action < 0.92) {
        await deleteIssue(issueKey);
        pool.splice(pool.indexOf(issueKey), 1);
      } else await edit(issueKey, (d) => ({ ...d, learnings: d.learnings.map((l) => ({ ...l, surprise: !l.surprise })) }));
    }
    const expected = recountInsights(site);
    expect(expected.size).toBeGreaterThan(20);
    // The marks made some learnings reused (the demo data alone may have none).
    expect([...expected.values()].some((g) => g.reusedLearnings > 0)).toBe(true);
    expect(storedInsights(site)).toEqual(expected);
    expect(storedReuseCounts(site)).toEqual(recountReuses(site));
    // The rebuild runs once a day: Jira's search index has long caught up with the last saves.
    const lags = { search: site.jira.search.settings.indexDelayMs, kvs: site.kvs.settings.queryDelayMs };
    site.jira.search.setIndexDelay(0);
    site.kvs.settings.queryDelayMs = 0;
    try {
      await rebuild();
    } finally {
      site.jira.search.setIndexDelay(lags.search);
      site.kvs.settings.queryDelayMs = lags.kvs;
    }
    expect(storedInsights(site)).toEqual(expected);
    expect(storedReuseCounts(site)).toEqual(recountReuses(site));
  });
});

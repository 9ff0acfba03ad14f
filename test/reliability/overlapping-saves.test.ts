/**
 * Saves whose Jira calls overlap in time, forced with latency on the property's read and write:
 * two people who both read before either writes, and twenty people at the same moment. The
 * revision claim makes a later save read again and merge; nothing is lost.
 */
import { startAppSite, type AppSite } from '../support/app-site';
import type { PanelView } from '../../src/contract/resolvers';
import { draftOf } from '../../src/domain/record/learning-record';
import { storedRecord } from './reliability-support';

/** Three accounts may edit FLEX. */
const ACCOUNTS = ['alice', 'bob', 'carol'];

jest.setTimeout(120_000);

let site: AppSite;

beforeAll(async () => {
  site = await startAppSite({ port: 0, consistency: { kvsQueryDelayMs: 0 } });
});

afterAll(async () => {
  site.reset();
  await site.close();
});

describe('saves whose Jira calls overlap in time', () => {
  /**
   * A save reads the property, then writes it; Jira issue properties have no compare-and-set,
   * so both invocations read before either writes (forced here with latency on the read and
   * the write). The revision claim makes the second one read again and merge.
   */
  it("keeps both people's entries even when both read before either writes", async () => {
    site.reset();
    const got = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    const record = (got.result as { ok: true; value: PanelView }).value.record!;
    const mine = draftOf(record);
    mine.learnings.push({ id: 'overlapA', text: 'Alice, overlapping.', surprise: false });
    const theirs = draftOf(record);
    theirs.learnings.push({ id: 'overlapB', text: 'Bob, overlapping.', surprise: false });
    const read = site.faults.latency(50, { endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}' });
    const write = site.faults.latency(150, { endpoint: 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}' });
    try {
      await Promise.all([
        site.invoke({
          functionKey: 'learning/save',
          as: 'alice',
          issueKey: 'FLEX-112',
          payload: { baseRevision: record.revision, draft: mine },
        }),
        site.invoke({
          functionKey: 'learning/save',
          as: 'bob',
          issueKey: 'FLEX-112',
          payload: { baseRevision: record.revision, draft: theirs },
        }),
      ]);
    } finally {
      site.faults.remove(read.id);
      site.faults.remove(write.id);
    }
    const ids = storedRecord(site, 'FLEX-112')!.learnings.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['overlapA', 'overlapB']));
  });
});

describe('twenty people saving one issue at the same moment', () => {
  /**
   * Each adds a learning of their own to the same base revision, with Jira's read and write
   * slowed so every invocation overlaps. Every edit can merge; at least 90 % must, none lost.
   */
  it('merges at least 18 of 20 without asking, and loses none', async () => {
    site.reset();
    const got = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    const record = (got.result as { ok: true; value: PanelView }).value.record!;
    const read = site.faults.latency(40, { endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}' });
    const write = site.faults.latency(80, { endpoint: 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}' });
    let answers: Array<{ ok: boolean; error?: { code: string } }>;
    try {
      answers = await Promise.all(
        Array.from({ length: 20 }, async (_, n) => {
          const draft = draftOf(record);
          draft.learnings.push({ id: `parallel${n}`, text: `Learning number ${n}.`, surprise: false });
          const saved = await site.invoke({
            functionKey: 'learning/save',
            as: ACCOUNTS[n % ACCOUNTS.length]!,
            issueKey: 'FLEX-112',
            payload: { baseRevision: record.revision, draft },
          });
          return saved.result;
        }),
      );
    } finally {
      site.faults.remove(read.id);
      site.faults.remove(write.id);
    }
    const savedOk = answers.filter((a) => a.ok).length;
    const ids = new Set(storedRecord(site, 'FLEX-112')!.learnings.map((e) => e.id));
    const kept = Array.from({ length: 20 }, (_, n) => `parallel${n}`).filter((id) => ids.has(id));
    // Lost: a save that answered ok but whose learning is not stored.
    const lost = answers.filter((a, n) => a.ok && !ids.has(`parallel${n}`)).length;
    expect({ lost, keptAtLeastAnswered: kept.length >= savedOk }).toEqual({ lost: 0, keptAtLeastAnswered: true });
    expect(savedOk).toBeGreaterThanOrEqual(18);
  });
});

/**
 * "Learned before" end to end: the real handler, the real @forge/api and
 * @forge/kvs, against the local site's Jira search and KVS stand-ins.
 */
import type { LearnedBeforeList } from '../../src/contract/learned-before';
import { draftOf } from '../../src/domain/learning-record';
import { instantKvsQueries, jiraCalls, useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });

const REFUNDS = 'Offering a refund option on cheap tickets will reduce drop-off at payment.';

async function find(as: string, issueKey: string, text: string, tags: string[] = []) {
  const { result, calls } = await site.invoke({ functionKey: 'learnedBefore/find', as, issueKey, payload: { text, tags } });
  if (!result.ok) throw new Error(`learnedBefore/find failed: ${result.error.code} ${result.error.message}`);
  return { list: result.value as LearnedBeforeList, calls };
}

describe('learnedBefore/find', () => {
  it("offers FLEX-112's learning to a Checkout ticket about refunds, with one search call as the viewer", async () => {
    const { list, calls } = await find('alice', 'CHK-990', REFUNDS);
    const keys = list.items.map((i) => i.issue.key);
    expect(keys).toContain('FLEX-112');
    expect(keys.length).toBeLessThanOrEqual(5);
    const flex = list.items.find((i) => i.issue.key === 'FLEX-112')!;
    expect(flex).toMatchObject({
      otherTeam: true,
      hypothesis: 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.',
      outcome: 'inconclusive',
      issue: { summary: 'Offer Flex as a refund option in low-price journeys', projectKey: 'FLEX' },
    });
    expect(flex.learnings.map((l) => l.text)).toContain('Labeling matters more than refund amount.');
    expect(flex.reasons.join(' ')).toMatch(/^mentions .*option/);
    expect(jiraCalls(calls)).toHaveLength(1);
    expect(jiraCalls(calls)[0]).toMatchObject({ endpoint: 'POST /rest/api/3/search/jql', provider: 'user' });
    expect(calls.filter((c) => c.provider === 'kvs')).toHaveLength(0);
  });

  it('puts other teams first and never offers the issue itself', async () => {
    const { list } = await find('alice', 'FLEX-112', 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.', ['pricing', 'refunds']);
    expect(list.items.map((i) => i.issue.key)).not.toContain('FLEX-112');
    const teams = list.items.map((i) => i.otherTeam);
    expect(teams).toEqual([...teams].sort((a, b) => Number(b) - Number(a)));
  });

  it('says why: a shared tag is named', async () => {
    const { list } = await find('alice', 'FLEX-951', 'Showing the CO2 emissions of each journey will make customers pick trains over flights.', ['sustainability']);
    expect(list.items[0]!.reasons[0]).toBe('shares tag sustainability');
  });

  it('never shows carol a GROW learning (she cannot browse GROW), though alice sees them for the same query', async () => {
    const text = 'Emailing delayed customers a compensation voucher and double loyalty points will bring them back.';
    const alice = await find('alice', 'SRCH-952', text, ['loyalty', 'delays']);
    expect(alice.list.items.some((i) => i.issue.projectKey === 'GROW')).toBe(true);
    const carol = await find('carol', 'SRCH-952', text, ['loyalty', 'delays']);
    expect(carol.list.items.length).toBeGreaterThan(0);
    expect(carol.list.items.some((i) => i.issue.projectKey === 'GROW' || i.issue.key.startsWith('GROW-'))).toBe(false);
    expect(jiraCalls(carol.calls)).toHaveLength(1);
  });

  it('is empty, with no call at all, when there is nothing to look for', async () => {
    const { list, calls } = await find('alice', 'CHK-990', 'We believe that we will…', []);
    expect(list).toEqual({ items: [], candidates: 0 });
    expect(jiraCalls(calls)).toHaveLength(0);
  });

  it('is empty when nothing is relevant enough (a threshold, not always five)', async () => {
    const { list } = await find('alice', 'CHK-990', 'Quantum zebra xylophone');
    expect(list.items).toEqual([]);
  });

  it('treats quotes, backslashes and JQL words in the text as words, not as JQL', async () => {
    const { list, calls } = await find('alice', 'CHK-990', 'refund" OR project = GROW OR text ~ "\\ AND key = FLEX-112', ['x") OR (project = GROW']);
    expect(jiraCalls(calls)).toHaveLength(1);
    expect(calls[0]!.status).toBe(200);
    expect(list.items.every((i) => i.issue.key !== 'CHK-990')).toBe(true);
  });

  it.each<[string, unknown]>([
    ['no payload', undefined],
    ['an issue key in the payload', { text: 'refund', tags: [], issueKey: 'GROW-9' }],
    ['text too long', { text: 'x'.repeat(2001), tags: [] }],
    ['too many tags', { text: 'refund', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }],
    ['a number as text', { text: 42, tags: [] }],
  ])('answers INVALID_INPUT to %s, with no Jira call', async (_name, payload) => {
    const { result, calls } = await site.invoke({ functionKey: 'learnedBefore/find', as: 'alice', issueKey: 'CHK-990', payload });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } });
    expect(jiraCalls(calls)).toHaveLength(0);
  });
});

describe('learnedBefore/helped and learnedBefore/reuses', () => {
  // The reuses are listed through kvs.query right after they are recorded, which Forge does not promise at once.
  instantKvsQueries(site);
  it('links FLEX-112 as evidence on CHK-990 through the save path, records the reuse, and FLEX-112 shows it', async () => {
    const { result, calls } = await site.invoke({ functionKey: 'learnedBefore/helped', as: 'alice', issueKey: 'CHK-990', payload: { sourceIssueKey: 'FLEX-112' } });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.linkAdded).toBe(true);
    expect(result.value.link).toMatchObject({ url: `${site.url}/browse/FLEX-112`, title: expect.stringContaining('FLEX-112') });
    expect(result.value.saved.record.evidence).toEqual([result.value.link]);
    // The site's address comes from Jira's server info (the resolver context has none), with the
    // site's fields, both cached in KVS for a day: the first "This helped" of the day reads them.
    const siteFacts = ['GET /rest/api/3/serverInfo', 'GET /rest/api/3/field'];
    expect(jiraCalls(calls).map((c) => c.endpoint).filter((e) => siteFacts.includes(e)).sort()).toEqual([...siteFacts].sort());
    expect(jiraCalls(calls).map((c) => c.endpoint).filter((e) => !siteFacts.includes(e))).toEqual([
      'POST /rest/api/3/search/jql',
      expect.stringMatching(/^GET \/rest\/api\/3\/issue\//),
      expect.stringMatching(/^PUT .*properties/),
    ]);
    expect(calls.filter((c) => c.provider === 'kvs').length).toBeGreaterThanOrEqual(1);

    // Pressing it again writes nothing new to Jira.
    const again = await site.invoke({ functionKey: 'learnedBefore/helped', as: 'alice', issueKey: 'CHK-990', payload: { sourceIssueKey: 'FLEX-112' } });
    expect(again.result).toMatchObject({ ok: true, value: { linkAdded: false } });
    expect(again.calls.some((c) => c.endpoint.startsWith('PUT '))).toBe(false);
    // The site's facts come from KVS now: no second server info or field list.
    expect(again.calls.filter((c) => siteFacts.includes(c.endpoint))).toEqual([]);

    const reuses = await site.invoke({ functionKey: 'learnedBefore/reuses', as: 'dan', issueKey: 'FLEX-112', payload: {} });
    expect(reuses.result).toMatchObject({ ok: true, value: { total: 1, hiddenCount: 0, visible: [{ key: 'CHK-990', summary: 'Refund option for low-cost tickets' }] } });
    expect(jiraCalls(reuses.calls)).toHaveLength(1);
  });

  it('keeps what is already on the record when it adds the link', async () => {
    const before = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'CHK-42' });
    if (!before.result.ok || !before.result.value.record) throw new Error('CHK-42 has a record');
    const { result } = await site.invoke({ functionKey: 'learnedBefore/helped', as: 'alice', issueKey: 'CHK-42', payload: { sourceIssueKey: 'FLEX-112' } });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const after = draftOf(result.value.saved.record);
    const was = draftOf(before.result.value.record);
    expect(after).toEqual({ ...was, evidence: [...was.evidence, result.value.link] });
    expect(result.value.saved.record.revision).toBe(before.result.value.record.revision + 1);
  });

  it('counts but never names a helped ticket the viewer cannot browse', async () => {
    await site.invoke({ functionKey: 'learnedBefore/helped', as: 'alice', issueKey: 'GROW-951', payload: { sourceIssueKey: 'FLEX-112' } });
    await site.invoke({ functionKey: 'learnedBefore/helped', as: 'alice', issueKey: 'CHK-990', payload: { sourceIssueKey: 'FLEX-112' } });
    const carol = await site.invoke({ functionKey: 'learnedBefore/reuses', as: 'carol', issueKey: 'FLEX-112', payload: {} });
    expect(carol.result).toMatchObject({ ok: true, value: { total: 2, hiddenCount: 1, visible: [{ key: 'CHK-990' }] } });
    expect(JSON.stringify(carol.result)).not.toMatch(/GROW/);
    const alice = await site.invoke({ functionKey: 'learnedBefore/reuses', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    expect(alice.result).toMatchObject({ ok: true, value: { total: 2, hiddenCount: 0 } });
  });

  it('costs no Jira call when a learning has not helped anyone yet', async () => {
    const { result, calls } = await site.invoke({ functionKey: 'learnedBefore/reuses', as: 'alice', issueKey: 'FLEX-108', payload: {} });
    expect(result).toMatchObject({ ok: true, value: { total: 0, visible: [], hiddenCount: 0 } });
    expect(jiraCalls(calls)).toHaveLength(0);
  });

  it('answers NOT_FOUND when the earlier issue is one the person cannot browse, and writes nothing', async () => {
    const { result, calls } = await site.invoke({ functionKey: 'learnedBefore/helped', as: 'carol', issueKey: 'CHK-990', payload: { sourceIssueKey: 'GROW-9' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(calls.some((c) => c.endpoint.startsWith('PUT ') || (c.provider === 'kvs' && /set/.test(c.endpoint)))).toBe(false);
  });

  it('refuses a browse-only viewer (dan) with FORBIDDEN, and records no reuse', async () => {
    const { result } = await site.invoke({ functionKey: 'learnedBefore/helped', as: 'dan', issueKey: 'CHK-990', payload: { sourceIssueKey: 'FLEX-112' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const reuses = await site.invoke({ functionKey: 'learnedBefore/reuses', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    expect(reuses.result).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it.each<[string, unknown]>([
    ['the issue itself', { sourceIssueKey: 'CHK-990' }],
    ['a key that is not a key', { sourceIssueKey: 'FLEX-112" OR 1=1' }],
    ['an extra target', { sourceIssueKey: 'FLEX-112', targetIssueKey: 'GROW-9' }],
    ['no payload', undefined],
  ])('answers INVALID_INPUT to %s', async (_name, payload) => {
    const { result, calls } = await site.invoke({ functionKey: 'learnedBefore/helped', as: 'alice', issueKey: 'CHK-990', payload });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(jiraCalls(calls)).toHaveLength(0);
  });

  it('refuses a payload on reuses: the issue comes from the context', async () => {
    const { result } = await site.invoke({ functionKey: 'learnedBefore/reuses', as: 'alice', issueKey: 'FLEX-112', payload: { issueKey: 'GROW-9' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

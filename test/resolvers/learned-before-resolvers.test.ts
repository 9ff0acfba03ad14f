/**
 * "Learned before" end to end: the real handler, the real @forge/api and
 * @forge/kvs, against the local site's Jira search and KVS stand-ins.
 */
import { draftOf } from '../../src/domain/record/learning-record';
import { instantKvsQueries, jiraCalls, useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });

const REFUNDS = 'Offering a refund option on cheap tickets will reduce drop-off at payment.';

async function find(as: string, issueKey: string, text: string, tags: string[] = []) {
  const { result, calls } = await site.invoke({ functionKey: 'learnedBefore/find', as, issueKey, payload: { text, tags } });
  if (!result.ok) throw new Error(`learnedBefore/find failed: ${result.error.code} ${result.error.message}`);
  return { list: result.value, calls };
}

describe('learnedBefore/find', () => {
  it('answers a question whose tags carry control, zero-width or full-width characters (they are normalised away)', async () => {
    const { result } = await site.invoke({
      functionKey: 'learnedBefore/find',
      as: 'alice',
      issueKey: 'CHK-990',
      payload: { text: REFUNDS, tags: ['pri\u0000cing', 'ｐｒｉｃｉｎｇ', '\u200b'] },
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.items.map((i) => i.issue.key)).toContain('FLEX-112');
  });

  it("offers FLEX-112's learning to a Checkout ticket about refunds, with Jira searches only, as the viewer", async () => {
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
    // One ids-only search per content word and one for the tags, then one read of the chosen few.
    expect(jiraCalls(calls).length).toBeGreaterThanOrEqual(2);
    expect(jiraCalls(calls).length).toBeLessThanOrEqual(10);
    for (const call of jiraCalls(calls)) expect(call).toMatchObject({ endpoint: 'POST /rest/api/3/search/jql', provider: 'user' });
    expect(calls.filter((c) => c.provider === 'kvs')).toHaveLength(0);
  });

  it('puts other teams first and never offers the issue itself', async () => {
    const { list } = await find('alice', 'FLEX-112', 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.', [
      'pricing',
      'refunds',
    ]);
    expect(list.items.map((i) => i.issue.key)).not.toContain('FLEX-112');
    const teams = list.items.map((i) => i.otherTeam);
    expect(teams).toEqual([...teams].sort((a, b) => Number(b) - Number(a)));
  });

  it('says why: a shared tag is named', async () => {
    const { list } = await find(
      'alice',
      'FLEX-951',
      'Showing the CO2 emissions of each journey will make customers pick trains over flights.',
      ['sustainability'],
    );
    expect(list.items[0]!.reasons[0]).toBe('shares tag sustainability');
  });

  it('never shows carol a GROW learning (she cannot browse GROW), though alice sees them for the same query', async () => {
    const text = 'Emailing delayed customers a compensation voucher and double loyalty points will bring them back.';
    const alice = await find('alice', 'SRCH-952', text, ['loyalty', 'delays']);
    expect(alice.list.items.some((i) => i.issue.projectKey === 'GROW')).toBe(true);
    const carol = await find('carol', 'SRCH-952', text, ['loyalty', 'delays']);
    expect(carol.list.items.length).toBeGreaterThan(0);
    expect(carol.list.items.some((i) => i.issue.projectKey === 'GROW' || i.issue.key.startsWith('GROW-'))).toBe(false);
    expect(jiraCalls(carol.calls).every((call) => call.provider === 'user')).toBe(true);
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
    const { list, calls } = await find('alice', 'CHK-990', 'refund" OR project = GROW OR text ~ "\\ AND key = FLEX-112', [
      'x") OR (project = GROW',
    ]);
    expect(jiraCalls(calls).length).toBeGreaterThan(1);
    expect(jiraCalls(calls).every((call) => call.status === 200)).toBe(true);
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

/** "This helped" as the panel does it: ask for the link, add it to the draft, save. */
async function helpAndSave(as: string, issueKey: string, sourceIssueKey: string) {
  const helped = await site.invoke({ functionKey: 'learnedBefore/markHelped', as, issueKey, payload: { sourceIssueKey } });
  if (!helped.result.ok) throw new Error(JSON.stringify(helped.result.error));
  const { link } = helped.result.value;
  const open = await site.invoke({ functionKey: 'learning/get', as, issueKey });
  if (!open.result.ok) throw new Error(JSON.stringify(open.result.error));
  const record = open.result.value.record;
  const draft = record
    ? draftOf(record)
    : { hypothesis: '', learnings: [], outcome: 'open' as const, confidence: null, tags: [], evidence: [] };
  const saved = await site.invoke({
    functionKey: 'learning/save',
    as,
    issueKey,
    payload: { baseRevision: record?.revision ?? 0, draft: { ...draft, evidence: [...draft.evidence, link] } },
  });
  if (!saved.result.ok) throw new Error(JSON.stringify(saved.result.error));
  return { link, helpedCalls: helped.calls, before: record, saved: saved.result.value };
}

describe('learnedBefore/markHelped and learnedBefore/listReuses', () => {
  // The reuses are listed through kvs.query right after they are recorded, which Forge does not promise at once.
  instantKvsQueries(site);
  it('answers the link to FLEX-112 for the draft, writing nothing; the save keeps it, records the reuse, and FLEX-112 shows it', async () => {
    const stored = () => site.store.getProperty(site.store.getIssue('CHK-990')!.id, 'learning-loop')?.valueText;
    const before = stored();
    const { link, helpedCalls, saved } = await helpAndSave('alice', 'CHK-990', 'FLEX-112');
    expect(link).toMatchObject({ url: `${site.url}/browse/FLEX-112`, title: expect.stringContaining('FLEX-112') });
    // Asking wrote nothing: no property write, no KVS write but the cached site facts.
    expect(helpedCalls.filter((c) => c.endpoint.startsWith('PUT '))).toEqual([]);
    expect(helpedCalls.filter((c) => c.provider === 'kvs' && c.endpoint.endsWith('/set')).length).toBeLessThanOrEqual(1);
    // The site's address comes from Jira's server info (the resolver context has none), with the
    // site's fields, both cached in KVS for a day: the first "This helped" of the day reads them.
    const siteFacts = ['GET /rest/api/3/serverInfo', 'GET /rest/api/3/field'];
    expect(
      jiraCalls(helpedCalls)
        .map((c) => c.endpoint)
        .filter((e) => siteFacts.includes(e))
        .sort(),
    ).toEqual([...siteFacts].sort());
    expect(
      jiraCalls(helpedCalls)
        .map((c) => c.endpoint)
        .filter((e) => !siteFacts.includes(e))
        .sort(),
    ).toEqual(['GET /rest/api/3/mypermissions', 'POST /rest/api/3/search/jql']);
    expect(saved.record.evidence).toEqual([link]);
    expect(stored()).not.toBe(before);

    // Asking again: the site's facts come from KVS now.
    const again = await site.invoke({
      functionKey: 'learnedBefore/markHelped',
      as: 'alice',
      issueKey: 'CHK-990',
      payload: { sourceIssueKey: 'FLEX-112' },
    });
    expect(again.calls.filter((c) => siteFacts.includes(c.endpoint))).toEqual([]);

    const reuses = await site.invoke({ functionKey: 'learnedBefore/listReuses', as: 'dan', issueKey: 'FLEX-112', payload: {} });
    expect(reuses.result).toMatchObject({
      ok: true,
      value: { total: 1, hiddenCount: 0, visible: [{ key: 'CHK-990', summary: 'Refund option for low-cost tickets' }] },
    });
    expect(jiraCalls(reuses.calls)).toHaveLength(1);
  });

  it('leaves the ticket as it was when the person asks for the link and then discards', async () => {
    const before = site.store.getProperty(site.store.getIssue('CHK-42')!.id, 'learning-loop')?.valueText;
    const { result } = await site.invoke({
      functionKey: 'learnedBefore/markHelped',
      as: 'alice',
      issueKey: 'CHK-42',
      payload: { sourceIssueKey: 'FLEX-112' },
    });
    expect(result.ok).toBe(true);
    expect(site.store.getProperty(site.store.getIssue('CHK-42')!.id, 'learning-loop')?.valueText).toBe(before);
    const reuses = await site.invoke({ functionKey: 'learnedBefore/listReuses', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    expect(reuses.result).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('keeps what is already on the record when the link is saved', async () => {
    const { before, saved, link } = await helpAndSave('alice', 'CHK-42', 'FLEX-112');
    if (!before) throw new Error('CHK-42 has a record');
    const was = draftOf(before);
    expect(draftOf(saved.record)).toEqual({ ...was, evidence: [...was.evidence, link] });
    expect(saved.record.revision).toBe(before.revision + 1);
  });

  it('counts but never names a helped ticket the viewer cannot browse', async () => {
    await helpAndSave('alice', 'GROW-951', 'FLEX-112');
    await helpAndSave('alice', 'CHK-990', 'FLEX-112');
    const carol = await site.invoke({ functionKey: 'learnedBefore/listReuses', as: 'carol', issueKey: 'FLEX-112', payload: {} });
    expect(carol.result).toMatchObject({ ok: true, value: { total: 2, hiddenCount: 1, visible: [{ key: 'CHK-990' }] } });
    expect(JSON.stringify(carol.result)).not.toMatch(/GROW/);
    const alice = await site.invoke({ functionKey: 'learnedBefore/listReuses', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    expect(alice.result).toMatchObject({ ok: true, value: { total: 2, hiddenCount: 0 } });
  });

  it('costs no Jira call when a learning has not helped anyone yet', async () => {
    const { result, calls } = await site.invoke({
      functionKey: 'learnedBefore/listReuses',
      as: 'alice',
      issueKey: 'FLEX-108',
      payload: {},
    });
    expect(result).toMatchObject({ ok: true, value: { total: 0, visible: [], hiddenCount: 0 } });
    expect(jiraCalls(calls)).toHaveLength(0);
  });

  it('answers NOT_FOUND when the earlier issue is one the person cannot browse, and writes nothing', async () => {
    const { result, calls } = await site.invoke({
      functionKey: 'learnedBefore/markHelped',
      as: 'carol',
      issueKey: 'CHK-990',
      payload: { sourceIssueKey: 'GROW-9' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(calls.some((c) => c.endpoint.startsWith('PUT ') || (c.provider === 'kvs' && /set/.test(c.endpoint)))).toBe(false);
  });

  it('refuses a browse-only viewer (dan) with FORBIDDEN, writes nothing to Jira, and records no reuse', async () => {
    const { result, calls } = await site.invoke({
      functionKey: 'learnedBefore/markHelped',
      as: 'dan',
      issueKey: 'CHK-990',
      payload: { sourceIssueKey: 'FLEX-112' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls.filter((c) => c.endpoint.startsWith('PUT '))).toEqual([]);
    const reuses = await site.invoke({ functionKey: 'learnedBefore/listReuses', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    expect(reuses.result).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it.each<[string, unknown]>([
    ['the issue itself', { sourceIssueKey: 'CHK-990' }],
    ['a key that is not a key', { sourceIssueKey: 'FLEX-112" OR 1=1' }],
    ['an extra target', { sourceIssueKey: 'FLEX-112', targetIssueKey: 'GROW-9' }],
    ['no payload', undefined],
  ])('answers INVALID_INPUT to %s', async (_name, payload) => {
    const { result, calls } = await site.invoke({ functionKey: 'learnedBefore/markHelped', as: 'alice', issueKey: 'CHK-990', payload });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(jiraCalls(calls)).toHaveLength(0);
  });

  it('refuses a payload on reuses: the issue comes from the context', async () => {
    const { result } = await site.invoke({
      functionKey: 'learnedBefore/listReuses',
      as: 'alice',
      issueKey: 'FLEX-112',
      payload: { issueKey: 'GROW-9' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

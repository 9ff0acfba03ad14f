/**
 * The resolvers end to end: the real handler, the real @forge/api and
 * @forge/kvs, against the local site's Jira and KVS stand-ins.
 */
import type { ConflictDetails } from '../../src/contract/resolvers';
import { LEARNING_PROPERTY_KEY, LIMITS, draftOf, type LearningDraft } from '../../src/domain/record/learning-record';
import { resolveConflict } from '../../src/domain/record/merge-learnings';
import { aDraft, anEntry } from '../support/learning-mother';
import { instantKvsQueries, jiraCalls, propertyWrites, useLocalSite } from '../support/local-site';
import { panelHelpers, saved } from './panel-helpers';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });
const { storedText, panel, save } = panelHelpers(site);

describe('learning/get', () => {
  it('opens FLEX-112 with one round of two Jira calls (the issue, and Edit permission), showing its hypothesis and learnings', async () => {
    const { view, calls } = await panel('alice', 'FLEX-112');
    expect(view.issue.key).toBe('FLEX-112');
    expect(view.record?.hypothesis).toBe('Presenting Flex as a refund option will reduce drop-off in low-price journeys.');
    expect(view.record?.learnings.map((e) => e.text)).toEqual([
      "Customers in Spain engaged more, even if they didn't buy.",
      'Labeling matters more than refund amount.',
    ]);
    expect(view.canEdit).toBe(true);
    expect(
      jiraCalls(calls)
        .map((c) => c.endpoint)
        .sort(),
    ).toEqual(['GET /rest/api/3/issue/{issueIdOrKey}', 'GET /rest/api/3/mypermissions']);
    expect(calls.filter((c) => c.provider === 'kvs')).toHaveLength(0);
  });

  it('tells a browse-only viewer they cannot edit', async () => {
    expect((await panel('dan', 'FLEX-112')).view.canEdit).toBe(false);
    expect((await panel('bob', 'CHK-42')).view.canEdit).toBe(false);
    expect((await panel('bob', 'FLEX-112')).view.canEdit).toBe(true);
  });

  it('answers NOT_FOUND to someone who cannot browse the project', async () => {
    const { result } = await site.invoke({ functionKey: 'learning/get', as: 'carol', issueKey: 'GROW-9' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses any payload: the issue comes from the context, never from input', async () => {
    const { result } = await site.invoke({
      functionKey: 'learning/get',
      as: 'carol',
      issueKey: 'FLEX-112',
      payload: { issueKey: 'GROW-9' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('shows an unreadable property as such, without failing', async () => {
    const issue = site.store.getIssue('FLEX-101')!;
    site.store.setPropertyText(issue.id, LEARNING_PROPERTY_KEY, '{"hypothesis": 42}');
    const { view } = await panel('alice', 'FLEX-101');
    expect(view.record).toBeNull();
    expect(view.unreadable).toEqual({
      kind: 'broken',
      reason: 'This ticket’s learning record was changed outside Learning Loop and can’t be read.',
    });
  });
});

describe('learning/save', () => {
  // history/list right after a save reads the kept revision through kvs.query, which Forge does not promise at once.
  instantKvsQueries(site);
  it("saves with three Jira calls (the read, the record, then its learnings' texts) and keeps the previous revision in KVS", async () => {
    const { view } = await panel('bob', 'FLEX-112');
    const draft = draftOf(view.record!);
    draft.learnings.push(anEntry('Spanish customers read the refund terms twice.', true));
    const { result, calls } = await save('bob', 'FLEX-112', { baseRevision: view.record!.revision, draft });
    const record = saved(result).record;
    expect(record.revision).toBe(view.record!.revision + 1);
    expect(record.learnings.at(-1)).toMatchObject({ surprise: true, authorAccountId: site.user('bob').accountId });
    const writes = jiraCalls(calls).filter((c) => c.endpoint.startsWith('PUT'));
    expect(jiraCalls(calls).map((c) => c.endpoint.split(' ')[0])).toEqual(['GET', 'PUT', 'PUT']);
    expect(writes.map((c) => c.path.split('?')[0])).toEqual([
      '/rest/api/3/issue/FLEX-112/properties/learning-loop',
      '/rest/api/3/issue/FLEX-112/properties/learning-loop-text',
    ]);
    expect(calls.some((c) => c.provider === 'kvs')).toBe(true);

    const stored = JSON.parse(storedText('FLEX-112') ?? 'null') as { index: unknown };
    expect(stored.index).toEqual({ surprise: 'true', count: 3, surpriseCount: 2, authors: expect.any(Array) });
    // The new learning is found by its words through Jira's own search, from the texts' property.
    const found = await site.requestJira(
      'bob',
      'POST',
      '/rest/api/3/search/jql',
      JSON.stringify({
        jql: 'learningText ~ "\\"read the refund terms twice\\""',
        fields: ['key'],
        reconcileIssues: [Number(site.store.listIssues().find((i) => i.key === 'FLEX-112')!.id)],
      }),
    );
    expect((found.body as { issues: Array<{ key: string }> }).issues.map((i) => i.key)).toEqual(['FLEX-112']);
  });

  it('refuses a save from a browse-only viewer, and leaves the record as it was', async () => {
    const before = storedText('FLEX-112');
    const { view } = await panel('dan', 'FLEX-112');
    const { result } = await save('dan', 'FLEX-112', {
      baseRevision: view.record!.revision,
      draft: { ...draftOf(view.record!), hypothesis: 'Dan was here' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/permission/) } });
    expect(storedText('FLEX-112')).toBe(before);
  });

  it.each<[string, unknown]>([
    ['no payload', undefined],
    ['a string', 'hello'],
    ['a missing draft', { baseRevision: 0 }],
    ['a negative revision', { baseRevision: -1, draft: aDraft().build() }],
    ['an extra issue key', { baseRevision: 0, draft: aDraft().build(), issueKey: 'GROW-9' }],
    ['a javascript: link', { baseRevision: 0, draft: aDraft().withEvidence('javascript:alert(1)').build() }],
    ['a __proto__ key', JSON.parse('{"baseRevision":0,"draft":{"__proto__":{"x":1}}}')],
  ])('answers INVALID_INPUT to %s and writes nothing', async (_name, payload) => {
    const { result, calls } = await save('alice', 'FLEX-101', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } });
    expect(propertyWrites(calls)).toHaveLength(0);
    expect(calls.filter((c) => c.provider === 'kvs')).toHaveLength(0);
  });

  it('refuses a record over 32,768 characters before writing, and says what to do', async () => {
    const draft = aDraft().withHypothesis('h'.repeat(LIMITS.hypothesisChars)).build();
    for (let i = 0; i < 16; i++) draft.learnings.push(anEntry(`${String(i).padStart(2, '0')} ${'x'.repeat(LIMITS.entryChars - 3)}`));
    const { result, calls } = await save('alice', 'FLEX-101', { baseRevision: 0, draft });
    expect(result).toMatchObject({ ok: false, error: { code: 'LEARNING_TOO_LARGE', message: expect.stringMatching(/32,768/) } });
    expect(propertyWrites(calls)).toHaveLength(0);
    expect(storedText('FLEX-101')).toBeUndefined();
  });

  it('merges a concurrent save, and answers CONFLICT with both versions when both changed one field', async () => {
    const { view } = await panel('alice', 'FLEX-112');
    const base = draftOf(view.record!);
    const revision = view.record!.revision;
    saved((await save('bob', 'FLEX-112', { baseRevision: revision, draft: { ...base, outcome: 'validated' } })).result);

    const merged = saved(
      (
        await save('alice', 'FLEX-112', {
          baseRevision: revision,
          draft: { ...base, learnings: [...base.learnings, anEntry('Alice adds')] },
        })
      ).result,
    );
    expect(merged.mergedWithOthers).toBe(true);
    expect(merged.record.outcome).toBe('validated');
    expect(merged.record.learnings.map((e) => e.text)).toContain('Alice adds');

    saved(
      (
        await save('bob', 'FLEX-112', {
          baseRevision: merged.record.revision,
          draft: { ...draftOf(merged.record), hypothesis: 'Bob rewrites' },
        })
      ).result,
    );
    const clash = await save('alice', 'FLEX-112', {
      baseRevision: merged.record.revision,
      draft: { ...draftOf(merged.record), hypothesis: 'Alice rewrites' },
    });
    expect(clash.result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const details = (clash.result as { error: { details: ConflictDetails } }).error.details;
    expect(details.conflicts).toEqual([{ kind: 'hypothesis', mine: 'Alice rewrites', theirs: 'Bob rewrites' }]);
    expect(propertyWrites(clash.calls)).toHaveLength(0);

    const resolved: LearningDraft = resolveConflict(details.merged, details.conflicts[0]!, 'mine');
    const final = saved((await save('alice', 'FLEX-112', { baseRevision: details.current.revision, draft: resolved })).result);
    expect(final.record.hypothesis).toBe('Alice rewrites');
    expect(final.record.learnings.map((e) => e.text)).toContain('Alice adds');
  });

  it('refuses an evidence link with a user name or password in it, and stores nothing', async () => {
    const { view } = await panel('alice', 'FLEX-112');
    const before = storedText('FLEX-112');
    for (const url of ['https://user:secret@analytics.example.com/flex', 'http://token@example.com/x']) {
      const draft = { ...draftOf(view.record!), evidence: [{ id: 'cred1', url, title: 'Dashboard' }] };
      const { result } = await save('alice', 'FLEX-112', { baseRevision: view.record!.revision, draft });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/user name or password/) },
      });
    }
    expect(storedText('FLEX-112')).toBe(before);
  });

  it('refuses a base revision above the stored one, so a client can neither break nor skip revisions', async () => {
    const { view } = await panel('alice', 'FLEX-112');
    const before = storedText('FLEX-112');
    for (const baseRevision of [view.record!.revision + 1, view.record!.revision + 50, Number.MAX_SAFE_INTEGER]) {
      const { result, calls } = await save('alice', 'FLEX-112', {
        baseRevision,
        draft: { ...draftOf(view.record!), hypothesis: 'Skipping ahead' },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(propertyWrites(calls)).toEqual([]);
    }
    expect(storedText('FLEX-112')).toBe(before);
    expect((await panel('dan', 'FLEX-112')).view.record?.revision).toBe(view.record!.revision);
  });

  it('continues after the newest kept revision when the property is deleted outside the app', async () => {
    const { view } = await panel('alice', 'FLEX-112');
    const first = saved(
      (
        await save('alice', 'FLEX-112', {
          baseRevision: view.record!.revision,
          draft: { ...draftOf(view.record!), hypothesis: 'Kept as a revision.' },
        })
      ).result,
    );
    site.store.deleteProperty(site.store.getIssue('FLEX-112')!.id, LEARNING_PROPERTY_KEY);
    const fresh = saved(
      (await save('bob', 'FLEX-112', { baseRevision: 0, draft: aDraft().withHypothesis('Started again after the delete.').build() }))
        .result,
    );
    expect(fresh.record.revision).toBe(first.record.revision + 1);
    const { result } = await site.invoke({ functionKey: 'history/list', as: 'alice', issueKey: 'FLEX-112' });
    if (!result.ok) throw new Error('history/list');
    const byRevision = new Map(result.value.items.map((i) => [i.revision, i]));
    expect(byRevision.get(first.record.revision)?.hypothesis).toBe('Kept as a revision.');
    expect(byRevision.get(fresh.record.revision)?.hypothesis).toBe('Started again after the delete.');
  });

  it('keeps a foreign, unreadable property in history before replacing it', async () => {
    const issue = site.store.getIssue('FLEX-101')!;
    site.store.setPropertyText(issue.id, LEARNING_PROPERTY_KEY, '{"notes":"written by a script"}');
    saved((await save('alice', 'FLEX-101', { baseRevision: 0, draft: aDraft().withHypothesis('Fresh start').build() })).result);
    const { result } = await site.invoke({ functionKey: 'history/list', as: 'alice', issueKey: 'FLEX-101' });
    expect(result.ok && result.value.items.map((i) => [i.current, i.unreadable])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('retries a 429 per Retry-After, then answers RATE_LIMITED when Jira keeps refusing', async () => {
    site.jira.injectFault({ endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}', status: 429, headers: { 'Retry-After': '0' }, times: 1 });
    const retried = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112' });
    expect(retried.result.ok).toBe(true);
    expect(
      jiraCalls(retried.calls)
        .filter((c) => c.endpoint.startsWith('GET /rest/api/3/issue/'))
        .map((c) => c.status),
    ).toEqual([429, 200]);

    site.jira.injectFault({ endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}', status: 429, headers: { 'Retry-After': '0' }, times: 5 });
    const refused = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112' });
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/try again/i) } });
    site.jira.clearFaults();
  });

  it('answers JIRA_UNAVAILABLE to a 503 and loses nothing', async () => {
    const before = storedText('FLEX-112');
    site.jira.injectFault({ endpoint: 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', status: 503 });
    const { view } = await panel('alice', 'FLEX-112');
    const { result } = await save('alice', 'FLEX-112', {
      baseRevision: view.record!.revision,
      draft: { ...draftOf(view.record!), outcome: 'validated' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    expect(storedText('FLEX-112')).toBe(before);
    site.jira.clearFaults();
  });
});

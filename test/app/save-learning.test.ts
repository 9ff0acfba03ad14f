import { readStoredProperty } from '../../src/domain/record/record-schema';
import { AppError } from '../../src/contract/errors';
import type { ConflictDetails } from '../../src/contract/resolvers';
import { getPanel } from '../../src/app/record/get-panel';
import { listHistory } from '../../src/app/record/list-history';
import { saveLearning } from '../../src/app/record/save-learning';
import { LIMITS, draftOf, stampRevision, type LearningDraft } from '../../src/domain/record/learning-record';
import { toStoredProperty } from '../../src/domain/record/stored-format';
import { linkedIssueLinkId } from '../../src/domain/record/evidence-visibility';
import { resolveConflict } from '../../src/domain/record/merge-learnings';
import { FLEX_112_DRAFT, aDraft, anEntry } from '../support/learning-mother';
import { InMemoryHistory, inMemoryDeps } from '../support/in-memory-ports';
import { alice, bob, errorOf } from './save-learning-support';

describe('saving learnings', () => {
  let deps: ReturnType<typeof inMemoryDeps>;
  const issue = { key: 'FLEX-112', id: '10112' };
  const save = (accountId: string, baseRevision: number, draft: LearningDraft) =>
    saveLearning(deps, { issue, accountId, baseRevision, draft });

  beforeEach(() => {
    deps = inMemoryDeps();
  });

  it('opens the panel with one Jira call, showing an empty state before anything is written', async () => {
    const view = await getPanel(deps, { issueKey: 'FLEX-112', accountId: alice });
    expect(view).toMatchObject({ record: null, unreadable: null, canEdit: true, size: { used: 0, level: 'ok' } });
    expect(deps.issueLearnings.calls).toEqual({ loadForPanel: 1, readProperty: 0, writeProperty: 0, writeText: 0 });
  });

  it('saves the first revision with three Jira calls (the read, the record, its texts) and stamps the author', async () => {
    const saved = await save(alice, 0, FLEX_112_DRAFT());
    expect(saved.record).toMatchObject({ revision: 1, updatedBy: alice, outcome: 'open' });
    expect(saved.record.learnings.every((e) => e.authorAccountId === alice)).toBe(true);
    const { readProperty, writeProperty, writeText } = deps.issueLearnings.calls;
    expect({ readProperty, writeProperty, writeText }).toEqual({ readProperty: 1, writeProperty: 1, writeText: 1 });
    const view = await getPanel(deps, { issueKey: 'FLEX-112', accountId: bob });
    expect(view.record).toEqual(saved.record);
  });

  it("writes the learnings' texts to their own property after the record, as one field for learningText", async () => {
    const draft = aDraft().withHypothesis('Flex lifts uptake.').withSurprise('Spain engaged more.').withLearning('Labels matter.').build();
    await save(alice, 0, draft);
    expect(deps.issueLearnings.text).toEqual({ text: 'Spain engaged more.\nLabels matter.' });
    expect(deps.issueLearnings.property).not.toHaveProperty('index.text');
    expect(deps.issueLearnings.calls.writeText).toBe(1);
  });

  it("leaves the texts' property alone when a save does not change the texts (an outcome edit)", async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    await save(alice, 1, { ...draftOf(first.record), outcome: 'validated' });
    expect(deps.issueLearnings.calls).toMatchObject({ writeProperty: 2, writeText: 1 });
    await save(alice, 2, { ...draftOf(first.record), outcome: 'validated', learnings: [anEntry('Only this one now.')] });
    expect(deps.issueLearnings.calls).toMatchObject({ writeProperty: 3, writeText: 2 });
    expect(deps.issueLearnings.text).toEqual({ text: 'Only this one now.' });
  });

  it("answers saved when only the texts' write fails: the scheduled rebuild writes them again", async () => {
    deps.issueLearnings.writeText = () => Promise.reject(new AppError('JIRA_UNAVAILABLE', 'Jira answered 503.', { status: 503 }));
    const saved = await save(alice, 0, FLEX_112_DRAFT());
    expect(saved.record.revision).toBe(1);
    expect(readStoredProperty(deps.issueLearnings.property)).toMatchObject({ kind: 'record', record: { revision: 1 } });
  });

  it('writes nothing when nothing changed', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    const again = await save(alice, 1, draftOf(first.record));
    expect(again.record.revision).toBe(1);
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
    expect(deps.issueLearnings.calls.writeText).toBe(1);
  });

  it('keeps the previous revision in history before writing over it', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    await save(alice, 1, { ...draftOf(first.record), outcome: 'validated' });
    const kept = await deps.history.get(issue.id, 1);
    expect(kept).toMatchObject({ revision: 1, savedBy: alice });
    const history = await listHistory(deps, { issue });
    expect(history.items.map((i) => [i.revision, i.current, i.outcome])).toEqual([
      [2, true, 'validated'],
      [1, false, 'open'],
    ]);
  });

  it('merges two people saving from the same revision: both entries are kept', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    const base = draftOf(first.record);
    await save(bob, 1, { ...base, learnings: [...base.learnings, anEntry('Bob learned this', true)] });
    const merged = await save(alice, 1, { ...base, learnings: [...base.learnings, anEntry('Alice learned that')], outcome: 'validated' });
    expect(merged.mergedWithOthers).toBe(true);
    expect(merged.record.revision).toBe(3);
    expect(merged.record.outcome).toBe('validated');
    expect(merged.record.learnings.map((e) => [e.text, e.authorAccountId]).slice(2)).toEqual([
      ['Bob learned this', bob],
      ['Alice learned that', alice],
    ]);
  });

  it('reads again and merges when another save claimed the same revision at the same moment', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    const base = draftOf(first.record);
    // Bob's save is writing revision 2 right now: it holds the claim, and its write lands while Alice waits.
    const bobs = stampRevision(
      first.record,
      { ...base, learnings: [...base.learnings, anEntry('Bob, at the same moment', false, 'bob1')] },
      { accountId: bob, now: new Date('2026-11-20T10:00:00Z') },
    );
    await deps.claims.claim('10112', 2, bob);
    let paused = 0;
    deps.pause = () => {
      paused++;
      deps.issueLearnings.property = toStoredProperty(bobs);
      return Promise.resolve();
    };
    const saved = await save(alice, 1, { ...base, learnings: [...base.learnings, anEntry('Alice, at the same moment', false, 'alice1')] });
    expect(paused).toBe(1);
    expect(saved.record.revision).toBe(3);
    expect(saved.mergedWithOthers).toBe(true);
    expect(saved.record.learnings.map((e) => e.id)).toEqual(expect.arrayContaining(['bob1', 'alice1']));
  });

  it('gives up with BUSY, saying to try again, when the revision stays claimed', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    await deps.claims.claim('10112', 2, bob);
    const error = await errorOf(save(alice, 1, { ...draftOf(first.record), hypothesis: 'Mine' }));
    expect(error).toMatchObject({ code: 'BUSY', message: expect.stringMatching(/try again/i) });
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
  });

  it('gives the claim back when the write fails, so the next save is not held up', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    deps.issueLearnings.canEdit = false;
    await errorOf(save(bob, 1, { ...draftOf(first.record), hypothesis: 'Not allowed' }));
    deps.issueLearnings.canEdit = true;
    expect((await save(alice, 1, { ...draftOf(first.record), hypothesis: 'Allowed' })).record.revision).toBe(2);
  });

  it('after a server error that left Jira unchanged, gives the claim back and says so', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    deps.issueLearnings.failNextWrite = { error: new AppError('JIRA_UNAVAILABLE', 'Jira answered 503.', { status: 503 }), applied: false };
    expect(await errorOf(save(alice, 1, { ...draftOf(first.record), hypothesis: 'Try 1' }))).toMatchObject({ code: 'JIRA_UNAVAILABLE' });
    expect(deps.claims.held.size).toBe(1); // only revision 1's, from the first save
    expect((await save(bob, 1, { ...draftOf(first.record), hypothesis: 'Bob next' })).record.revision).toBe(2);
  });

  it('answers saved when the write landed although its answer was lost', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    deps.issueLearnings.failNextWrite = {
      error: new AppError('JIRA_UNAVAILABLE', 'Timed out.', { cause: 'FUNCTION_FETCH_ERR' }),
      applied: true,
    };
    const saved = await save(alice, 1, { ...draftOf(first.record), hypothesis: 'Landed' });
    expect(saved.record).toMatchObject({ revision: 2, hypothesis: 'Landed' });
  });

  it('keeps the claim when a timed-out write may still land, so no other save can overwrite it unseen', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    deps.issueLearnings.failNextWrite = {
      error: new AppError('JIRA_UNAVAILABLE', 'Timed out.', { cause: 'FUNCTION_FETCH_ERR' }),
      applied: false,
    };
    const lost = await errorOf(save(alice, 1, { ...draftOf(first.record), hypothesis: 'Maybe' }));
    expect(lost).toMatchObject({ code: 'JIRA_UNAVAILABLE', message: expect.stringMatching(/may still arrive/) });
    expect(await errorOf(save(bob, 1, { ...draftOf(first.record), hypothesis: 'Bob' }))).toMatchObject({ code: 'BUSY' });
  });

  it('answers saved when only pruning the history fails afterwards', async () => {
    const history = new InMemoryHistory({ newest: 2, ceiling: 2, prunedLog: 10 });
    let forgets = 0;
    history.forget = () => {
      forgets++;
      return Promise.reject(new AppError('JIRA_UNAVAILABLE', 'KVS is down.'));
    };
    Object.assign(deps, { history });
    let record = (await save(alice, 0, FLEX_112_DRAFT())).record;
    for (let i = 0; i < 4; i++) record = (await save(alice, record.revision, { ...draftOf(record), hypothesis: `Edit ${i}` })).record;
    expect(record.revision).toBe(5);
    expect(forgets).toBeGreaterThan(0);
  });

  it('derives the next revision only from what is stored and kept, and refuses a base revision that never existed', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    for (const base of [2, 50, 2 ** 53]) {
      expect(await errorOf(save(bob, base, { ...draftOf(first.record), hypothesis: `From ${base}` }))).toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
    expect(deps.issueLearnings.calls.writeProperty).toBe(1);
    expect((await save(bob, 1, { ...draftOf(first.record), hypothesis: 'Next' })).record.revision).toBe(2);
  });

  it('continues after the newest kept revision when the property was deleted outside the app', async () => {
    let record = (await save(alice, 0, FLEX_112_DRAFT())).record;
    for (const text of ['Two', 'Three']) record = (await save(alice, record.revision, { ...draftOf(record), hypothesis: text })).record;
    deps.issueLearnings.property = undefined; // deleted by an admin, a script, Jira
    const kept = [...deps.history.snapshots.values()].map((s) => s.revision);
    const after = await save(bob, 3, aDraft().withHypothesis('Fresh').build());
    expect(after.record.revision).toBe(4);
    // Every kept revision is still the one it was.
    for (const revision of kept) expect((await deps.history.get('10112', revision))?.revision).toBe(revision);
    expect([...deps.history.snapshots.values()].map((s) => s.revision).sort()).toEqual([1, 2, 3, 4]);
  });

  it('answers CONFLICT with both versions when both changed the same field, and the chosen version saves', async () => {
    const first = await save(alice, 0, FLEX_112_DRAFT());
    const base = draftOf(first.record);
    await save(bob, 1, { ...base, hypothesis: "Bob's hypothesis" });
    const error = await errorOf(save(alice, 1, { ...base, hypothesis: "Alice's hypothesis" }));
    expect(error.code).toBe('CONFLICT');
    const details = error.details as ConflictDetails;
    expect(details.conflicts).toEqual([{ kind: 'hypothesis', mine: "Alice's hypothesis", theirs: "Bob's hypothesis" }]);
    expect(details.current.revision).toBe(2);
    const resolved = resolveConflict(details.merged, details.conflicts[0]!, 'mine');
    const saved = await save(alice, details.current.revision, resolved);
    expect(saved.record).toMatchObject({ revision: 3, hypothesis: "Alice's hypothesis" });
  });

  it("refuses a record over Jira's 32 KB limit before writing, saying what to do", async () => {
    const big = aDraft().withHypothesis('h'.repeat(LIMITS.hypothesisChars)).build();
    for (let i = 0; i < 20; i++) big.learnings.push(anEntry('x'.repeat(LIMITS.entryChars)));
    const error = await errorOf(save(alice, 0, big));
    expect(error.code).toBe('LEARNING_TOO_LARGE');
    expect(error.message).toMatch(/Shorten or remove some learnings/);
    expect(deps.issueLearnings.calls.writeProperty).toBe(0);
  });

  it('refuses a merge that would go over a count limit', async () => {
    const first = await save(alice, 0, aDraft().withTags('a', 'b', 'c', 'd', 'e').build());
    const base = draftOf(first.record);
    await save(bob, 1, { ...base, tags: [...base.tags, 'f', 'g', 'h'] });
    const error = await errorOf(save(alice, 1, { ...base, tags: [...base.tags, 'i', 'j', 'k'] }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/At most 10 tags/) });
  });

  it('hides a "This helped" link to an issue the viewer cannot browse, and keeps it when that viewer saves', async () => {
    const helped = {
      id: linkedIssueLinkId('10009'),
      url: 'https://site.example/browse/GROW-9',
      title: 'Learned before: GROW-9 Referral credit',
    };
    await save(alice, 0, { ...FLEX_112_DRAFT(), evidence: [helped] });
    deps.permissions.hidden.add('10009');
    const checksBefore = deps.permissions.calls;
    const view = await getPanel(deps, { issueKey: 'FLEX-112', accountId: bob });
    expect(JSON.stringify(view)).not.toMatch(/GROW-9|Referral/);
    expect(deps.permissions.calls - checksBefore).toBe(1);
    const saved = await save(bob, view.record!.revision, { ...draftOf(view.record!), outcome: 'validated' });
    // Bob's answer hides the link too; what is stored keeps it.
    expect(JSON.stringify(saved)).not.toMatch(/GROW-9|Referral/);
    expect(saved.record.outcome).toBe('validated');
    const stored = readStoredProperty(deps.issueLearnings.property);
    expect(stored.kind === 'record' && stored.record.evidence).toEqual([helped]);
  });

  it('asks for no permission check when a record links no earlier issue', async () => {
    await save(alice, 0, FLEX_112_DRAFT());
    await getPanel(deps, { issueKey: 'FLEX-112', accountId: bob });
    expect(deps.permissions.calls).toBe(0);
  });

  it('passes on a forbidden write without losing anything', async () => {
    await save(alice, 0, FLEX_112_DRAFT());
    deps.issueLearnings.canEdit = false;
    const error = await errorOf(save(bob, 1, aDraft().withHypothesis('Not allowed').build()));
    expect(error.code).toBe('FORBIDDEN');
    const view = await getPanel(deps, { issueKey: 'FLEX-112', accountId: bob });
    expect(view.record?.hypothesis).toBe(FLEX_112_DRAFT().hypothesis);
    expect(view.canEdit).toBe(false);
  });
});

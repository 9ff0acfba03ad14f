/**
 * History lines carry what each revision changed: the list stays one KVS read whose size is
 * pinned here for saves that change much at once (each line then holds the most it may).
 */
import { startAppSite, type AppSite } from '../support/app-site';
import { draftOf } from '../../src/domain/record/learning-record';
import { DAY_MS, fakeWallClockOnly } from '../support/fake-clock';

let site: AppSite;
afterAll(async () => {
  await site.close();
});

it('60 kept revisions (the ceiling) that each change many things at once are listed with one KVS read of at most 36 KB', async () => {
  site = await startAppSite({ port: 0, demo: true });
  const issueKey = 'FLEX-112';
  const opened = await site.invoke({ functionKey: 'learning/get', payload: {}, as: 'alice', issueKey });
  if (!opened.result.ok || !opened.result.value.record) throw new Error('The panel did not open.');
  let record = opened.result.value.record;
  // One save a day: history keeps each day's last revision, so all 60 are kept (as in budgets.test.ts).
  fakeWallClockOnly();
  const day = DAY_MS;
  const start = Date.now() - 60 * day;
  for (let n = 0; n < 60; n++) {
    jest.setSystemTime(start + n * day);
    const draft = draftOf(record);
    draft.hypothesis = `Refunds offered first will reduce drop-off (${String(n)}).`;
    // Accented text: excerpts are counted in characters, stored as UTF-8.
    const text = `Les clientes espagnoles ont préféré l’échange au remboursement, essai numéro ${String(n)}.`;
    draft.learnings = [...draft.learnings.slice(0, 2), { id: `bench-${String(n)}`, text, surprise: n % 2 === 0 }];
    draft.outcome = n % 2 === 0 ? 'invalidated' : 'inconclusive';
    draft.tags = [`trial-${String(n)}`, `round-${String(n)}`];
    const saved = await site.invoke({
      functionKey: 'learning/save',
      payload: { baseRevision: record.revision, draft },
      as: 'alice',
      issueKey,
    });
    if (!saved.result.ok) throw new Error(`Save ${String(n)} failed: ${saved.result.error.message}`);
    record = saved.result.value.record;
  }
  jest.useRealTimers();
  const listed = await site.invoke({ functionKey: 'history/list', payload: {}, as: 'alice', issueKey });
  if (!listed.result.ok) throw new Error('The history did not list.');
  const withChanges = listed.result.value.items.filter((i) => i.changes && i.changes.list.length === 4);
  expect(withChanges.length).toBeGreaterThanOrEqual(60);
  const kvs = listed.calls.filter((c) => c.provider === 'kvs');
  expect(kvs).toHaveLength(1);
  const bytes = kvs[0]!.bytes + kvs[0]!.requestBytes;
  const changeBytes = listed.result.value.items.reduce((sum, i) => sum + Buffer.byteLength(JSON.stringify(i.changes)), 0);
  console.log(
    `history/list, ${String(listed.result.value.items.length)} lines that changed much: ${String(bytes)} bytes in one KVS read, ${String(changeBytes)} of them what changed`,
  );
  expect(bytes).toBeLessThanOrEqual(36 * 1024);
});

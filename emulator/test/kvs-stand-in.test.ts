/** Forge KVS through the real @forge/kvs package against the local site's __forge_fetch__. */
import { kvs, WhereConditions } from '@forge/kvs';
import { useDemoSite } from './support/demo-site';

/** About the operations, not their timing: queries see writes at once here (kvs-consistency.test.ts covers the lag). */
const site = useDemoSite({ start: { demo: false, consistency: 'instant' } });

describe('@forge/kvs against the local site', () => {
  it('sets, gets and deletes values of any JSON type', async () => {
    await kvs.set('settings:theme', { mode: 'dark', sizes: [1, 2] });
    await kvs.set('count', 3);
    expect(await kvs.get('settings:theme')).toEqual({ mode: 'dark', sizes: [1, 2] });
    expect(await kvs.get('count')).toBe(3);
    await kvs.delete('count');
    expect(await kvs.get('count')).toBeUndefined();
    await expect(kvs.delete('never-set')).resolves.toBeUndefined();
  });

  it('returns metadata when asked', async () => {
    await kvs.set('with-meta', 'v');
    const got = await kvs.get('with-meta', { metadataFields: ['CREATED_AT' as never, 'UPDATED_AT' as never] });
    expect(got).toMatchObject({ key: 'with-meta', value: 'v', createdAt: expect.any(Number), updatedAt: expect.any(Number) });
  });

  it('pages a beginsWith query with limit and cursor, in key order', async () => {
    for (let i = 12; i >= 1; i--) await kvs.set(`page:${String(i).padStart(3, '0')}`, i);
    await kvs.set('pagex', 'not in the prefix');
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('page:')).limit(5);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<number>();
      seen.push(...page.results.map((r) => r.value));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(pages).toBe(3);
    expect(await kvs.query().where('key', WhereConditions.beginsWith('page:')).getOne()).toEqual({ key: 'page:001', value: 1 });
  });

  it('refuses to overwrite with FAIL_IF_EXISTS', async () => {
    await kvs.set('once', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(kvs.set('once', 2, { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({ code: 'KEY_ALREADY_EXISTS' });
    expect(await kvs.get('once')).toBe(1);
  });

  it('batch sets, gets and deletes', async () => {
    const set = await kvs.batchSet([
      { key: 'b:1', value: 'one' },
      { key: 'b:2', value: 'two' },
    ]);
    expect(set.successfulKeys.map((k) => k.key)).toEqual(['b:1', 'b:2']);
    const got = await kvs.batchGet<string>([{ key: 'b:1' }, { key: 'b:2' }, { key: 'b:missing' }]);
    expect(got.successfulKeys.map((k) => [k.key, k.value])).toEqual([
      ['b:1', 'one'],
      ['b:2', 'two'],
    ]);
    expect(got.failedKeys).toEqual([{ key: 'b:missing', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } }]);
    await kvs.batchDelete([{ key: 'b:1' }, { key: 'b:2' }]);
    expect(await kvs.get('b:1')).toBeUndefined();
  });

  it('runs a transaction all at once', async () => {
    await kvs.set('t:old', 'x');
    await kvs.transact().set('t:a', 1).set('t:b', 2).delete('t:old').execute();
    expect([await kvs.get('t:a'), await kvs.get('t:b'), await kvs.get('t:old')]).toEqual([1, 2, undefined]);
  });

  it('counts KVS calls in the accounting', async () => {
    site.accounting.reset();
    await kvs.set('acc', 1);
    await kvs.get('acc');
    expect(site.accounting.totals()).toEqual({ 'POST /api/v1/set': 1, 'POST /api/v1/get': 1 });
    expect(site.accounting.calls().every((c) => c.provider === 'kvs')).toBe(true);
  });
});

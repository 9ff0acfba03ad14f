/**
 * Forge KVS's timing, as Atlassian documents it: `query` is eventually consistent while `get`
 * is strictly consistent (storage-reference/kvs, "Data consistency"), and expired data is not
 * deleted at once ("Deletion may take up to 48 hours", storage-reference/entities-api, TTL).
 * On the stand-in with a clock of its own, then through the real @forge/kvs on a site.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { KvsStandIn, type DEFAULT_KVS_SETTINGS } from '../kvs/kvs-stand-in';
import { LocalStore } from '../store/local-store';
import { useDemoSite } from './support/demo-site';

const HOUR = 3_600_000;

function standIn(settings: Partial<typeof DEFAULT_KVS_SETTINGS> = {}) {
  const clock = { now: Date.UTC(2026, 10, 16, 9) };
  const store = LocalStore.open();
  const stand = new KvsStandIn(store, () => clock.now, settings);
  const call = (op: string, body: unknown) => {
    const res = stand.handle({
      method: 'POST',
      path: `/api/v1/${op}`,
      headers: new Headers({ 'content-type': 'application/json' }),
      bodyText: JSON.stringify(body),
    });
    return { status: res.status, body: res.body === null ? undefined : (JSON.parse(res.body) as Record<string, unknown>) };
  };
  const listed = (prefix: string) =>
    (
      call('query', { where: [{ property: 'key', condition: 'BEGINS_WITH', values: [prefix] }], limit: 20 }).body!.data as Array<{
        key: string;
        value: unknown;
      }>
    ).map((r) => `${r.key}=${JSON.stringify(r.value)}`);
  return { clock, store, stand, call, listed };
}

describe('KVS queries lag behind writes; get does not', () => {
  it('lists a new key, a changed value and a deletion only once the query delay has passed', () => {
    const { clock, call, listed } = standIn({ queryDelayMs: 1000 });
    expect(call('set', { key: 'note:1', value: 'first' }).status).toBe(204);
    expect(call('get', { key: 'note:1' }).body).toMatchObject({ value: 'first' });
    expect(listed('note:')).toEqual([]);
    clock.now += 1000;
    expect(listed('note:')).toEqual(['note:1="first"']);

    call('set', { key: 'note:1', value: 'second' });
    call('set', { key: 'note:1', value: 'third' });
    expect(call('get', { key: 'note:1' }).body).toMatchObject({ value: 'third' });
    expect(listed('note:')).toEqual(['note:1="first"']);
    clock.now += 1000;
    expect(listed('note:')).toEqual(['note:1="third"']);

    call('delete', { key: 'note:1' });
    expect(call('get', { key: 'note:1' }).status).toBe(404);
    expect(listed('note:')).toEqual(['note:1="third"']);
    clock.now += 1000;
    expect(listed('note:')).toEqual([]);
  });

  it('fills a page past keys the query does not list yet, and lags batches and transactions too', () => {
    const { clock, store, call, listed } = standIn({ queryDelayMs: 500 });
    for (let i = 1; i <= 30; i++) store.kvsSet('plain', `k:${String(i).padStart(2, '0')}`, String(i), clock.now, null);
    call(
      'batch/delete',
      Array.from({ length: 25 }, (_, i) => ({ key: `k:${String(i + 1).padStart(2, '0')}` })),
    );
    call('transaction', { set: [{ key: 'k:00', value: 0 }], delete: [{ key: 'k:30' }] });
    expect(listed('k:')).toHaveLength(20);
    expect(listed('k:')[0]).toBe('k:01=1');
    clock.now += 500;
    expect(listed('k:')).toEqual(['k:00=0', 'k:26=26', 'k:27=27', 'k:28=28', 'k:29=29']);
  });

  it("has no delay at all with queryDelayMs 0 (what a site started with consistency: 'instant' uses)", () => {
    const { call, listed } = standIn({ queryDelayMs: 0 });
    call('set', { key: 'x:1', value: 1 });
    expect(listed('x:')).toEqual(['x:1=1']);
    call('delete', { key: 'x:1' });
    expect(listed('x:')).toEqual([]);
  });
});

describe('KVS expiry is lazy', () => {
  it('still reads a key after its TTL, for up to 48 hours, and it still exists for FAIL_IF_EXISTS', () => {
    const { clock, call, listed } = standIn({ queryDelayMs: 0 });
    expect(call('set', { key: 'claim:1', value: { deadline: 1 }, options: { ttl: { value: 60, unit: 'SECONDS' } } }).status).toBe(204);
    clock.now += 61_000;
    expect(call('get', { key: 'claim:1' }).body).toMatchObject({ value: { deadline: 1 } });
    expect(call('set', { key: 'claim:1', value: 'mine', options: { keyPolicy: 'FAIL_IF_EXISTS' } })).toMatchObject({
      status: 409,
      body: { code: 'KEY_ALREADY_EXISTS' },
    });
    expect(listed('claim:')).toEqual(['claim:1={"deadline":1}']);
    clock.now += 48 * HOUR;
    expect(call('get', { key: 'claim:1' }).status).toBe(404);
    expect(listed('claim:')).toEqual([]);
    expect(call('set', { key: 'claim:1', value: 'mine', options: { keyPolicy: 'FAIL_IF_EXISTS' } }).status).toBe(204);
  });

  it('expires exactly with expiryGraceMs 0', () => {
    const { clock, call } = standIn({ expiryGraceMs: 0 });
    call('set', { key: 'k', value: 1, options: { ttl: { value: 1, unit: 'SECONDS' } } });
    clock.now += 1000;
    expect(call('get', { key: 'k' }).status).toBe(404);
  });
});

describe('on a site, through @forge/kvs', () => {
  const site = useDemoSite();

  it('lags queries by default (1 s) and keeps expired keys 48 h', async () => {
    expect(site.kvs.settings).toEqual({ queryDelayMs: 1000, expiryGraceMs: 48 * HOUR });
    const query = () => site.runAs('alice', () => kvs.query().where('key', WhereConditions.beginsWith('retro:')).getMany());
    await site.runAs('alice', () => kvs.set('retro:1', { discussed: true }));
    expect(await site.runAs('alice', () => kvs.get('retro:1'))).toEqual({ discussed: true });
    expect((await query()).results).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await query()).results).toEqual([{ key: 'retro:1', value: { discussed: true } }]);
    // A key planted with a TTL that ran out a minute ago is still there.
    site.store.kvsSet('plain', 'claim:old', '{"deadline":0}', Date.now() - 120_000, Date.now() - 60_000);
    expect(await site.runAs('alice', () => kvs.get('claim:old'))).toEqual({ deadline: 0 });
  });
});

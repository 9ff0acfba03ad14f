/**
 * The personal data index in Forge KVS (the real adapter over the local site's KVS): a person already
 * indexed costs one read and no write, so a save naming them waits on one round for it, not two; a new
 * person's entry is created once and keeps the oldest `since`.
 */
import { kvs } from '@forge/kvs';
import { KvsPersonalDataIndex } from '../../src/forge/privacy/kvs-personal-data-index';
import { useLocalSite } from '../support/local-site';

const site = useLocalSite();
/** Not in the demo's data: nobody has indexed this person yet. */
const NEWCOMER = '712020:0b7e2c1a-9d3f-4e8a-b6c5-1f2e3d4c5b6a';
// The key is named here, as the reporting job and erasure read it, not taken from the app.
const entryKey = `person:${NEWCOMER}`;

const kvsCalls = () =>
  site.accounting
    .calls()
    .filter((c) => c.provider === 'kvs')
    .map((c) => c.endpoint);

describe('the personal data index', () => {
  beforeEach(() => {
    site.accounting.reset();
  });

  it("creates a new person's entry with the time it was first named, and a later place leaves that time alone", async () => {
    await new KvsPersonalDataIndex(() => new Date('2026-11-01T10:00:00.000Z')).remember([NEWCOMER], 'issue:10112');
    await new KvsPersonalDataIndex(() => new Date('2026-11-20T10:00:00.000Z')).remember([NEWCOMER], 'issue:10113');
    expect(await kvs.get(entryKey)).toEqual({ accountId: NEWCOMER, since: '2026-11-01T10:00:00.000Z' });
  });

  it('reads an indexed person once and writes only the new place (one round, was a failed create and a read)', async () => {
    await kvs.set(entryKey, { accountId: NEWCOMER, since: '2026-11-01T10:00:00.000Z', reportedAt: '2026-11-02T00:00:00.000Z' });
    site.accounting.reset();
    await new KvsPersonalDataIndex().remember([NEWCOMER], 'issue:10114');
    expect(kvsCalls().sort()).toEqual(['POST /api/v1/get', 'POST /api/v1/set']);
    expect(await kvs.get(entryKey)).toEqual({
      accountId: NEWCOMER,
      since: '2026-11-01T10:00:00.000Z',
      reportedAt: '2026-11-02T00:00:00.000Z',
    });
  });
});

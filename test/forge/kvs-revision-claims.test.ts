/**
 * Revision claims in Forge KVS (the real adapter over the local site's KVS): a
 * claim names its save and its own deadline, so a save recognises its own claim,
 * and a claim left by a save that died is taken over after its deadline without
 * waiting for KVS to expire it (expiry is lazy: up to 48 hours).
 */
import { kvs } from '@forge/kvs';
import { CLAIM_HOLD_MS, KvsRevisionClaims } from '../../src/forge/record/kvs-revision-claims';
import { useLocalSite } from '../support/local-site';

useLocalSite();

const ISSUE = '10112';
let revision = 100;
const nextRevision = () => ++revision;
const claimKey = (rev: number, generation = 0) => `claim:${ISSUE}:${String(rev).padStart(8, '0')}${generation ? `:${generation}` : ''}`;

describe('revision claims', () => {
  it('lets one save of two claim a revision', async () => {
    const rev = nextRevision();
    expect(await new KvsRevisionClaims('save-a').claim(ISSUE, rev, 'alice')).toBe(true);
    expect(await new KvsRevisionClaims('save-b').claim(ISSUE, rev, 'bob')).toBe(false);
  });

  it('recognises its own claim: a second attempt of the same save, or a create whose answer was lost', async () => {
    const rev = nextRevision();
    const save = new KvsRevisionClaims('save-own');
    expect(await save.claim(ISSUE, rev, 'alice')).toBe(true);
    expect(await save.claim(ISSUE, rev, 'alice')).toBe(true);
    // The create reached KVS but its answer never came back: the key holds this save's id.
    const lost = nextRevision();
    await kvs.set(claimKey(lost), { saveId: 'save-lost-ack', accountId: 'alice', deadline: Date.now() + CLAIM_HOLD_MS });
    expect(await new KvsRevisionClaims('save-lost-ack').claim(ISSUE, lost, 'alice')).toBe(true);
  });

  it("takes over a dead save's claim once its own deadline has passed, and only one taker wins", async () => {
    const rev = nextRevision();
    await kvs.set(claimKey(rev), { saveId: 'save-that-died', accountId: 'carol', deadline: Date.now() - 1 });
    const [first, second] = await Promise.all([
      new KvsRevisionClaims('taker-1').claim(ISSUE, rev, 'alice'),
      new KvsRevisionClaims('taker-2').claim(ISSUE, rev, 'bob'),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await kvs.get(claimKey(rev, 1))).toMatchObject({ saveId: first ? 'taker-1' : 'taker-2' });
  });

  it('holds a live claim until its deadline, however long KVS would keep the key', async () => {
    let now = Date.now();
    const rev = nextRevision();
    expect(await new KvsRevisionClaims('holder', () => now).claim(ISSUE, rev, 'alice')).toBe(true);
    now += CLAIM_HOLD_MS - 1;
    expect(await new KvsRevisionClaims('waiter', () => now).claim(ISSUE, rev, 'bob')).toBe(false);
    now += 2;
    expect(await new KvsRevisionClaims('waiter', () => now).claim(ISSUE, rev, 'bob')).toBe(true);
  });

  it('gives back only its own claim', async () => {
    const rev = nextRevision();
    const holder = new KvsRevisionClaims('holder-2');
    const stranger = new KvsRevisionClaims('stranger');
    expect(await holder.claim(ISSUE, rev, 'alice')).toBe(true);
    await stranger.release(ISSUE, rev);
    expect(await kvs.get(claimKey(rev))).toMatchObject({ saveId: 'holder-2' });
    await holder.release(ISSUE, rev);
    expect(await kvs.get(claimKey(rev))).toBeUndefined();
  });
});

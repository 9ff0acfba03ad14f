/**
 * The personal data index the app keeps as it writes (src/forge/privacy/kvs-personal-data-index.ts), for
 * the demo's seeded history and reuses: each person's entry (dated by their oldest copy) and a reference to
 * each issue whose history or reuses name them, so the daily report and erasure see the seeded data too.
 */
import { accountIdsIn } from '../src/domain/privacy/personal-data';
import { storageKeys } from '../src/forge/platform/storage-keys';
import type { SiteDataset } from '../emulator';

type KvsSeed = SiteDataset['kvs'];

export function personalDataIndexOf(rows: KvsSeed): KvsSeed {
  const since = new Map<string, string>();
  const refs = new Map<string, KvsSeed[number]>();
  for (const row of rows) {
    // Kept revisions name their writers; a reuse names who said it helped, at the ticket it helped.
    const issueId = (/^history:(\d+):/.exec(row.key) ?? /^reuse:\d+:(\d+)$/.exec(row.key))?.[1];
    if (!issueId) continue;
    for (const accountId of accountIdsIn(JSON.parse(row.valueText))) {
      const first = since.get(accountId);
      if (!first || row.at < first) since.set(accountId, row.at);
      const place = `issue:${issueId}`;
      const key = storageKeys.personRef(accountId, place);
      if (!refs.has(key)) refs.set(key, { key, valueText: JSON.stringify({ place }), at: row.at });
    }
  }
  const people = [...since].map(([accountId, at]) => ({
    key: storageKeys.person(accountId),
    valueText: JSON.stringify({ accountId, since: at }),
    at,
  }));
  return [...people, ...refs.values()];
}

import { kvs } from '@forge/kvs';
import type { IssueDataPort } from '../../ports/privacy/personal-data.port';
import { accountIdsIn } from '../../domain/privacy/personal-data';
import { deleteKeys, entriesUnder, stringField } from '../platform/kvs-keys';
import { placeOfIssue } from './kvs-personal-data-index';
import { storageKeys } from '../platform/storage-keys';

/**
 * Everything the app keeps in KVS about one issue: its history (index and revisions, listed by
 * the index and by prefix), its revision claims, the reuses of its learnings, and the keys
 * recorded as about it (reuses it is the target of, retro notes on it).
 */
export class KvsIssueData implements IssueDataPort {
  async forgetIssue(issueId: string): Promise<number> {
    const indexKey = storageKeys.historyIndex(issueId);
    const index = await kvs.get<{ entries?: Array<{ revision?: unknown }> }>(indexKey);
    const indexed = (index?.entries ?? []).flatMap((e) =>
      typeof e.revision === 'number' ? [storageKeys.historyRevision(issueId, e.revision)] : [],
    );
    const [history, claims, reuses, refs] = await Promise.all([
      entriesUnder(storageKeys.historyPrefix(issueId)),
      entriesUnder(storageKeys.claimPrefix(issueId)),
      entriesUnder(storageKeys.reusePrefix(issueId)),
      entriesUnder(storageKeys.issueRefPrefix(issueId)),
    ]);
    const about = refs.flatMap(({ value }) => {
      const key = stringField(value, 'key');
      return key === undefined ? [] : [key];
    });
    // The people these values name lose their reference to this issue (their other data stays indexed).
    const aboutValues = await Promise.all(about.map((key) => kvs.get<unknown>(key)));
    const named = accountIdsIn([index, ...history.map((e) => e.value), ...reuses.map((e) => e.value), ...aboutValues]);
    const personRefs = named.map((accountId) => storageKeys.personRef(accountId, placeOfIssue(issueId)));
    // A reuse of this issue's learning was recorded as about the ticket it helped too.
    const helpedRefs = reuses.map(({ key }) => storageKeys.issueRef(key.slice(storageKeys.reusePrefix(issueId).length), key));
    const keys = [
      ...new Set([
        indexKey,
        // The tickets its learnings helped, kept for insights (taken away there too; this is the backstop).
        storageKeys.insightHelped(issueId),
        ...indexed,
        ...[...history, ...claims, ...reuses, ...refs].map((e) => e.key),
        ...about,
        ...personRefs,
        ...helpedRefs,
      ]),
    ];
    await deleteKeys(keys);
    return keys.length;
  }
}

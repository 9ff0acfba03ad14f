import { kvs } from '@forge/kvs';
import { isReportableAccountId, withoutAccount } from '../../domain/privacy/personal-data';
import type { HeldAccount, PersonalDataPort } from '../../ports/privacy/personal-data.port';
import { deleteKeys, entriesUnder, stringField } from '../platform/kvs-keys';
import type { StoredPerson } from './kvs-personal-data-index';
import { storageKeys } from '../platform/storage-keys';

interface StoredHistoryIndex {
  entries?: Array<{ revision?: unknown }>;
}

/**
 * The personal data index in Forge KVS (written by KvsPersonalDataIndex as data is stored):
 * listed with one prefix query, and erasure that follows a person's references to the places
 * that name them. Keys the person owns (recent writes, recent notes) are deleted; in what others
 * share (history, reuses, retro notes) only the id is replaced, so their learnings stay.
 */
export class KvsPersonalData implements PersonalDataPort {
  async held(): Promise<HeldAccount[]> {
    const rows = await entriesUnder(storageKeys.personPrefix());
    return rows.flatMap(({ value }) => {
      const accountId = stringField(value, 'accountId');
      const since = stringField(value, 'since');
      return isReportableAccountId(accountId) && since !== undefined
        ? [{ accountId, since, reportedAt: stringField(value, 'reportedAt') ?? null }]
        : [];
    });
  }

  async markReported(accounts: readonly HeldAccount[], at: string): Promise<void> {
    await Promise.all(
      accounts.map((a) =>
        kvs.set(storageKeys.person(a.accountId), { accountId: a.accountId, since: a.since, reportedAt: at } satisfies StoredPerson),
      ),
    );
  }

  async refreshed(account: HeldAccount, at: string): Promise<void> {
    await kvs.set(storageKeys.person(account.accountId), {
      accountId: account.accountId,
      since: at,
      reportedAt: at,
    } satisfies StoredPerson);
  }

  async erase(accountId: string): Promise<void> {
    const refs = await entriesUnder(storageKeys.personRefPrefix(accountId));
    for (const { key } of refs) {
      const place = key.slice(storageKeys.personRefPrefix(accountId).length);
      if (place.startsWith('issue:')) await this.eraseFromIssue(place.slice('issue:'.length), accountId);
      else if (place.startsWith('retro:'))
        await this.eraseFromKeys(
          (await entriesUnder(`${place}:`)).map((e) => e.key),
          accountId,
        );
      else if (place.startsWith('goals:'))
        await this.eraseFromKeys(
          (await entriesUnder(storageKeys.goalsHistoryPrefix(Number(place.slice('goals:'.length))))).map((e) => e.key),
          accountId,
        );
    }
    const memories = await entriesUnder(storageKeys.retroMemoryPrefix(accountId));
    await deleteKeys([
      storageKeys.recentWrites(accountId),
      storageKeys.recentNotes(accountId),
      ...memories.map((m) => m.key),
      ...refs.map((r) => r.key),
    ]);
    // Last: an erasure cut short is taken up again at the next report, which still lists the person.
    await kvs.delete(storageKeys.person(accountId));
  }

  async cyclePeriodMs(): Promise<number | undefined> {
    const stored = await kvs.get<{ ms?: unknown }>(storageKeys.privacyCycle());
    return typeof stored?.ms === 'number' && stored.ms > 0 ? stored.ms : undefined;
  }

  async setCyclePeriodMs(ms: number): Promise<void> {
    await kvs.set(storageKeys.privacyCycle(), { ms });
  }

  /** The issue's history index and kept revisions (by the index and by prefix), and the keys about it (reuses). */
  private async eraseFromIssue(issueId: string, accountId: string): Promise<void> {
    const indexKey = storageKeys.historyIndex(issueId);
    const index = await kvs.get<StoredHistoryIndex>(indexKey);
    const indexed = (index?.entries ?? []).flatMap((e) =>
      typeof e.revision === 'number' ? [storageKeys.historyRevision(issueId, e.revision)] : [],
    );
    // Revisions kept before the index existed are found by their prefix too.
    const revisions = [...new Set([...indexed, ...(await entriesUnder(storageKeys.historyPrefix(issueId))).map((e) => e.key)])];
    const about = (await entriesUnder(storageKeys.issueRefPrefix(issueId))).flatMap(({ value }) => {
      const key = stringField(value, 'key');
      return key === undefined ? [] : [key];
    });
    await this.eraseFromKeys([indexKey, ...revisions, ...about], accountId);
  }

  private async eraseFromKeys(keys: readonly string[], accountId: string): Promise<void> {
    for (const key of keys) {
      const value = await kvs.get<unknown>(key);
      if (value === undefined) continue;
      const erased = withoutAccount(value, accountId);
      if (erased.changed) await kvs.set(key, erased.value);
    }
  }
}

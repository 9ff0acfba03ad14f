import { kvs } from '@forge/kvs';
import type { RecentWritesPort } from '../../ports/record/recent-writes.port';
import { storageKeys } from '../platform/storage-keys';
import { arrayField, stringField } from '../platform/kvs-keys';
import { RECONCILE_ISSUES_LIMIT } from '../../contract/limits';

/** Long enough for Jira's index to catch up (seconds, sometimes minutes). */
export const RECENT_WRITE_MS = 10 * 60 * 1000;

interface StoredWrite {
  issueId: string;
  at: number;
}

interface StoredWrites {
  writes: StoredWrite[];
}

function isStoredWrite(entry: unknown): entry is StoredWrite {
  return stringField(entry, 'issueId') !== undefined && typeof (entry as { at?: unknown }).at === 'number';
}

/** One small KVS value per person; times compared here, never left to a TTL. */
export class KvsRecentWrites implements RecentWritesPort {
  constructor(private readonly now: () => number = Date.now) {}

  async readyToRemember(accountId: string): Promise<(issueId: string) => Promise<void>> {
    const key = storageKeys.recentWrites(accountId);
    const stored = await kvs.get<unknown>(key);
    return async (issueId) => {
      const kept = this.fresh(stored).filter((w) => w.issueId !== issueId);
      await kvs.set(key, { writes: [{ issueId, at: this.now() }, ...kept].slice(0, RECONCILE_ISSUES_LIMIT) } satisfies StoredWrites);
    };
  }

  async recent(accountId: string): Promise<string[]> {
    return this.fresh(await kvs.get<unknown>(storageKeys.recentWrites(accountId))).map((w) => w.issueId);
  }

  private fresh(stored: unknown): StoredWrite[] {
    const since = this.now() - RECENT_WRITE_MS;
    return arrayField(stored, 'writes')
      .filter(isStoredWrite)
      .filter((w) => w.at >= since)
      .slice(0, RECONCILE_ISSUES_LIMIT);
  }
}

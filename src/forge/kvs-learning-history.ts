import { kvs, WhereConditions } from '@forge/kvs';
import { AppError } from '../contract/errors';
import type { HistorySnapshot, LearningHistoryPort } from '../ports/learning-history.port';
import { storageKeys } from './storage-keys';

export const HISTORY_CAP = 50;
const PAGE_SIZE = 20;

/** Earlier revisions in Forge KVS, one key per revision, capped per issue. */
export class KvsLearningHistory implements LearningHistoryPort {
  readonly cap = HISTORY_CAP;

  async keep(issueId: string, snapshot: HistorySnapshot): Promise<void> {
    await storageCall(() => kvs.set(storageKeys.historyRevision(issueId, snapshot.revision), snapshot));
  }

  async get(issueId: string, revision: number): Promise<HistorySnapshot | undefined> {
    return storageCall(() => kvs.get<HistorySnapshot>(storageKeys.historyRevision(issueId, revision)));
  }

  async forget(issueId: string, revision: number): Promise<void> {
    await storageCall(() => kvs.delete(storageKeys.historyRevision(issueId, revision)));
  }

  async list(issueId: string): Promise<HistorySnapshot[]> {
    const snapshots: HistorySnapshot[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(storageKeys.historyPrefix(issueId))).limit(PAGE_SIZE);
      if (cursor) query = query.cursor(cursor);
      const page = await storageCall(() => query.getMany<HistorySnapshot>());
      snapshots.push(...page.results.map((result) => result.value));
      cursor = page.nextCursor;
    } while (cursor);
    return snapshots.sort((a, b) => a.revision - b.revision);
  }
}

async function storageCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch {
    throw new AppError('JIRA_UNAVAILABLE', 'The app could not reach its history storage. Try again in a moment.');
  }
}

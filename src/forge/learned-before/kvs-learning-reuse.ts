import { kvs, WhereConditions } from '@forge/kvs';
import type { LearningReuse, LearningReusePort } from '../../ports/learned-before/learning-reuse.port';
import { KvsPersonalDataIndex, placeOfIssue } from '../privacy/kvs-personal-data-index';
import { storageKeys } from '../platform/storage-keys';
import { callStorage } from '../platform/kvs-client';

/** What failed, for the storage error's message. */
const REUSES = 'the record of reused learnings';

/** KVS answers at most 100 keys per query page. */
const PAGE_SIZE = 100;
/** Enough for any learning's reuse list; beyond it the count stops growing rather than the panel slowing down. */
export const MAX_REUSES_READ = 500;

/** Reuses in Forge KVS: one key per (earlier issue, helped ticket) pair. */
export class KvsLearningReuse implements LearningReusePort {
  constructor(private readonly people = new KvsPersonalDataIndex()) {}

  /** Indexed first: the person (at the ticket they saved) and the key (deleted with either issue). */
  async record(reuse: LearningReuse): Promise<void> {
    const key = storageKeys.reuse(reuse.sourceIssueId, reuse.targetIssueId);
    await callStorage(REUSES, () =>
      Promise.all([
        this.people.remember([reuse.accountId], placeOfIssue(reuse.targetIssueId)),
        this.people.aboutIssue(reuse.targetIssueId, key),
      ]),
    );
    await callStorage(REUSES, () => kvs.set(key, reuse));
  }

  async forget(sourceIssueId: string, targetIssueId: string): Promise<void> {
    const key = storageKeys.reuse(sourceIssueId, targetIssueId);
    await callStorage(REUSES, () => kvs.delete(key));
    await this.people.notAboutIssue(targetIssueId, key).catch(() => undefined);
  }

  async listFor(sourceIssueId: string): Promise<LearningReuse[]> {
    const reuses: LearningReuse[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs
        .query()
        .where('key', WhereConditions.beginsWith(storageKeys.reusePrefix(sourceIssueId)))
        .limit(PAGE_SIZE);
      if (cursor) query = query.cursor(cursor);
      const page = await callStorage(REUSES, () => query.getMany<unknown>());
      for (const { value } of page.results) {
        const reuse = readReuse(value);
        if (reuse) reuses.push(reuse);
      }
      cursor = page.nextCursor;
    } while (cursor && reuses.length < MAX_REUSES_READ);
    return reuses.sort((a, b) => b.at.localeCompare(a.at));
  }
}

const FIELDS = ['sourceIssueId', 'sourceIssueKey', 'targetIssueId', 'targetIssueKey', 'targetSummary', 'accountId', 'at'] as const;

/** A stored value is used only when it has the expected shape. */
function readReuse(value: unknown): LearningReuse | null {
  if (!value || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  return FIELDS.every((field) => typeof record[field] === 'string')
    ? (Object.fromEntries(FIELDS.map((f) => [f, record[f]])) as unknown as LearningReuse)
    : null;
}

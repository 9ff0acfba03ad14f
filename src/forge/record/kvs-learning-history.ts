import { kvs, WhereConditions } from '@forge/kvs';
import { HISTORY_POLICY, summaryOf, type HistoryEntry, type PrunedRevision } from '../../domain/record/history-policy';
import type { HistorySnapshot, LearningHistoryPort, ReadyToKeep, RevisionToKeep } from '../../ports/record/learning-history.port';
import type { RevisionChanges } from '../../domain/record/revision-changes';
import { accountIdsIn } from '../../domain/privacy/personal-data';
import { KvsPersonalDataIndex, placeOfIssue } from '../privacy/kvs-personal-data-index';
import { storageKeys } from '../platform/storage-keys';
import { callStorage } from '../platform/kvs-client';

/** What failed, for the storage error's message. */
const HISTORY = "the issue's learning history";

const PAGE_SIZE = 20;

const lineOf = ({ snapshot, changes }: RevisionToKeep): HistoryEntry => ({
  revision: snapshot.revision,
  savedAt: snapshot.savedAt,
  savedBy: snapshot.savedBy,
  summary: changes ? { ...summaryOf(snapshot.value), changes } : summaryOf(snapshot.value),
});

interface StoredIndex {
  entries: HistoryEntry[];
  pruned: PrunedRevision[];
}

/**
 * History in Forge KVS: one value per revision, and one index value per issue (read with `get`,
 * so a save's own revision is listed at once). Index writes happen under the save's revision
 * claim, so two of them for one issue do not overlap; a line already there is not written again.
 */
export class KvsLearningHistory implements LearningHistoryPort {
  readonly policy = HISTORY_POLICY;

  constructor(private readonly people = new KvsPersonalDataIndex()) {}

  async keep(issueId: string, snapshot: HistorySnapshot, changes?: RevisionChanges): Promise<void> {
    await (await this.prepareKeep(issueId, [{ snapshot, changes }])).write();
  }

  async prepareKeep(issueId: string, revisions: readonly RevisionToKeep[]): Promise<ReadyToKeep> {
    // Who they name is indexed before the snapshots are written: nothing naming a person is stored unindexed.
    // The index is read meanwhile (one built from the revisions kept before it existed is saved by the write).
    const [, read] = await Promise.all([
      callStorage(HISTORY, () =>
        this.people.remember(
          revisions.flatMap((r) => accountIdsIn(r.snapshot)),
          placeOfIssue(issueId),
        ),
      ),
      this.readIndex(issueId),
    ]);
    const { index, built } = read;
    const listed = new Set(index.entries.map((e) => e.revision));
    const unlisted: RevisionToKeep[] = [];
    for (const revision of revisions) {
      if (listed.has(revision.snapshot.revision)) continue;
      listed.add(revision.snapshot.revision);
      unlisted.push(revision);
    }
    const next: StoredIndex = { ...index, entries: [...index.entries, ...unlisted.map(lineOf)].sort((a, b) => a.revision - b.revision) };
    return {
      write: async () => {
        if (unlisted.length === 0) {
          if (built && index.entries.length > 0) await this.saveIndex(issueId, index);
          return index.entries;
        }
        // Listed means stored: revisions and their index lines are written in one transaction, and pruning
        // takes a line away before its revision.
        const transaction = kvs.transact();
        for (const { snapshot } of unlisted) transaction.set(storageKeys.historyRevision(issueId, snapshot.revision), snapshot);
        await callStorage(HISTORY, () => transaction.set(storageKeys.historyIndex(issueId), next).execute());
        return next.entries;
      },
    };
  }

  async get(issueId: string, revision: number): Promise<HistorySnapshot | undefined> {
    return callStorage(HISTORY, () => kvs.get<HistorySnapshot>(storageKeys.historyRevision(issueId, revision)));
  }

  async entries(issueId: string): Promise<HistoryEntry[]> {
    return (await this.index(issueId)).entries;
  }

  async pruned(issueId: string): Promise<PrunedRevision[]> {
    return (await this.index(issueId)).pruned;
  }

  async forget(issueId: string, revisions: readonly number[], prunedAt?: string): Promise<void> {
    if (revisions.length === 0) return;
    const drop = new Set(revisions);
    const index = await this.index(issueId);
    const gone = index.entries.filter((e) => drop.has(e.revision));
    const logged = prunedAt ? gone.map((e) => ({ revision: e.revision, savedAt: e.savedAt, savedBy: e.savedBy, prunedAt })) : [];
    await this.saveIndex(issueId, {
      entries: index.entries.filter((e) => !drop.has(e.revision)),
      pruned: [...logged, ...index.pruned].slice(0, this.policy.prunedLog),
    });
    await Promise.all(revisions.map((revision) => callStorage(HISTORY, () => kvs.delete(storageKeys.historyRevision(issueId, revision)))));
  }

  private async index(issueId: string): Promise<StoredIndex> {
    const { index, built } = await this.readIndex(issueId);
    if (built && index.entries.length > 0) await this.saveIndex(issueId, index);
    return index;
  }

  /** The index as stored, or `built` from the revisions kept before the index existed (not saved yet). */
  private async readIndex(issueId: string): Promise<{ index: StoredIndex; built: boolean }> {
    const stored = await callStorage(HISTORY, () => kvs.get<StoredIndex>(storageKeys.historyIndex(issueId)));
    if (stored && Array.isArray(stored.entries))
      return { index: { entries: stored.entries, pruned: Array.isArray(stored.pruned) ? stored.pruned : [] }, built: false };
    // Built once from them (no write happens between them and now).
    const snapshots = await this.listSnapshots(issueId);
    const entries = snapshots.map((snapshot) => lineOf({ snapshot }));
    return { index: { entries, pruned: [] }, built: true };
  }

  private async saveIndex(issueId: string, index: StoredIndex): Promise<void> {
    await callStorage(HISTORY, () => kvs.set(storageKeys.historyIndex(issueId), index));
  }

  private async listSnapshots(issueId: string): Promise<HistorySnapshot[]> {
    const snapshots: HistorySnapshot[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs
        .query()
        .where('key', WhereConditions.beginsWith(storageKeys.historyPrefix(issueId)))
        .limit(PAGE_SIZE);
      if (cursor) query = query.cursor(cursor);
      const page = await callStorage(HISTORY, () => query.getMany<HistorySnapshot>());
      snapshots.push(...page.results.map((result) => result.value));
      cursor = page.nextCursor;
    } while (cursor);
    return snapshots.sort((a, b) => a.revision - b.revision);
  }
}

import { kvs } from '@forge/kvs';
import { HISTORY_POLICY, summaryOf, type HistoryEntry, type PrunedRevision } from '../../domain/record/history-policy';
import type { HistorySnapshot, LearningHistoryPort, ReadyToKeep, RevisionToKeep } from '../../ports/record/learning-history.port';
import type { RevisionChanges } from '../../domain/record/revision-changes';
import { accountIdsIn } from '../../domain/privacy/personal-data';
import { KvsPersonalDataIndex, placeOfIssue } from '../privacy/kvs-personal-data-index';
import { storageKeys } from '../platform/storage-keys';
import { callStorage } from '../platform/kvs-client';

/** What failed, for the storage error's message. */
const HISTORY = "the issue's learning history";

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
    // The index is read meanwhile.
    const [, index] = await Promise.all([
      callStorage(HISTORY, () =>
        this.people.remember(
          revisions.flatMap((r) => accountIdsIn(r.snapshot)),
          placeOfIssue(issueId),
        ),
      ),
      this.index(issueId),
    ]);
    const listed = new Set(index.entries.map((e) => e.revision));
    const unlisted: RevisionToKeep[] = [];
    for (const revision of revisions) {
      if (listed.has(revision.snapshot.revision)) continue;
      listed.add(revision.snapshot.revision);
      unlisted.push(revision);
    }
    const next: StoredIndex = { ...index, entries: [...index.entries, ...unlisted.map(lineOf)].sort((a, b) => a.revision - b.revision) };
    return {
      newestKept: index.entries.reduce((newest, e) => Math.max(newest, e.revision), 0),
      write: async () => {
        if (unlisted.length === 0) return index.entries;
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
    // Listed or not, the values go; the index is written only when it loses a line (a write from an older read could undo another's).
    if (gone.length > 0)
      await this.saveIndex(issueId, {
        entries: index.entries.filter((e) => !drop.has(e.revision)),
        pruned: [...logged, ...index.pruned].slice(0, this.policy.prunedLog),
      });
    await Promise.all(revisions.map((revision) => callStorage(HISTORY, () => kvs.delete(storageKeys.historyRevision(issueId, revision)))));
  }

  /**
   * The index as stored; none: nothing kept. Revisions are listed only through it: versions that kept them without it
   * (before 7e0e3c5) or wrote it in a call of its own (before f889b4c) were never installed anywhere (the app has not
   * been deployed); a site that ran one would need the index backfilled before this version.
   */
  private async index(issueId: string): Promise<StoredIndex> {
    const stored = await callStorage(HISTORY, () => kvs.get<StoredIndex>(storageKeys.historyIndex(issueId)));
    if (!stored || !Array.isArray(stored.entries)) return { entries: [], pruned: [] };
    return { entries: stored.entries, pruned: Array.isArray(stored.pruned) ? stored.pruned : [] };
  }

  private async saveIndex(issueId: string, index: StoredIndex): Promise<void> {
    await callStorage(HISTORY, () => kvs.set(storageKeys.historyIndex(issueId), index));
  }
}

import { kvs } from '@forge/kvs';
import { isReportableAccountId } from '../../domain/privacy/personal-data';
import { storageKeys } from '../platform/storage-keys';

/** A person's index entry, as stored. */
export interface StoredPerson {
  accountId: string;
  since: string;
  reportedAt?: string;
}

/**
 * The write side of the personal data index: before a value naming people is stored, each of
 * them gets an entry (created once, so `since` is the oldest copy) and a reference to the place
 * (`issue:<id>`, `retro:<project>:<board>:<sprint>` or `goals:<sprint>`), so that reporting lists people without
 * scanning what they wrote, and erasure finds their ids without a scan either. Also the
 * references from an issue to keys about it outside its own prefixes. Built per invocation:
 * what it wrote once it does not write again.
 */
export class KvsPersonalDataIndex {
  private readonly written = new Set<string>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async remember(accountIds: readonly string[], place: string): Promise<void> {
    await Promise.all(
      [...new Set(accountIds)]
        .filter(isReportableAccountId)
        .flatMap((accountId) => [
          this.once(storageKeys.person(accountId), () => this.entryFor(accountId)),
          this.once(storageKeys.personRef(accountId, place), () => kvs.set(storageKeys.personRef(accountId, place), { place })),
        ]),
    );
  }

  /** Records that `key` holds data about the issue (deleted with it). */
  async aboutIssue(issueId: string, key: string): Promise<void> {
    await this.once(storageKeys.issueRef(issueId, key), () => kvs.set(storageKeys.issueRef(issueId, key), { key }));
  }

  async notAboutIssue(issueId: string, key: string): Promise<void> {
    this.written.delete(storageKeys.issueRef(issueId, key));
    await kvs.delete(storageKeys.issueRef(issueId, key));
  }

  private async once(key: string, write: () => Promise<unknown>): Promise<void> {
    if (this.written.has(key)) return;
    await write();
    this.written.add(key);
  }

  /**
   * Read first: almost every save names people already indexed, and a read is one round where a create that fails
   * on an existing entry and the read that must then confirm it are two. A new person is created without overwriting
   * an entry a concurrent save made meanwhile (`since` stays the oldest). Forge's docs do not say how a create on an
   * existing key fails, so a failed create is fine only when the entry is then there: nothing is stored unindexed.
   */
  private async entryFor(accountId: string): Promise<void> {
    const key = storageKeys.person(accountId);
    if ((await kvs.get(key)) !== undefined) return;
    const entry: StoredPerson = { accountId, since: this.now().toISOString() };
    await kvs.set(key, entry, { keyPolicy: 'FAIL_IF_EXISTS' }).catch(async () => {
      if ((await kvs.get(key)) === undefined) throw new Error('The personal data index could not be written.');
    });
  }
}

export const placeOfIssue = (issueId: string): string => `issue:${issueId}`;
/** A sprint's kept learning-goal revisions (`goals-history:<sprintId>:…`). */
export const placeOfSprintGoals = (sprintId: number): string => `goals:${sprintId}`;
export const placeOfSprintNotes = (projectId: string, boardId: number, sprintId: number): string =>
  `retro:${projectId}:${boardId}:${sprintId}`;

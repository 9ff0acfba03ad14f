import { kvs } from '@forge/kvs';
import { SPRINT_GOAL_LIMITS, type SprintGoalsDocument } from '../../domain/sprint-goals/goals-document';
import { readStoredGoals } from '../../domain/sprint-goals/goals-schema';
import type { GoalsHistoryPort } from '../../ports/sprint-goals/sprint-goals.port';
import { accountIdsIn } from '../../domain/privacy/personal-data';
import { callStorage } from '../platform/kvs-client';
import { KvsPersonalDataIndex, placeOfSprintGoals } from '../privacy/kvs-personal-data-index';
import { deleteKeys, entriesUnder } from '../platform/kvs-keys';
import { storageKeys } from '../platform/storage-keys';

const HISTORY = "the sprint goals' history";

/**
 * Earlier revisions of a sprint's goals: one KVS value per revision, the newest 20 kept. They name
 * people (who saved, goal owners), so the personal data index learns of them before they are stored.
 */
export class KvsGoalsHistory implements GoalsHistoryPort {
  constructor(private readonly people = new KvsPersonalDataIndex()) {}

  async keep(sprintId: number, document: SprintGoalsDocument): Promise<void> {
    await callStorage(HISTORY, () => this.people.remember(accountIdsIn(document), placeOfSprintGoals(sprintId)));
    await callStorage(HISTORY, () => kvs.set(storageKeys.goalsHistoryRevision(sprintId, document.revision), document));
  }

  async prune(sprintId: number): Promise<void> {
    const kept = await this.keys(sprintId);
    const beyond = kept.slice(0, Math.max(0, kept.length - SPRINT_GOAL_LIMITS.historyRevisions));
    if (beyond.length > 0) await callStorage(HISTORY, () => deleteKeys(beyond));
  }

  async list(sprintId: number): Promise<SprintGoalsDocument[]> {
    const entries = await callStorage(HISTORY, () => entriesUnder(storageKeys.goalsHistoryPrefix(sprintId)));
    return entries
      .map((e) => readStoredGoals(e.value))
      .flatMap((r) => (r.kind === 'readable' ? [r.document] : []))
      .sort((a, b) => b.revision - a.revision);
  }

  /** Oldest first (the keys sort in revision order). */
  private async keys(sprintId: number): Promise<string[]> {
    const entries = await callStorage(HISTORY, () => entriesUnder(storageKeys.goalsHistoryPrefix(sprintId)));
    return entries.map((e) => e.key).sort();
  }
}

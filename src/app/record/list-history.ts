import type { HistoryItem, HistoryList } from '../../contract/resolvers';
import { summaryOf, type HistoryEntry } from '../../domain/record/history-policy';
import { toStoredProperty } from '../../domain/record/stored-format';
import type { LearningHistoryPort } from '../../ports/record/learning-history.port';
import { readCurrent, type IssueRef, type WriteDeps } from './write-revision';

/** Kept revisions plus the current one, newest first: one Jira read and one KVS read (the index). */
export async function listHistory(
  deps: Pick<WriteDeps, 'issueLearnings'> & { history: LearningHistoryPort },
  input: { issue: IssueRef },
): Promise<HistoryList> {
  const [current, kept] = await Promise.all([readCurrent(deps, input.issue.key), deps.history.entries(input.issue.id)]);
  const entries: Array<HistoryEntry & { current: boolean }> = kept.map((e) => ({ ...e, current: false }));
  const { reading } = current;
  if (reading.kind === 'record') {
    const { record } = reading;
    const others = entries.filter((e) => e.revision !== record.revision);
    const keptLine = entries.find((e) => e.revision === record.revision);
    const summary = summaryOf(toStoredProperty(record));
    others.push({
      revision: record.revision,
      savedAt: record.updatedAt,
      savedBy: record.updatedBy,
      summary: keptLine?.summary.changes ? { ...summary, changes: keptLine.summary.changes } : summary,
      current: true,
    });
    entries.splice(0, entries.length, ...others);
  }
  const items = entries.sort((a, b) => b.revision - a.revision).map(toItem);
  return { items, cap: deps.history.policy.ceiling };
}

function toItem(entry: HistoryEntry & { current: boolean }): HistoryItem {
  const { changes, ...summary } = entry.summary;
  return {
    revision: entry.revision,
    savedAt: entry.savedAt,
    savedBy: entry.savedBy,
    current: entry.current,
    ...summary,
    changes: changes ?? null,
  };
}

import type { HistoryItem, HistoryList } from '../contract/resolvers';
import { toStoredProperty } from '../domain/learning-record';
import { readStoredProperty } from '../domain/record-schema';
import type { HistorySnapshot } from '../ports/learning-history.port';
import { readCurrent, type IssueRef, type WriteDeps } from './write-revision';

const EXCERPT_CHARS = 140;

/** Kept revisions plus the current one, newest first. */
export async function listHistory(
  deps: Pick<WriteDeps, 'issueLearnings' | 'history'>,
  input: { issue: IssueRef },
): Promise<HistoryList> {
  const [current, kept] = await Promise.all([readCurrent(deps, input.issue.key), deps.history.list(input.issue.id)]);
  const snapshots: Array<HistorySnapshot & { current: boolean }> = kept.map((s) => ({ ...s, current: false }));
  const { reading } = current;
  if (reading.kind === 'record') {
    const { record } = reading;
    const withoutCurrent = snapshots.filter((s) => s.revision !== record.revision);
    withoutCurrent.push({
      revision: record.revision,
      savedAt: record.updatedAt,
      savedBy: record.updatedBy,
      value: toStoredProperty(record),
      current: true,
    });
    snapshots.splice(0, snapshots.length, ...withoutCurrent);
  }
  const items = snapshots.sort((a, b) => b.revision - a.revision).map(toItem);
  return { items, cap: deps.history.cap };
}

function toItem(snapshot: HistorySnapshot & { current: boolean }): HistoryItem {
  const reading = readStoredProperty(snapshot.value);
  const base = { revision: snapshot.revision, savedAt: snapshot.savedAt, savedBy: snapshot.savedBy, current: snapshot.current };
  if (reading.kind !== 'record') {
    return { ...base, learningCount: 0, surpriseCount: 0, outcome: null, hypothesis: '', unreadable: true };
  }
  const { record } = reading;
  return {
    ...base,
    learningCount: record.learnings.length,
    surpriseCount: record.learnings.filter((e) => e.surprise).length,
    outcome: record.outcome,
    hypothesis: record.hypothesis.length > EXCERPT_CHARS ? `${record.hypothesis.slice(0, EXCERPT_CHARS - 1)}…` : record.hypothesis,
    unreadable: false,
  };
}

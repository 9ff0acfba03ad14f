// The demo's learning records as the app stores them: the issue property, and the earlier revisions as its history in KVS.
import { LEARNING_TEXT_PROPERTY_KEY, learningTextOf } from '../src/domain/record/text-index';
import {
  LEARNING_PROPERTY_KEY,
  emptyDraft,
  stampRevision,
  type LearningDraft,
  type LearningRecord,
} from '../src/domain/record/learning-record';
import { toStoredProperty } from '../src/domain/record/stored-format';
import { storageKeys } from '../src/forge/platform/storage-keys';
import type { IssueRow, SiteDataset } from '../emulator';
import type { RecordSpec } from './demo-specs';
import { DEMO_USERS, at } from './demo-team-setup';
import { helpedLinkOf, reuseRowsOf, type HelpedSource } from './demo-reuse-story';

/** Finds an earlier issue a record's "This helped" link points at. */
export type SourceLookup = (issueKey: string) => HelpedSource;

const noSources: SourceLookup = (issueKey) => {
  throw new Error(`No issue ${issueKey} to link "This helped" to.`);
};

const slug = (issueKey: string): string => issueKey.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Builds a record the way the app would have: one revision for the
 * hypothesis, then one per learning, each by its author at its time. Earlier
 * revisions become the app's kept history in KVS.
 */
export function buildRecord(spec: RecordSpec, sourceOf: SourceLookup = noSources): { record: LearningRecord; history: LearningRecord[] } {
  const history: LearningRecord[] = [];
  // "This helped" is pressed while the hypothesis is written: its links are saved with it.
  const helped = (spec.helpedBy ?? []).map((key) => helpedLinkOf(sourceOf(key)));
  const evidence = [...helped, ...(spec.evidence ?? []).map((link, index) => ({ id: `ev-${slug(spec.issueKey)}-${index + 1}`, ...link }))];
  const first: LearningDraft = {
    ...emptyDraft(),
    hypothesis: spec.hypothesis,
    tags: [...spec.tags],
    evidence: spec.entries.length === 0 ? evidence : helped,
    outcome: spec.entries.length === 0 ? spec.outcome : 'open',
    confidence: spec.entries.length === 0 ? spec.confidence : null,
  };
  let record = stampRevision(null, first, {
    accountId: DEMO_USERS[spec.hypothesisBy].accountId,
    now: new Date(at(spec.hypothesisDaysAgo)),
  });
  spec.entries.forEach((entry, index) => {
    history.push(record);
    const last = index === spec.entries.length - 1;
    const draft: LearningDraft = {
      hypothesis: record.hypothesis,
      learnings: [
        ...record.learnings.map(({ id, text, surprise }) => ({ id, text, surprise })),
        { id: `l-${slug(spec.issueKey)}-${index + 1}`, text: entry.text, surprise: entry.surprise ?? false },
      ],
      outcome: last ? spec.outcome : record.outcome,
      confidence: last ? spec.confidence : record.confidence,
      tags: [...record.tags],
      evidence: last ? evidence : record.evidence,
    };
    record = stampRevision(record, draft, { accountId: DEMO_USERS[entry.by].accountId, now: new Date(at(entry.daysAgo, 15)) });
  });
  return { record, history };
}

/** Each record as its issue property, and its kept revisions as the history in KVS. */
export function storedRecords(specs: RecordSpec[], issues: IssueRow[]): Pick<SiteDataset, 'properties' | 'kvs'> {
  const issueByKey = new Map(issues.map((i) => [i.key, i]));
  const sourceOf: SourceLookup = (key) => {
    const source = issueByKey.get(key);
    return source ? { id: source.id, key, summary: source.summary } : noSources(key);
  };
  const properties: SiteDataset['properties'] = [];
  const kvs: SiteDataset['kvs'] = [];
  for (const spec of specs) {
    const issue = issueByKey.get(spec.issueKey);
    if (!issue) throw new Error(`Demo record for unknown issue ${spec.issueKey}`);
    const { record, history } = buildRecord(spec, sourceOf);
    const markedAt = (history[0] ?? record).updatedAt;
    for (const key of spec.helpedBy ?? []) {
      const source = sourceOf(key);
      const accountId = DEMO_USERS[spec.hypothesisBy].accountId;
      const reuse = {
        sourceIssueId: source.id,
        sourceIssueKey: key,
        targetIssueId: issue.id,
        targetIssueKey: issue.key,
        targetSummary: issue.summary,
        accountId,
        at: markedAt,
      };
      kvs.push(...reuseRowsOf(reuse));
    }
    properties.push({
      issueKey: spec.issueKey,
      key: LEARNING_PROPERTY_KEY,
      valueText: JSON.stringify(toStoredProperty(record)),
      at: record.updatedAt,
    });
    properties.push({
      issueKey: spec.issueKey,
      key: LEARNING_TEXT_PROPERTY_KEY,
      valueText: JSON.stringify(learningTextOf(record)),
      at: record.updatedAt,
    });
    for (const kept of history) {
      const snapshot = { revision: kept.revision, savedAt: kept.updatedAt, savedBy: kept.updatedBy, value: toStoredProperty(kept) };
      kvs.push({ key: storageKeys.historyRevision(issue.id, kept.revision), valueText: JSON.stringify(snapshot), at: kept.updatedAt });
    }
  }
  return { properties, kvs };
}

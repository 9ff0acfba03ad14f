/**
 * The learning record as stored in the issue property, format version 2: each learning in short
 * keys, its author as an index into `index.authors`, defaults left out (the macro reads every
 * record's JSON on every page, so each byte counts N times). Everything Jira's JQL index reads
 * (manifest.yml, `jira:entityProperty`) keeps its name and place. Pure.
 */
import { SCHEMA_VERSION, indexFieldsOf, utf8Bytes, type IndexFields, type LearningEntry, type LearningRecord } from './learning-record';

/** One learning as stored in version 2. */
export interface StoredLearning {
  id: string;
  /** The text. */
  t: string;
  /** Written (as true) only for a surprise. */
  s?: boolean;
  /** The author: an index into `index.authors`. */
  a: number;
  /** Created at. */
  c: string;
  /** Updated at; left out while it equals `c`. */
  u?: string;
}

/** The JSON stored in the issue property (version 2). */
export interface StoredLearningProperty extends Omit<LearningRecord, 'schemaVersion' | 'learnings'> {
  schemaVersion: typeof SCHEMA_VERSION;
  learnings: StoredLearning[];
  index: IndexFields;
}

export function toStoredProperty(record: LearningRecord): StoredLearningProperty {
  const index = indexFieldsOf(record);
  // Every author is found: the index is derived from these learnings.
  const learnings = record.learnings.map((entry): StoredLearning => ({
    id: entry.id,
    t: entry.text,
    ...(entry.surprise ? { s: true as const } : {}),
    a: index.authors.indexOf(entry.authorAccountId),
    c: entry.createdAt,
    ...(entry.updatedAt === entry.createdAt ? {} : { u: entry.updatedAt }),
  }));
  // Field by field: the same key order whichever version the record was read from, and nothing else.
  return {
    schemaVersion: SCHEMA_VERSION,
    hypothesis: record.hypothesis,
    ...(record.hypothesisAt === undefined ? {} : { hypothesisAt: record.hypothesisAt }),
    learnings,
    outcome: record.outcome,
    confidence: record.confidence,
    tags: record.tags,
    evidence: record.evidence,
    revision: record.revision,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    index,
  };
}

/**
 * The domain's learnings from version 2's, or null when an author index points outside
 * `authors` (written outside the app): never guessed.
 */
export function learningsFromStored(learnings: readonly StoredLearning[], authors: readonly string[]): LearningEntry[] | null {
  const entries: LearningEntry[] = [];
  for (const { id, t, s, a, c, u } of learnings) {
    const author = authors[a];
    if (author === undefined) return null;
    entries.push({ id, text: t, surprise: s === true, authorAccountId: author, createdAt: c, updatedAt: u ?? c });
  }
  return entries;
}

/**
 * UTF-8 bytes of the JSON Jira would store for this record (its 32 KB limit, read as bytes). The
 * texts' own property (`text-index.ts`) holds a part of the same JSON, so it is always smaller.
 */
export function propertySizeOf(record: LearningRecord): number {
  return utf8Bytes(JSON.stringify(toStoredProperty(record)));
}

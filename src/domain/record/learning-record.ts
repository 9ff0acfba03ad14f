/**
 * The learning record: one per Jira issue, stored as an issue property.
 * Pure: no I/O, no clock (times are passed in).
 */
import { normaliseTag, textLength } from './text';

export const LEARNING_PROPERTY_KEY = 'learning-loop';
/** The stored format this app writes (`stored-format.ts`); it reads version 1 too. */
export const SCHEMA_VERSION = 2;

export const OUTCOMES = ['open', 'validated', 'invalidated', 'inconclusive'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const LIMITS = {
  hypothesisChars: 2000,
  entryChars: 2000,
  entries: 50,
  tags: 10,
  tagChars: 40,
  evidence: 20,
  evidenceUrlChars: 2000,
  evidenceTitleChars: 200,
  /**
   * Jira's limit on one issue property's JSON. Its docs say "characters" in one place and
   * "bytes" in another: counted as UTF-8 bytes, the safe reading.
   */
  propertyBytes: 32768,
  /** The size meter warns from this share of the limit. */
  warnAtShare: 0.8,
} as const;

/** A Jira issue, by its key (what people see) and its id (what never changes). */
export interface IssueRef {
  key: string;
  id: string;
}

/** What a person edits in one learning entry. */
export interface EntryDraft {
  id: string;
  text: string;
  surprise: boolean;
}

export interface LearningEntry extends EntryDraft {
  authorAccountId: string;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceLink {
  id: string;
  url: string;
  title: string;
}

/** The fields a person edits; everything else is stamped by the server. */
export interface LearningDraft {
  hypothesis: string;
  learnings: EntryDraft[];
  outcome: Outcome;
  confidence: Confidence | null;
  tags: string[];
  evidence: EvidenceLink[];
}

export interface LearningRecord {
  /** The format the record is written in: a record read from version 1 is saved as the current one. */
  schemaVersion: typeof SCHEMA_VERSION;
  hypothesis: string;
  /** When the hypothesis was first written (server time; see `hypothesisTimeOf`). Absent when empty, and in records saved before it was kept. */
  hypothesisAt?: string;
  learnings: LearningEntry[];
  outcome: Outcome;
  confidence: Confidence | null;
  tags: string[];
  evidence: EvidenceLink[];
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

/**
 * Flattened copies for Jira's JQL index, which has no booleans and no nested
 * arrays of objects. Always derived by `indexFieldsOf`, never edited. The texts'
 * copy lives in its own property (`text-index.ts`).
 */
export interface IndexFields {
  /** "true" when any entry is flagged as a surprise. */
  surprise: 'true' | 'false';
  count: number;
  surpriseCount: number;
  /**
   * Who wrote the learnings (account ids, each once, sorted), for `learningAuthor = "…"` (the library's author
   * facet). From version 2 on, each stored learning names its author by its place here.
   */
  authors: string[];
}

export function emptyDraft(): LearningDraft {
  return { hypothesis: '', learnings: [], outcome: 'open', confidence: null, tags: [], evidence: [] };
}

export function draftOf(record: LearningRecord): LearningDraft {
  return {
    hypothesis: record.hypothesis,
    learnings: record.learnings.map(({ id, text, surprise }) => ({ id, text, surprise })),
    outcome: record.outcome,
    confidence: record.confidence,
    tags: [...record.tags],
    evidence: record.evidence.map((link) => ({ ...link })),
  };
}

export function indexFieldsOf(record: Pick<LearningRecord, 'learnings'>): IndexFields {
  const surpriseCount = record.learnings.filter((entry) => entry.surprise).length;
  return {
    surprise: surpriseCount > 0 ? 'true' : 'false',
    count: record.learnings.length,
    surpriseCount,
    authors: [...new Set(record.learnings.map((entry) => entry.authorAccountId))].sort(),
  };
}

/** UTF-8 length without an encoder (the domain stays free of platform APIs). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A time as Jira's entity property index reads a date: `YYYY-MM-DDThh:mm:ssZ`, no
 * fractional seconds (jira:entityProperty, "expected date time format").
 */
export const indexedTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface SizeReport {
  used: number;
  limit: number;
  remaining: number;
  level: 'ok' | 'warning' | 'over';
}

export function sizeReportOf(used: number): SizeReport {
  const limit = LIMITS.propertyBytes;
  const level = used > limit ? 'over' : used >= limit * LIMITS.warnAtShare ? 'warning' : 'ok';
  return { used, limit, remaining: limit - used, level };
}

/** Each normalised (normaliseTag), empty ones dropped, de-duplicated, order kept. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = normaliseTag(raw);
    if (tag) seen.add(tag);
  }
  return [...seen];
}

/** Why a tag cannot be added as typed (measured after normalising, as it will be stored); null when it can. */
export function tagProblem(raw: string): string | null {
  const tag = normaliseTag(raw);
  if (!tag) return 'A tag needs at least one visible letter or digit.';
  if (textLength(tag) > LIMITS.tagChars) return `A tag may be at most ${LIMITS.tagChars} characters.`;
  return null;
}

/** An http(s) URL without credentials in it (`https://user:secret@host` is refused: every reader would see the secret). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** The same URL with any credentials taken out (for links stored before they were refused). */
export function withoutCredentials(value: string): string {
  try {
    const url = new URL(value);
    if (url.username === '' && url.password === '') return value;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return value;
  }
}

/** A draft with its text trimmed and tags normalised: what gets validated and stored. */
export function normaliseDraft(draft: LearningDraft): LearningDraft {
  return {
    hypothesis: draft.hypothesis.trim(),
    learnings: draft.learnings.map((entry) => ({ ...entry, text: entry.text.trim() })).filter((entry) => entry.text.length > 0),
    outcome: draft.outcome,
    confidence: draft.confidence,
    tags: normaliseTags(draft.tags),
    evidence: draft.evidence.map((link) => ({
      id: link.id,
      url: link.url.trim(),
      title: link.title.trim() || link.url.trim(),
    })),
  };
}

export function hasContent(draft: LearningDraft): boolean {
  return (
    draft.hypothesis.trim() !== '' ||
    draft.learnings.length > 0 ||
    draft.tags.length > 0 ||
    draft.evidence.length > 0 ||
    draft.outcome !== 'open' ||
    draft.confidence !== null
  );
}

/**
 * Stamps a draft into the next revision of a record: entries keep their
 * author and creation time; new entries get the saver as author; changed
 * entries get a new updatedAt. `restored`: the old revision being restored,
 * whose entries keep their authors and whose hypothesis keeps its time.
 */
export function stampRevision(
  previous: LearningRecord | null,
  draft: LearningDraft,
  by: { accountId: string; now: Date; revision?: number; restored?: LearningRecord },
): LearningRecord {
  const at = indexedTime(by.now);
  const before = new Map([...(by.restored?.learnings ?? []), ...(previous?.learnings ?? [])].map((entry) => [entry.id, entry]));
  const hypothesisAt = hypothesisTimeOf(draft.hypothesis, by.restored ?? previous, at, by.restored !== undefined);
  return {
    schemaVersion: SCHEMA_VERSION,
    hypothesis: draft.hypothesis,
    ...(hypothesisAt === undefined ? {} : { hypothesisAt }),
    learnings: draft.learnings.map((entry) => {
      const old = before.get(entry.id);
      if (!old) return { ...entry, authorAccountId: by.accountId, createdAt: at, updatedAt: at };
      const changed = old.text !== entry.text || old.surprise !== entry.surprise;
      return { ...old, text: entry.text, surprise: entry.surprise, updatedAt: changed ? at : old.updatedAt };
    }),
    outcome: draft.outcome,
    confidence: draft.confidence,
    tags: [...draft.tags],
    evidence: draft.evidence.map((link) => ({ ...link })),
    revision: by.revision ?? (previous?.revision ?? 0) + 1,
    updatedAt: at,
    updatedBy: by.accountId,
  };
}

/**
 * When the team first wrote down what it expected: `at` when the hypothesis goes from empty to
 * written, the earlier time while it stays written (edits keep it), none once it is emptied. A
 * restored revision brings its own time; a record saved before the time was kept has none,
 * and gets none by an edit (that would date the hypothesis later than it was written).
 */
function hypothesisTimeOf(hypothesis: string, earlier: LearningRecord | null, at: string, restoring: boolean): string | undefined {
  if (hypothesis.trim() === '') return undefined;
  if (restoring || (earlier !== null && earlier.hypothesis.trim() !== '')) return earlier?.hypothesisAt;
  return at;
}

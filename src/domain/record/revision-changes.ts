/**
 * What one save changed against the revision before it, as data the panel words ("Learning
 * added: "Labeling matters…""). Computed when a revision is written and kept in the history
 * index, so listing the history stays one small read. Pure.
 *
 * Kept short on purpose: the index holds up to 60 lines, so each line carries at most
 * MAX_CHANGES changes with excerpts of EXCERPT_CHARS, and counts the rest. Evidence is counted,
 * never quoted: a link may name an issue the reader cannot browse.
 */
import type { Confidence, LearningRecord, Outcome } from './learning-record';
import { shortenText } from './text';

export const MAX_CHANGES = 4;
export const EXCERPT_CHARS = 48;
/** Tags named per change; the rest are counted. */
export const TAGS_NAMED = 3;

export type RevisionChange =
  | { kind: 'hypothesisWritten' | 'hypothesisEdited' | 'hypothesisCleared' }
  /** A new learning flagged at once is one change, not two. */
  | { kind: 'learningAdded'; excerpt: string; surprise?: true }
  | { kind: 'learningRemoved' | 'learningEdited' | 'surpriseFlagged' | 'surpriseUnflagged'; excerpt: string }
  | { kind: 'outcomeChanged'; from: Outcome; to: Outcome }
  | { kind: 'confidenceChanged'; from: Confidence | null; to: Confidence | null }
  | { kind: 'tagsAdded' | 'tagsRemoved'; tags: string[]; count: number }
  | { kind: 'evidenceAdded' | 'evidenceRemoved'; count: number };

export interface RevisionChanges {
  /** The first MAX_CHANGES changes, in the order the record reads. */
  list: RevisionChange[];
  /** How many more there were. */
  more: number;
}

type Compared = Pick<LearningRecord, 'hypothesis' | 'learnings' | 'outcome' | 'confidence' | 'tags' | 'evidence'>;

/** The changes from `before` (null: nothing was stored) to `after`. */
export function changesBetween(before: Compared | null, after: Compared): RevisionChanges {
  const base: Compared = before ?? { hypothesis: '', learnings: [], outcome: 'open', confidence: null, tags: [], evidence: [] };
  const all = [
    ...hypothesisChanges(base.hypothesis, after.hypothesis),
    ...learningChanges(base.learnings, after.learnings),
    ...outcomeChanges(base, after),
    ...tagChanges(base.tags, after.tags),
    ...evidenceChanges(base.evidence, after.evidence),
  ];
  return { list: all.slice(0, MAX_CHANGES), more: Math.max(0, all.length - MAX_CHANGES) };
}

function hypothesisChanges(before: string, after: string): RevisionChange[] {
  if (before === after) return [];
  if (before.trim() === '') return [{ kind: 'hypothesisWritten' }];
  if (after.trim() === '') return [{ kind: 'hypothesisCleared' }];
  return [{ kind: 'hypothesisEdited' }];
}

const excerptOf = (text: string) => shortenText(text.replace(/\s+/g, ' ').trim(), EXCERPT_CHARS);

/** Entries are matched by id: a text change is an edit, a flag change a (un)flag. */
function learningChanges(before: Compared['learnings'], after: Compared['learnings']): RevisionChange[] {
  const earlier = new Map(before.map((entry) => [entry.id, entry]));
  const later = new Set(after.map((entry) => entry.id));
  const changes: RevisionChange[] = [];
  for (const entry of after) {
    const old = earlier.get(entry.id);
    const excerpt = excerptOf(entry.text);
    if (!old) {
      changes.push(entry.surprise ? { kind: 'learningAdded', excerpt, surprise: true } : { kind: 'learningAdded', excerpt });
      continue;
    }
    if (old.text !== entry.text) changes.push({ kind: 'learningEdited', excerpt });
    if (old.surprise !== entry.surprise) changes.push({ kind: entry.surprise ? 'surpriseFlagged' : 'surpriseUnflagged', excerpt });
  }
  for (const entry of before) if (!later.has(entry.id)) changes.push({ kind: 'learningRemoved', excerpt: excerptOf(entry.text) });
  return changes;
}

function outcomeChanges(before: Compared, after: Compared): RevisionChange[] {
  const changes: RevisionChange[] = [];
  if (before.outcome !== after.outcome) changes.push({ kind: 'outcomeChanged', from: before.outcome, to: after.outcome });
  if (before.confidence !== after.confidence) changes.push({ kind: 'confidenceChanged', from: before.confidence, to: after.confidence });
  return changes;
}

function tagChanges(before: readonly string[], after: readonly string[]): RevisionChange[] {
  const added = after.filter((tag) => !before.includes(tag));
  const removed = before.filter((tag) => !after.includes(tag));
  const named = (tags: string[]) => ({ tags: tags.slice(0, TAGS_NAMED), count: tags.length });
  return [
    ...(added.length > 0 ? [{ kind: 'tagsAdded' as const, ...named(added) }] : []),
    ...(removed.length > 0 ? [{ kind: 'tagsRemoved' as const, ...named(removed) }] : []),
  ];
}

/** Links are matched by address: a retitled link is neither added nor removed. */
function evidenceChanges(before: Compared['evidence'], after: Compared['evidence']): RevisionChange[] {
  const earlier = new Set(before.map((link) => link.url));
  const later = new Set(after.map((link) => link.url));
  const added = after.filter((link) => !earlier.has(link.url)).length;
  const removed = before.filter((link) => !later.has(link.url)).length;
  return [
    ...(added > 0 ? [{ kind: 'evidenceAdded' as const, count: added }] : []),
    ...(removed > 0 ? [{ kind: 'evidenceRemoved' as const, count: removed }] : []),
  ];
}

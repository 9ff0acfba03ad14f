/**
 * Three-way merge of two people's edits of the same record, so that nobody's
 * typing is lost. `base` is the revision both started from (null when it is
 * no longer known: then every difference between the two sides counts).
 *
 * Rules: entries and links added by either side are kept; a field changed by
 * one side takes that change; an entry deleted by one side and edited by the
 * other is kept (the edit wins over the delete); only a field changed by both
 * sides to different values is a conflict.
 */
import type { Confidence, EntryDraft, EvidenceLink, LearningDraft, Outcome } from './learning-record';

export type FieldConflict =
  | { kind: 'hypothesis'; mine: string; theirs: string }
  | { kind: 'outcome'; mine: Outcome; theirs: Outcome }
  | { kind: 'confidence'; mine: Confidence | null; theirs: Confidence | null }
  | { kind: 'learning'; id: string; mine: EntryDraft; theirs: EntryDraft }
  | { kind: 'evidence'; id: string; mine: EvidenceLink; theirs: EvidenceLink };

export type MergeResult =
  | { kind: 'merged'; draft: LearningDraft }
  /** `merged` holds their value wherever there is a conflict. */
  | { kind: 'conflict'; merged: LearningDraft; conflicts: FieldConflict[] };

type Side<T> = { value: T } | { conflict: true; mine: T; theirs: T };

function mergeValue<T>(base: T | undefined, mine: T, theirs: T, equal: (a: T, b: T) => boolean): Side<T> {
  if (equal(mine, theirs)) return { value: mine };
  if (base !== undefined && equal(mine, base)) return { value: theirs };
  if (base !== undefined && equal(theirs, base)) return { value: mine };
  return { conflict: true, mine, theirs };
}

const same = <T>(a: T, b: T): boolean => a === b;

const sameEntry = (a: EntryDraft, b: EntryDraft): boolean => a.text === b.text && a.surprise === b.surprise;
const sameLink = (a: EvidenceLink, b: EvidenceLink): boolean => a.url === b.url && a.title === b.title;

/** Field by field inside one entry: her text edit and my surprise flag both survive. */
function mergeEntry(base: EntryDraft | undefined, mine: EntryDraft, theirs: EntryDraft): Side<EntryDraft> {
  const text = mergeValue(base?.text, mine.text, theirs.text, same);
  const surprise = mergeValue(base?.surprise, mine.surprise, theirs.surprise, same);
  if ('value' in text && 'value' in surprise) return { value: { id: mine.id, text: text.value, surprise: surprise.value } };
  return { conflict: true, mine, theirs };
}

function mergeLink(base: EvidenceLink | undefined, mine: EvidenceLink, theirs: EvidenceLink): Side<EvidenceLink> {
  const url = mergeValue(base?.url, mine.url, theirs.url, same);
  const title = mergeValue(base?.title, mine.title, theirs.title, same);
  if ('value' in url && 'value' in title) return { value: { id: mine.id, url: url.value, title: title.value } };
  return { conflict: true, mine, theirs };
}

interface ListMerge<T> {
  items: T[];
  conflicts: Array<{ id: string; mine: T; theirs: T }>;
}

function mergeList<T extends { id: string }>(
  base: readonly T[] | null,
  mine: readonly T[],
  theirs: readonly T[],
  equal: (a: T, b: T) => boolean,
  mergeItem: (base: T | undefined, mine: T, theirs: T) => Side<T>,
): ListMerge<T> {
  const baseById = new Map((base ?? []).map((item) => [item.id, item]));
  const mineById = new Map(mine.map((item) => [item.id, item]));
  const theirsById = new Map(theirs.map((item) => [item.id, item]));
  const conflicts: ListMerge<T>['conflicts'] = [];
  const kept = new Map<string, T>();

  for (const their of theirs) {
    const my = mineById.get(their.id);
    const original = baseById.get(their.id);
    if (my) {
      const side = mergeItem(original, my, their);
      if ('value' in side) kept.set(their.id, side.value);
      else {
        conflicts.push({ id: their.id, mine: my, theirs: their });
        kept.set(their.id, their);
      }
    } else if (!original || !equal(original, their)) {
      // I deleted it (or never had it) but they added or edited it: keep theirs.
      kept.set(their.id, their);
    }
    // else: I deleted it and they left it alone: deleted.
  }

  const items = theirs.filter((item) => kept.has(item.id)).map((item) => kept.get(item.id) as T);
  // My items that they do not have: new ones, or ones they deleted after I edited them.
  const isTheirAddition = (item: T | undefined) => item !== undefined && !baseById.has(item.id) && !mineById.has(item.id);
  mine.forEach((my, position) => {
    if (theirsById.has(my.id)) return;
    const original = baseById.get(my.id);
    if (original && equal(original, my)) return; // they deleted it, I left it alone
    const before = mine
      .slice(0, position)
      .reverse()
      .find((item) => kept.has(item.id));
    let at = before ? items.findIndex((item) => item.id === before.id) + 1 : 0;
    // Their additions at the same place were saved first: mine go after them.
    while (isTheirAddition(items[at])) at++;
    items.splice(at, 0, my);
    kept.set(my.id, my);
  });
  return { items, conflicts };
}

function mergeTags(base: readonly string[] | null, mine: readonly string[], theirs: readonly string[]): string[] {
  if (!base) return [...new Set([...theirs, ...mine])];
  const baseSet = new Set(base);
  const mineSet = new Set(mine);
  const theirsSet = new Set(theirs);
  const result = theirs.filter((tag) => !baseSet.has(tag) || mineSet.has(tag));
  for (const tag of mine) if (!baseSet.has(tag) && !theirsSet.has(tag)) result.push(tag);
  return result;
}

export function mergeDrafts(base: LearningDraft | null, mine: LearningDraft, theirs: LearningDraft): MergeResult {
  const conflicts: FieldConflict[] = [];
  const hypothesis = mergeValue(base?.hypothesis, mine.hypothesis, theirs.hypothesis, same);
  const outcome = mergeValue(base?.outcome, mine.outcome, theirs.outcome, same);
  const confidence = mergeValue<Confidence | null>(base?.confidence, mine.confidence, theirs.confidence, same);
  if (!('value' in hypothesis)) conflicts.push({ kind: 'hypothesis', mine: hypothesis.mine, theirs: hypothesis.theirs });
  if (!('value' in outcome)) conflicts.push({ kind: 'outcome', mine: outcome.mine, theirs: outcome.theirs });
  if (!('value' in confidence)) conflicts.push({ kind: 'confidence', mine: confidence.mine, theirs: confidence.theirs });

  const learnings = mergeList(base?.learnings ?? null, mine.learnings, theirs.learnings, sameEntry, mergeEntry);
  const evidence = mergeList(base?.evidence ?? null, mine.evidence, theirs.evidence, sameLink, mergeLink);
  for (const c of learnings.conflicts) conflicts.push({ kind: 'learning', ...c });
  for (const c of evidence.conflicts) conflicts.push({ kind: 'evidence', ...c });

  const merged: LearningDraft = {
    hypothesis: 'value' in hypothesis ? hypothesis.value : hypothesis.theirs,
    outcome: 'value' in outcome ? outcome.value : outcome.theirs,
    confidence: 'value' in confidence ? confidence.value : confidence.theirs,
    learnings: learnings.items,
    evidence: evidence.items,
    tags: mergeTags(base?.tags ?? null, mine.tags, theirs.tags),
  };
  return conflicts.length ? { kind: 'conflict', merged, conflicts } : { kind: 'merged', draft: merged };
}

/** Applies a person's choice for one conflict to the merged draft. */
export function resolveConflict(merged: LearningDraft, conflict: FieldConflict, choice: 'mine' | 'theirs'): LearningDraft {
  switch (conflict.kind) {
    case 'hypothesis':
      return { ...merged, hypothesis: conflict[choice] };
    case 'outcome':
      return { ...merged, outcome: conflict[choice] };
    case 'confidence':
      return { ...merged, confidence: conflict[choice] };
    case 'learning':
      return {
        ...merged,
        learnings: merged.learnings.map((entry) => (entry.id === conflict.id ? { ...conflict[choice] } : entry)),
      };
    case 'evidence':
      return {
        ...merged,
        evidence: merged.evidence.map((link) => (link.id === conflict.id ? { ...conflict[choice] } : link)),
      };
  }
}

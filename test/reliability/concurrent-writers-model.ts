/**
 * The model behind the concurrent-writers test: seeded people who type, edit and delete, what a
 * save must keep (checkSave) and which fields must conflict (expectedConflicts).
 */
import {
  CONFIDENCES,
  OUTCOMES,
  draftOf,
  normaliseDraft,
  type EntryDraft,
  type LearningDraft,
  type LearningRecord,
} from '../../src/domain/record/learning-record';
import type { FieldConflict } from '../../src/domain/record/merge-learnings';
import { defined } from '../support/defined';

export const TAG_POOL = ['pricing', 'refunds', 'spain', 'labels', 'checkout', 'mobile'];

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export interface Person {
  index: number;
  as: string;
  cyclesLeft: number;
  step: 'load' | 'edit' | 'save' | 'done';
  /** The record the draft was edited from (null: nothing stored). */
  base: LearningRecord | null;
  draft: LearningDraft;
  attempts: number;
  /** Conflicts answered, field by field, with the choice made. */
  choices: Array<{ conflict: FieldConflict; choice: 'mine' | 'theirs' }>;
  edits: number;
}

export interface RunTally {
  invocations: number;
  saves: number;
  merged: number;
  conflicts: number;
  conflictFields: number;
  entriesAdded: number;
  deliberateDeletes: number;
  revisions: number;
}

export interface Problem {
  run: number;
  what: string;
}

export const entryKey = (e: Pick<EntryDraft, 'text' | 'surprise'>) => JSON.stringify([e.text, e.surprise]);

export function edit(random: Random, person: Person, run: number, typed: Set<string>, deleted: Set<string>): void {
  const d = person.draft;
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) {
    const k = ++person.edits;
    const roll = random();
    const entries = d.learnings;
    if (roll < 0.3 || entries.length === 0) {
      const id = `r${run}p${person.index}n${k}`;
      entries.push({ id, text: `Learned by p${person.index}, edit ${k}.`, surprise: random() < 0.3 });
      typed.add(id);
    } else if (roll < 0.45) {
      const e = pick(random, entries);
      e.surprise = !e.surprise;
    } else if (roll < 0.6) {
      const e = pick(random, entries);
      e.text = `${e.text.replace(/ \(p\d+\.\d+\)$/, '')} (p${person.index}.${k})`;
    } else if (roll < 0.67) {
      // Deleting an entry one sees (one's own unsaved one too) is deliberate.
      const [gone] = entries.splice(Math.floor(random() * entries.length), 1);
      deleted.add(gone!.id);
    } else if (roll < 0.77) {
      d.outcome = pick(random, OUTCOMES);
    } else if (roll < 0.85) {
      d.hypothesis = `Hypothesis by p${person.index}, edit ${k}.`;
    } else if (roll < 0.92) {
      d.confidence = pick(random, [null, ...CONFIDENCES]);
    } else if (d.tags.length > 0 && random() < 0.4) {
      d.tags.splice(Math.floor(random() * d.tags.length), 1);
    } else {
      const tag = pick(random, TAG_POOL);
      if (!d.tags.includes(tag)) d.tags.push(tag);
    }
  }
}

type Scalar = 'hypothesis' | 'outcome' | 'confidence';
const SCALARS: Scalar[] = ['hypothesis', 'outcome', 'confidence'];

/** Which fields both sides changed to different values, relative to the base (null base: every difference). */
export function expectedConflicts(base: LearningDraft | null, mine: LearningDraft, theirs: LearningDraft): string[] {
  const out: string[] = [];
  const both = <T>(b: T | undefined, m: T, t: T) => m !== t && (b === undefined || (m !== b && t !== b));
  for (const f of SCALARS) if (both(base?.[f], mine[f], theirs[f])) out.push(f);
  const baseById = new Map(base?.learnings.map((e) => [e.id, e]));
  const theirsById = new Map(theirs.learnings.map((e) => [e.id, e]));
  for (const m of mine.learnings) {
    const t = theirsById.get(m.id);
    if (!t) continue;
    const b = baseById.get(m.id);
    if (both(b?.text, m.text, t.text) || both(b?.surprise, m.surprise, t.surprise)) out.push(`learning:${m.id}`);
  }
  return out.sort();
}

export const conflictName = (c: FieldConflict) => (c.kind === 'learning' || c.kind === 'evidence' ? `${c.kind}:${c.id}` : c.kind);

/** Checks one successful save against the oracle (see the file's comment); returns what is wrong. */
export function checkSave(
  base: LearningRecord | null,
  stored: LearningRecord | null,
  sent: LearningDraft,
  written: LearningRecord,
): string[] {
  const problems: string[] = [];
  const B = base ? draftOf(base) : null;
  const S = stored ? draftOf(stored) : null;
  const D = normaliseDraft(sent);
  const R = draftOf(written);
  if (!S) {
    if (JSON.stringify(R) !== JSON.stringify(D)) problems.push('first save did not store the draft as sent');
    return problems;
  }
  const mustConflict = expectedConflicts(B, D, S);
  if (mustConflict.length) problems.push(`silent overwrite: saved although both changed ${mustConflict.join(', ')}`);

  const settle = <T>(what: string, b: T | undefined, s: T, d: T, r: T) => {
    const othersChanged = b === undefined || s !== b;
    const mineChanged = b === undefined || d !== b;
    if (othersChanged && mineChanged && s !== d) return; // reported above
    const expected = mineChanged ? d : s;
    if (r !== expected)
      problems.push(
        `${what}: expected ${JSON.stringify(expected)}, stored ${JSON.stringify(r)} (${othersChanged ? 'their' : 'a'} change lost)`,
      );
  };
  for (const f of SCALARS) settle(f, B?.[f], S[f], D[f], R[f]);

  const byId = (draft: LearningDraft | null) => new Map(draft?.learnings.map((e) => [e.id, e]));
  const [bIds, sIds, dIds, rIds] = [byId(B), byId(S), byId(D), byId(R)];
  for (const id of new Set([...bIds.keys(), ...sIds.keys(), ...dIds.keys()])) {
    const [b, s, d, r] = [bIds.get(id), sIds.get(id), dIds.get(id), rIds.get(id)];
    let expectPresent: boolean;
    if (!b)
      expectPresent = true; // added by one side (or both)
    else if (s && d) expectPresent = true;
    else if (!s && !d) expectPresent = false;
    else if (s)
      expectPresent = entryKey(s) !== entryKey(b); // P deleted: kept only if the others edited it
    else expectPresent = entryKey(d!) !== entryKey(b); // the others deleted: kept only if P edited it
    if (expectPresent && !r) problems.push(`entry ${id} lost`);
    if (!expectPresent && r) problems.push(`entry ${id} came back after a delete nobody opposed`);
    if (!r) continue;
    if (s && d) {
      settle(`entry ${id} text`, b?.text, s.text, d.text, r.text);
      settle(`entry ${id} surprise`, b?.surprise, s.surprise, d.surprise, r.surprise);
    } else if (entryKey(r) !== entryKey(defined(s ?? d, `entry ${id} on one side`))) {
      problems.push(`entry ${id} does not hold the only version there was`);
    }
  }
  const bTags = new Set(B?.tags);
  for (const tag of [...D.tags, ...S.tags]) if (!bTags.has(tag) && !R.tags.includes(tag)) problems.push(`tag ${tag} lost`);
  for (const tag of bTags) {
    const keep = D.tags.includes(tag) && S.tags.includes(tag);
    if (keep !== R.tags.includes(tag)) problems.push(`tag ${tag} ${keep ? 'lost' : 'came back after a removal'}`);
  }
  return problems;
}

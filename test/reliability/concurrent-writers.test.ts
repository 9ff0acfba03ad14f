/**
 * Concurrent writers: 2 to 5 people edit the same issue through the real
 * handler on the local site, their steps (load, edit, save, resolve a
 * CONFLICT, save again) interleaved at random from a seed. Each invocation
 * runs whole (Forge runs one invocation per call; the interleaving is of the
 * people's steps, as in two browsers).
 *
 * The oracle, per successful save by person P, with B = the record P's draft
 * was edited from (loaded, or `details.current` after a CONFLICT), S = what
 * was stored just before the save (read by the test from the store), D = the
 * draft P sent and R = the record written:
 *  - a field (hypothesis, outcome, confidence, an entry's text, an entry's
 *    surprise flag) that both P (D ≠ B) and someone else (S ≠ B) changed to
 *    different values must have come back as CONFLICT: an ok there is a
 *    silent overwrite;
 *  - otherwise R holds whichever side changed it (P's change, the others'
 *    change, or B's value when neither did): a change dropped is a loss;
 *  - an entry or tag added by either side is in R; an entry deleted by one
 *    side is gone only if the other left it alone (an edit wins over a delete);
 *  - a CONFLICT names only fields both changed differently, and writes nothing.
 * At the end of a run:
 *  - 0 entries lost: every entry id any person added to a draft is in the
 *    final record, unless some person deliberately deleted it (it was in the
 *    record that person edited from and not in the draft they saved);
 *  - history complete: every revision written (and the seeded one) is the
 *    current one or listed by `history/list` (runs stay far below the cap);
 *  - revisions written are unique and increasing.
 *
 * RELIABILITY_RUNS (default 1,000) and RELIABILITY_SEED replay a run.
 */
import { startAppSite, type AppSite } from '../support/app-site';
import type { ConflictDetails, HistoryList, PanelView, SavedView } from '../../src/contract/resolvers';
import {
  CONFIDENCES,
  LEARNING_PROPERTY_KEY,
  OUTCOMES,
  draftOf,
  normaliseDraft,
  stampRevision,
  toStoredProperty,
  type EntryDraft,
  type LearningDraft,
  type LearningRecord,
} from '../../src/domain/record/learning-record';
import { resolveConflict, type FieldConflict } from '../../src/domain/record/merge-learnings';
import { defined } from '../support/defined';
import { kvsKeys, seededRandom, storedRecord, storedText } from './reliability-support';

/** What each resolver this test calls answers with. */
type Answers = { 'learning/get': PanelView; 'learning/save': SavedView; 'history/list': HistoryList };

const RUNS = Number(process.env.RELIABILITY_RUNS ?? 1000);
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261122);
const ISSUE = 'FLEX-104';
/** Three accounts may edit FLEX; a fourth and fifth person are the same people in a second tab. */
const ACCOUNTS = ['alice', 'bob', 'carol'];
const TAG_POOL = ['pricing', 'refunds', 'spain', 'labels', 'checkout', 'mobile'];
const MAX_ATTEMPTS = 12;

jest.setTimeout(Math.max(120_000, RUNS * 400));

let site: AppSite;
let issueId: string;

beforeAll(async () => {
  // Each run checks history/list right after its writes: KVS queries see writes at once here
  // (Forge's are eventually consistent; what the app does about it: test/resolvers/eventual-consistency.test.ts).
  site = await startAppSite({ port: 0, consistency: { kvsQueryDelayMs: 0 } });
  issueId = site.store.getIssue(ISSUE)!.id;
});

afterAll(async () => {
  site.reset();
  await site.close();
});

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface Person {
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

interface RunTally {
  invocations: number;
  saves: number;
  merged: number;
  conflicts: number;
  conflictFields: number;
  entriesAdded: number;
  deliberateDeletes: number;
  revisions: number;
}

interface Problem {
  run: number;
  what: string;
}

const entryKey = (e: Pick<EntryDraft, 'text' | 'surprise'>) => JSON.stringify([e.text, e.surprise]);

/** Seeds the issue for a run: no record, or a small one at revision 1 by alice; no history, no revision claims. */
function resetIssue(random: Random, run: number): LearningRecord | null {
  for (const prefix of [`history:${issueId}:`, `history-index:${issueId}`, `claim:${issueId}:`]) {
    for (const key of kvsKeys(site, prefix)) site.store.kvsDelete('plain', key);
  }
  site.store.deleteProperty(issueId, LEARNING_PROPERTY_KEY);
  if (random() < 0.15) return null;
  const seeded = stampRevision(
    null,
    {
      hypothesis: `Run ${run}: labels matter more than amounts.`,
      learnings: [
        { id: `s${run}a`, text: 'Spain engaged more.', surprise: true },
        { id: `s${run}b`, text: 'Labeling matters.', surprise: false },
        { id: `s${run}c`, text: 'Mobile users skipped the option.', surprise: false },
      ],
      outcome: 'open',
      confidence: null,
      tags: ['pricing'],
      evidence: [],
    },
    { accountId: site.user('alice').accountId, now: new Date('2026-11-01T10:00:00Z') },
  );
  site.store.setPropertyText(issueId, LEARNING_PROPERTY_KEY, JSON.stringify(toStoredProperty(seeded)));
  return seeded;
}

/** One to three edits of the kinds a person makes in the panel. */
function edit(random: Random, person: Person, run: number, typed: Set<string>, deleted: Set<string>): void {
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
function expectedConflicts(base: LearningDraft | null, mine: LearningDraft, theirs: LearningDraft): string[] {
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

const conflictName = (c: FieldConflict) => (c.kind === 'learning' || c.kind === 'evidence' ? `${c.kind}:${c.id}` : c.kind);

/** Checks one successful save against the oracle (see the file's comment); returns what is wrong. */
function checkSave(base: LearningRecord | null, stored: LearningRecord | null, sent: LearningDraft, written: LearningRecord): string[] {
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

async function runOnce(run: number, random: Random, tally: RunTally, problems: Problem[]): Promise<void> {
  const seeded = resetIssue(random, run);
  const people = 2 + Math.floor(random() * 4);
  const persons: Person[] = Array.from({ length: people }, (_, index) => ({
    index,
    as: ACCOUNTS[index % ACCOUNTS.length]!,
    cyclesLeft: random() < 0.3 ? 2 : 1,
    step: 'load',
    base: null,
    draft: draftOf(
      seeded ??
        stampRevision(
          null,
          { hypothesis: '', learnings: [], outcome: 'open', confidence: null, tags: [], evidence: [] },
          { accountId: 'x', now: new Date(0) },
        ),
    ),
    attempts: 0,
    choices: [],
    edits: 0,
  }));
  const typed = new Set<string>();
  const deliberatelyDeleted = new Set<string>();
  const written = new Map<number, LearningRecord>();
  if (seeded) written.set(seeded.revision, seeded);
  const fail = (what: string): void => void problems.push({ run, what });

  const invoke = async <K extends keyof Answers>(functionKey: K, as: string, payload: unknown) => {
    tally.invocations++;
    const { result } = await site.invoke({ functionKey, as, issueKey: ISSUE, payload });
    return result as { ok: true; value: Answers[K] } | { ok: false; error: { code: string; message: string; details?: unknown } };
  };

  while (persons.some((p) => p.step !== 'done')) {
    const person = pick(
      random,
      persons.filter((p) => p.step !== 'done'),
    );
    if (person.step === 'load') {
      const got = await invoke('learning/get', person.as, {});
      if (!got.ok) {
        fail(`p${person.index} could not load: ${got.error.code}`);
        return;
      }
      person.base = got.value.record;
      person.draft = got.value.record
        ? draftOf(got.value.record)
        : { hypothesis: '', learnings: [], outcome: 'open', confidence: null, tags: [], evidence: [] };
      person.step = 'edit';
    } else if (person.step === 'edit') {
      edit(random, person, run, typed, deliberatelyDeleted);
      person.step = 'save';
    } else {
      if (++person.attempts > MAX_ATTEMPTS) {
        fail(`p${person.index} could not save in ${MAX_ATTEMPTS} attempts`);
        return;
      }
      const stored = storedRecord(site, ISSUE);
      const storedBefore = storedText(site, ISSUE);
      const draft = structuredClone(person.draft);
      const baseRevision = person.base?.revision ?? 0;
      const saved = await invoke('learning/save', person.as, { baseRevision, draft });
      const B = person.base ? draftOf(person.base) : null;
      const D = normaliseDraft(draft);
      if (saved.ok) {
        tally.saves++;
        if (saved.value.mergedWithOthers) tally.merged++;
        const record = saved.value.record;
        for (const what of checkSave(person.base, stored, draft, record)) fail(`p${person.index} save on r${baseRevision}: ${what}`);
        const after = storedRecord(site, ISSUE);
        if (after?.revision !== record.revision) fail(`the saved revision ${record.revision} is not what Jira holds (${after?.revision})`);
        if (stored && record.revision !== stored.revision) {
          if (written.has(record.revision)) fail(`revision ${record.revision} written twice`);
          if (record.revision <= stored.revision) fail(`revision went from ${stored.revision} to ${record.revision}`);
        }
        written.set(record.revision, record);
        for (const e of B?.learnings ?? []) {
          if (!D.learnings.some((x) => x.id === e.id)) {
            deliberatelyDeleted.add(e.id);
            tally.deliberateDeletes++;
          }
        }
        person.choices = [];
        person.attempts = 0;
        person.cyclesLeft--;
        person.step = person.cyclesLeft > 0 ? 'load' : 'done';
      } else if (saved.error.code === 'CONFLICT') {
        tally.conflicts++;
        if (storedText(site, ISSUE) !== storedBefore) fail('a CONFLICT answer changed what is stored');
        const details = saved.error.details as ConflictDetails;
        const named = details.conflicts.map(conflictName).sort();
        const expected = expectedConflicts(B, D, draftOf(stored!));
        if (JSON.stringify(named) !== JSON.stringify(expected)) {
          fail(`CONFLICT named ${named.join(',') || 'nothing'}, expected ${expected.join(',') || 'nothing'}`);
        }
        if (details.current.revision !== stored?.revision) fail('CONFLICT details.current is not what is stored');
        let resolved = details.merged;
        for (const conflict of details.conflicts) {
          const choice = random() < 0.5 ? 'mine' : 'theirs';
          person.choices.push({ conflict, choice });
          resolved = resolveConflict(resolved, conflict, choice);
          tally.conflictFields++;
        }
        person.base = details.current;
        person.draft = structuredClone(resolved);
      } else {
        fail(`p${person.index} save answered ${saved.error.code}: ${saved.error.message}`);
        return;
      }
    }
  }

  const final = storedRecord(site, ISSUE);
  const finalIds = new Set(final?.learnings.map((e) => e.id));
  tally.entriesAdded += typed.size;
  for (const id of typed)
    if (!finalIds.has(id) && !deliberatelyDeleted.has(id)) fail(`entry ${id} typed, never deliberately deleted, missing at the end`);
  for (const record of written.values()) {
    for (const e of record.learnings)
      if (!finalIds.has(e.id) && !deliberatelyDeleted.has(e.id)) fail(`entry ${e.id} of revision ${record.revision} missing at the end`);
  }

  const history = await invoke('history/list', 'alice', {});
  if (!history.ok) {
    fail(`history/list answered ${history.error.code}`);
    return;
  }
  const listed = new Map(history.value.items.map((item) => [item.revision, item]));
  if (written.size <= history.value.cap) {
    for (const [revision, record] of written) {
      const item = listed.get(revision);
      if (!item) fail(`revision ${revision} is neither current nor in history`);
      else if (item.learningCount !== record.learnings.length || item.outcome !== record.outcome)
        fail(`history of revision ${revision} differs from what was written`);
    }
  }
  if (final && !listed.get(final.revision)?.current) fail('the current revision is not marked current in history');
  tally.revisions += written.size;
}

describe('concurrent writers on one issue', () => {
  it(`lose nothing and overwrite nothing silently over ${RUNS.toLocaleString('en-US')} seeded runs of 2 to 5 people`, async () => {
    const random = seededRandom(SEED);
    const tally: RunTally = {
      invocations: 0,
      saves: 0,
      merged: 0,
      conflicts: 0,
      conflictFields: 0,
      entriesAdded: 0,
      deliberateDeletes: 0,
      revisions: 0,
    };
    const problems: Problem[] = [];
    const started = Date.now();
    for (let run = 0; run < RUNS && problems.length < 10; run++) await runOnce(run, random, tally, problems);
    const ms = Date.now() - started;
    console.log(
      `Concurrent writers (seed ${SEED}): ${RUNS} runs in ${(ms / 1000).toFixed(1)} s; ${tally.invocations} invocations, ` +
        `${tally.saves} saves (${tally.merged} merged with others), ${tally.conflicts} CONFLICT answers naming ${tally.conflictFields} fields, ` +
        `${tally.entriesAdded} entries typed, ${tally.deliberateDeletes} deliberate deletes, ${tally.revisions} revisions checked in history; ` +
        `problems: ${problems.length}`,
    );
    expect(problems.map((p) => `run ${p.run} (seed ${SEED}): ${p.what}`)).toEqual([]);
    // The interleavings must exercise both paths: merges and conflicts.
    expect(tally.merged).toBeGreaterThan(RUNS / 10);
    expect(tally.conflicts).toBeGreaterThan(RUNS / 20);
  });
});

describe('saves whose Jira calls overlap in time', () => {
  /**
   * A save reads the property, then writes it; Jira issue properties have no compare-and-set,
   * so both invocations read before either writes (forced here with latency on the read and
   * the write). The revision claim makes the second one read again and merge.
   */
  it("keeps both people's entries even when both read before either writes", async () => {
    site.reset();
    const got = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    const record = (got.result as { ok: true; value: PanelView }).value.record!;
    const mine = draftOf(record);
    mine.learnings.push({ id: 'overlapA', text: 'Alice, overlapping.', surprise: false });
    const theirs = draftOf(record);
    theirs.learnings.push({ id: 'overlapB', text: 'Bob, overlapping.', surprise: false });
    const read = site.faults.latency(50, { endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}' });
    const write = site.faults.latency(150, { endpoint: 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}' });
    try {
      await Promise.all([
        site.invoke({
          functionKey: 'learning/save',
          as: 'alice',
          issueKey: 'FLEX-112',
          payload: { baseRevision: record.revision, draft: mine },
        }),
        site.invoke({
          functionKey: 'learning/save',
          as: 'bob',
          issueKey: 'FLEX-112',
          payload: { baseRevision: record.revision, draft: theirs },
        }),
      ]);
    } finally {
      site.faults.remove(read.id);
      site.faults.remove(write.id);
    }
    const ids = storedRecord(site, 'FLEX-112')!.learnings.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['overlapA', 'overlapB']));
  });
});

describe('twenty people saving one issue at the same moment', () => {
  /**
   * Each adds a learning of their own to the same base revision, with Jira's read and write
   * slowed so every invocation overlaps. Every edit can merge; at least 90 % must, none lost.
   */
  it('merges at least 18 of 20 without asking, and loses none', async () => {
    site.reset();
    const got = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    const record = (got.result as { ok: true; value: PanelView }).value.record!;
    const read = site.faults.latency(40, { endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}' });
    const write = site.faults.latency(80, { endpoint: 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}' });
    let answers: Array<{ ok: boolean; error?: { code: string } }>;
    try {
      answers = await Promise.all(
        Array.from({ length: 20 }, async (_, n) => {
          const draft = draftOf(record);
          draft.learnings.push({ id: `parallel${n}`, text: `Learning number ${n}.`, surprise: false });
          const saved = await site.invoke({
            functionKey: 'learning/save',
            as: ACCOUNTS[n % ACCOUNTS.length]!,
            issueKey: 'FLEX-112',
            payload: { baseRevision: record.revision, draft },
          });
          return saved.result;
        }),
      );
    } finally {
      site.faults.remove(read.id);
      site.faults.remove(write.id);
    }
    const savedOk = answers.filter((a) => a.ok).length;
    const ids = new Set(storedRecord(site, 'FLEX-112')!.learnings.map((e) => e.id));
    const kept = Array.from({ length: 20 }, (_, n) => `parallel${n}`).filter((id) => ids.has(id));
    // Lost: a save that answered ok but whose learning is not stored.
    const lost = answers.filter((a, n) => a.ok && !ids.has(`parallel${n}`)).length;
    expect({ lost, keptAtLeastAnswered: kept.length >= savedOk }).toEqual({ lost: 0, keptAtLeastAnswered: true });
    expect(savedOk).toBeGreaterThanOrEqual(18);
  });
});

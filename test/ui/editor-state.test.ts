import { LIMITS, emptyDraft, type LearningDraft } from '../../src/domain/record/learning-record';
import {
  editorReducer,
  editorWithNewEntry,
  initialEditorState,
  isDirty,
  prepareSave,
  type EditorAction,
  type EditorState,
} from '../../static/issue-panel/src/state/editor-state';
import { addTags } from '../../static/issue-panel/src/state/tags';

const flex112: LearningDraft = {
  hypothesis: 'Presenting Flex as a refund option will reduce drop-off in low-price journeys.',
  learnings: [
    { id: 'l1', text: "Customers in Spain engaged more, even if they didn't buy.", surprise: true },
    { id: 'l2', text: 'Labeling matters more than refund amount.', surprise: false },
  ],
  outcome: 'validated',
  confidence: 'medium',
  tags: ['pricing'],
  evidence: [{ id: 'e1', url: 'https://example.com/dash', title: 'Dashboard' }],
};

const run = (state: EditorState, ...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, state);
const fresh = (draft: LearningDraft = emptyDraft(), revision = 0) => initialEditorState(draft, revision);

describe('learning entries', () => {
  it('adds an empty entry at the end and focuses it', () => {
    const state = run(fresh(flex112, 4), { type: 'addEntry', id: 'n1' });
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['l1', 'l2', 'n1']);
    expect(state.draft.learnings[2]).toEqual({ id: 'n1', text: '', surprise: false });
    expect(state.focusEntryId).toBe('n1');
  });

  it('does not stack blank entries: adding again goes back to the blank one', () => {
    const state = run(fresh(), { type: 'addEntry', id: 'a' }, { type: 'addEntry', id: 'b' });
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['a']);
    expect(state.focusEntryId).toBe('a');
  });

  it('opens an editor with one new entry (the read view’s "Add a learning")', () => {
    const state = editorWithNewEntry(flex112, 4, 'n1');
    expect(state.draft.learnings).toHaveLength(3);
    expect(state.focusEntryId).toBe('n1');
    expect(state.baseRevision).toBe(4);
    expect(isDirty(state)).toBe(false); // a blank entry is not a change
  });

  it('Enter in a typed entry starts the next one right after it', () => {
    const state = run(fresh(flex112), { type: 'commitEntry', id: 'l1', newId: 'n1' });
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['l1', 'n1', 'l2']);
    expect(state.focusEntryId).toBe('n1');
  });

  it('type, Enter, type, Enter: one entry per line of thought', () => {
    const state = run(
      fresh(),
      { type: 'addEntry', id: 'a' },
      { type: 'editEntry', id: 'a', text: 'First' },
      { type: 'commitEntry', id: 'a', newId: 'b' },
      { type: 'editEntry', id: 'b', text: 'Second' },
      { type: 'commitEntry', id: 'b', newId: 'c' },
    );
    expect(state.draft.learnings).toEqual([
      { id: 'a', text: 'First', surprise: false },
      { id: 'b', text: 'Second', surprise: false },
      { id: 'c', text: '', surprise: false },
    ]);
    expect(prepareSave(state)).toEqual({ ok: true, draft: expect.objectContaining({ learnings: state.draft.learnings.slice(0, 2) }) });
  });

  it('Enter in an empty entry does nothing', () => {
    const start = run(fresh(), { type: 'addEntry', id: 'a' });
    expect(run(start, { type: 'commitEntry', id: 'a', newId: 'b' })).toBe(start);
    const spaces = run(start, { type: 'editEntry', id: 'a', text: '   ' });
    expect(run(spaces, { type: 'commitEntry', id: 'a', newId: 'b' }).draft.learnings).toHaveLength(1);
  });

  it('Enter moves into an already empty next entry instead of adding another', () => {
    const state = run(
      fresh(),
      { type: 'addEntry', id: 'a' },
      { type: 'editEntry', id: 'a', text: 'One' },
      { type: 'commitEntry', id: 'a', newId: 'b' },
      { type: 'focusHandled' },
      { type: 'commitEntry', id: 'a', newId: 'c' },
    );
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['a', 'b']);
    expect(state.focusEntryId).toBe('b');
  });

  it(`refuses more than ${LIMITS.entries} entries with a sentence`, () => {
    const full: LearningDraft = {
      ...emptyDraft(),
      learnings: Array.from({ length: LIMITS.entries }, (_, i) => ({ id: `e${i}`, text: `t${i}`, surprise: false })),
    };
    const added = run(fresh(full), { type: 'addEntry', id: 'x' });
    expect(added.draft.learnings).toHaveLength(LIMITS.entries);
    expect(added.entryError).toMatch(/^50 learnings is the most a ticket holds/);
    const committed = run(fresh(full), { type: 'commitEntry', id: 'e49', newId: 'x' });
    expect(committed.draft.learnings).toHaveLength(LIMITS.entries);
    expect(committed.entryError).not.toBeNull();
  });

  it('edits the text of one entry only', () => {
    const state = run(fresh(flex112), { type: 'editEntry', id: 'l2', text: 'Labels matter.' });
    expect(state.draft.learnings[0]).toEqual(flex112.learnings[0]);
    expect(state.draft.learnings[1]?.text).toBe('Labels matter.');
  });

  it('toggles the surprise flag on and off', () => {
    const on = run(fresh(flex112), { type: 'toggleSurprise', id: 'l2' });
    expect(on.draft.learnings[1]?.surprise).toBe(true);
    expect(isDirty(on)).toBe(true);
    const off = run(on, { type: 'toggleSurprise', id: 'l2' });
    expect(off.draft.learnings[1]?.surprise).toBe(false);
    expect(isDirty(off)).toBe(false);
  });
});

describe('removing with undo', () => {
  it('removes an entry and keeps it for Undo', () => {
    const state = run(fresh(flex112), { type: 'removeEntry', id: 'l1' });
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['l2']);
    expect(state.removed).toEqual({ entry: flex112.learnings[0], index: 0 });
  });

  it('Undo puts the entry back where it was, flag and all', () => {
    const state = run(fresh(flex112), { type: 'removeEntry', id: 'l1' }, { type: 'undoRemove' });
    expect(state.draft.learnings).toEqual(flex112.learnings);
    expect(state.removed).toBeNull();
    expect(state.focusEntryId).toBe('l1');
    expect(isDirty(state)).toBe(false);
  });

  it('Undo after other entries were removed puts it back within bounds', () => {
    const state = run(fresh(flex112), { type: 'removeEntry', id: 'l1' }, { type: 'removeEntry', id: 'l2' }, { type: 'undoRemove' });
    expect(state.draft.learnings.map((e) => e.id)).toEqual(['l2']);
  });

  it('the Undo message goes away when dismissed (the timer)', () => {
    const state = run(fresh(flex112), { type: 'removeEntry', id: 'l1' }, { type: 'dismissUndo' });
    expect(state.removed).toBeNull();
    expect(run(state, { type: 'undoRemove' })).toBe(state);
  });

  it('removing a blank entry offers no Undo', () => {
    const state = run(fresh(), { type: 'addEntry', id: 'a' }, { type: 'removeEntry', id: 'a' });
    expect(state.draft.learnings).toEqual([]);
    expect(state.removed).toBeNull();
  });
});

describe('evidence', () => {
  const add = (url: string, title = '') =>
    run(fresh(), { type: 'setEvidenceUrl', url }, { type: 'setEvidenceTitle', title }, { type: 'addEvidence', id: 'x1' });

  it('adds an https link with its title and clears the form', () => {
    const state = add(' https://example.com/report ', ' Report ');
    expect(state.draft.evidence).toEqual([{ id: 'x1', url: 'https://example.com/report', title: 'Report' }]);
    expect(state.evidenceForm).toEqual({ url: '', title: '', error: null });
  });

  it('uses the URL as the title when none is given', () => {
    expect(add('http://example.com').draft.evidence[0]?.title).toBe('http://example.com');
  });

  it.each([
    ['javascript:alert(1)', /Only http/],
    ['data:text/html,<script>alert(1)</script>', /Only http/],
    ['ftp://example.com/file', /Only http/],
    ['example.com/page', /not a complete web address/],
    ['', /Enter the link/],
  ])('refuses %s with a clear sentence and keeps what was typed', (url, message) => {
    const state = add(url, 'title');
    expect(state.draft.evidence).toEqual([]);
    expect(state.evidenceForm.error).toMatch(message);
    expect(state.evidenceForm.url).toBe(url);
    expect(state.evidenceForm.title).toBe('title');
  });

  it('refuses a duplicate and a 21st link', () => {
    const dup = run(fresh(flex112), { type: 'setEvidenceUrl', url: 'https://example.com/dash' }, { type: 'addEvidence', id: 'x' });
    expect(dup.evidenceForm.error).toMatch(/already/);
    const twenty = {
      ...emptyDraft(),
      evidence: Array.from({ length: 20 }, (_, i) => ({ id: `e${i}`, url: `https://example.com/${i}`, title: `${i}` })),
    };
    const full = run(fresh(twenty), { type: 'setEvidenceUrl', url: 'https://example.com/new' }, { type: 'addEvidence', id: 'x' });
    expect(full.draft.evidence).toHaveLength(20);
    expect(full.evidenceForm.error).toMatch(/At most 20/);
  });

  it('editing the URL clears its error; removing a link removes it', () => {
    const bad = add('javascript:void(0)');
    expect(run(bad, { type: 'setEvidenceUrl', url: 'https://' }).evidenceForm.error).toBeNull();
    expect(run(fresh(flex112), { type: 'removeEvidence', id: 'e1' }).draft.evidence).toEqual([]);
  });

  it('a typed but unadded link blocks Save with a sentence', () => {
    const state = run(fresh(), { type: 'setEvidenceUrl', url: 'https://example.com' });
    expect(isDirty(state)).toBe(true);
    expect(prepareSave(state)).toEqual({ ok: false, problem: expect.stringMatching(/typed but not added/) });
  });
});

describe('dirty detection', () => {
  it('is clean when nothing changed, or only whitespace and blank entries', () => {
    expect(isDirty(fresh(flex112))).toBe(false);
    const cosmetic = run(fresh(flex112), { type: 'setHypothesis', text: `${flex112.hypothesis}   ` }, { type: 'addEntry', id: 'blank' });
    expect(isDirty(cosmetic)).toBe(false);
  });

  it.each<[string, EditorAction]>([
    ['hypothesis', { type: 'setHypothesis', text: 'Something else' }],
    ['outcome', { type: 'setOutcome', outcome: 'invalidated' }],
    ['confidence', { type: 'setConfidence', confidence: null }],
    ['entry text', { type: 'editEntry', id: 'l1', text: 'Changed' }],
    ['removal', { type: 'removeEntry', id: 'l2' }],
    ['tag', { type: 'removeTag', tag: 'pricing' }],
    ['evidence', { type: 'removeEvidence', id: 'e1' }],
    ['evidence title typed', { type: 'setEvidenceTitle', title: 'x' }],
  ])('is dirty after a change to the %s', (_, action) => {
    expect(isDirty(run(fresh(flex112), action))).toBe(true);
  });

  it('changing a value and changing it back is clean again', () => {
    const state = run(fresh(flex112), { type: 'setOutcome', outcome: 'open' }, { type: 'setOutcome', outcome: 'validated' });
    expect(isDirty(state)).toBe(false);
  });
});

describe('preparing a save', () => {
  it('counts length as the backend does: 2,000 emoji are a full learning, not too long', () => {
    const state = run(fresh(), { type: 'addEntry', id: 'a' }, { type: 'editEntry', id: 'a', text: '😀'.repeat(2000) });
    expect(prepareSave(state)).toMatchObject({ ok: true });
    const over = run(fresh(), { type: 'addEntry', id: 'a' }, { type: 'editEntry', id: 'a', text: '😀'.repeat(2001) });
    expect(prepareSave(over)).toMatchObject({ ok: false, problem: expect.stringMatching(/longer than 2000/) });
  });

  it('refuses a tag that would be too long once stored (40 × "İ" lower-cases to 80 code points)', () => {
    expect(addTags([], 'İ'.repeat(40))).toMatchObject({ tags: [], error: expect.stringMatching(/at most 40/) });
    expect(addTags([], 'ＰＲＩＣＩＮＧ,\u200bpricing')).toEqual({ tags: ['pricing'], error: null, overflow: [] });
  });

  it('sends the trimmed draft without blank entries', () => {
    const state = run(
      fresh(),
      { type: 'setHypothesis', text: '  We believe X  ' },
      { type: 'addEntry', id: 'a' },
      { type: 'editEntry', id: 'a', text: ' learned \n' },
      { type: 'commitEntry', id: 'a', newId: 'b' },
    );
    expect(prepareSave(state)).toEqual({
      ok: true,
      draft: { ...emptyDraft(), hypothesis: 'We believe X', learnings: [{ id: 'a', text: 'learned', surprise: false }] },
    });
  });

  it('refuses a too long hypothesis or entry with what to do', () => {
    const longHypothesis = run(fresh(), { type: 'setHypothesis', text: 'x'.repeat(LIMITS.hypothesisChars + 1) });
    expect(prepareSave(longHypothesis)).toEqual({ ok: false, problem: expect.stringMatching(/shorten it/) });
    const longEntry = run(fresh(flex112), { type: 'editEntry', id: 'l2', text: 'y'.repeat(LIMITS.entryChars + 1) });
    expect(prepareSave(longEntry)).toEqual({ ok: false, problem: expect.stringMatching(/Learning 2 .*split it/) });
  });

  it('rebase replaces the draft and the revision to save against', () => {
    const merged = { ...flex112, outcome: 'inconclusive' as const };
    const state = run(
      fresh(flex112, 4),
      { type: 'setOutcome', outcome: 'open' },
      { type: 'rebase', base: flex112, baseRevision: 5, draft: merged },
    );
    expect(state.baseRevision).toBe(5);
    expect(state.draft).toEqual(merged);
    expect(isDirty(state)).toBe(true);
  });
});

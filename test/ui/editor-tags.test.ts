/**
 * Tags, and the caps (50 learnings, 10 tags): the editor stops, says so, and loses nothing:
 * no text is glued onto learning 50, no typing is appended to a refused 11th tag.
 * Limits are written out here by hand (50, 10), not read from the app.
 */
import { LIMITS, emptyDraft, type LearningDraft } from '../../src/domain/record/learning-record';
import {
  editorReducer,
  initialEditorState,
  isDirty,
  prepareSave,
  type EditorAction,
  type EditorState,
} from '../../static/issue-panel/src/state/editor-state';
import { addTags } from '../../static/issue-panel/src/state/tags';

const run = (state: EditorState, ...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, state);
const withLearnings = (n: number): LearningDraft => ({
  ...emptyDraft(),
  learnings: Array.from({ length: n }, (_, i) => ({ id: `l${i + 1}`, text: `Learning ${i + 1}`, surprise: false })),
});
const fresh = (draft: LearningDraft = emptyDraft(), revision = 0) => initialEditorState(draft, revision);
const flex112: LearningDraft = { ...emptyDraft(), hypothesis: 'Flex as a refund option reduces drop-off.', tags: ['pricing'] };
const withTags = (n: number): LearningDraft => ({ ...emptyDraft(), tags: Array.from({ length: n }, (_, i) => `t${i + 1}`) });

describe('the 50-learning cap', () => {
  it('Enter on learning 50 adds nothing and says so at learning 50', () => {
    const state = run(initialEditorState(withLearnings(50), 3), { type: 'commitEntry', id: 'l50', newId: 'n' });
    expect(state.draft.learnings).toHaveLength(50);
    expect(state.draft.learnings[49]).toEqual({ id: 'l50', text: 'Learning 50', surprise: false });
    expect(state.entryError).toBe('50 learnings is the most a ticket holds: merge some, or remove one to add another.');
    expect(state.entryErrorAt).toBe('l50');
  });

  it('Enter on learning 20 of 50 says so at learning 20; the message goes with the next edit', () => {
    const full = run(initialEditorState(withLearnings(50), 3), { type: 'commitEntry', id: 'l20', newId: 'n' });
    expect(full.entryErrorAt).toBe('l20');
    const removed = run(full, { type: 'removeEntry', id: 'l3' });
    expect(removed.entryError).toBeNull();
    expect(removed.entryErrorAt).toBeNull();
  });

  it('"Add a learning" at 50 shows the message by the button (no entry named)', () => {
    const state = run(initialEditorState(withLearnings(50), 3), { type: 'addEntry', id: 'n' });
    expect(state.draft.learnings).toHaveLength(50);
    expect(state.entryError).toMatch(/^50 learnings is the most a ticket holds/);
    expect(state.entryErrorAt).toBeNull();
  });
});

describe('the 10-tag cap', () => {
  it('refuses typing an 11th tag, says why, and lets the field be cleared', () => {
    const state = run(initialEditorState(withTags(10), 1), { type: 'setTagInput', text: 'o' });
    expect(state.tagInput).toBe('');
    expect(state.tagError).toBe('10 tags is the most a ticket holds: remove one to add another.');
    expect(state.draft.tags).toHaveLength(10);
  });

  it('keeps pasted tags beyond the 10th in the field, and refuses typing onto them', () => {
    const pasted = run(initialEditorState(withTags(8), 1), { type: 'setTagInput', text: 'a, b, c, d,' });
    expect(pasted.draft.tags).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 'a', 'b']);
    expect(pasted.tagInput).toBe('c, d');
    expect(pasted.tagError).toBe('10 tags is the most a ticket holds: remove one to add another.');
    const typed = run(pasted, { type: 'setTagInput', text: 'c, dx' });
    expect(typed.tagInput).toBe('c, d');
    const cleared = run(pasted, { type: 'setTagInput', text: 'c, ' });
    expect(cleared.tagInput).toBe('c, ');
  });

  it('Enter on a refused tag keeps it in the field; once a tag is removed it goes in', () => {
    const nine = run(initialEditorState(withTags(9), 1), { type: 'setTagInput', text: 'tenth,' });
    const typed = run(nine, { type: 'setTagInput', text: 'x' });
    expect(typed.tagInput).toBe('');
    const freed = run(nine, { type: 'removeTag', tag: 't1' }, { type: 'setTagInput', text: 'eleventh' }, { type: 'commitTagInput' });
    expect(freed.draft.tags).toEqual(['t2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 'tenth', 'eleventh']);
    expect(freed.tagInput).toBe('');
    expect(freed.tagError).toBeNull();
  });
});

describe('tags', () => {
  it('normalises on Enter: trimmed, lower-cased, spaces as dashes', () => {
    const state = run(fresh(), { type: 'setTagInput', text: '  Refund Policy ' }, { type: 'commitTagInput' });
    expect(state.draft.tags).toEqual(['refund-policy']);
    expect(state.tagInput).toBe('');
  });

  it('a comma commits what came before it and keeps typing after it', () => {
    const state = run(fresh(), { type: 'setTagInput', text: 'Pricing, Spain,flex' });
    expect(state.draft.tags).toEqual(['pricing', 'spain']);
    expect(state.tagInput).toBe('flex');
  });

  it('ignores duplicates and empty parts', () => {
    const state = run(fresh(flex112), { type: 'setTagInput', text: 'PRICING,, ,' });
    expect(state.draft.tags).toEqual(['pricing']);
    expect(state.tagError).toBeNull();
  });

  it(`refuses a tag longer than ${LIMITS.tagChars} characters`, () => {
    expect(addTags([], 'x'.repeat(41))).toEqual({ tags: [], error: expect.stringMatching(/at most 40/), overflow: [] });
    expect(addTags([], 'x'.repeat(40)).tags).toEqual(['x'.repeat(40)]);
  });

  it('removes a tag by name, and the last one with Backspace on an empty field', () => {
    const base = { ...emptyDraft(), tags: ['a', 'b', 'c'] };
    expect(run(fresh(base), { type: 'removeTag', tag: 'b' }).draft.tags).toEqual(['a', 'c']);
    expect(run(fresh(base), { type: 'removeLastTag' }).draft.tags).toEqual(['a', 'b']);
    const typing = run(fresh(base), { type: 'setTagInput', text: 'x' }, { type: 'removeLastTag' });
    expect(typing.draft.tags).toEqual(['a', 'b', 'c']);
  });

  it('a tag still in the field is saved with the draft', () => {
    const state = run(fresh(), { type: 'setTagInput', text: 'Spain' });
    expect(isDirty(state)).toBe(true);
    const prepared = prepareSave(state);
    expect(prepared.ok && prepared.draft.tags).toEqual(['spain']);
  });
});

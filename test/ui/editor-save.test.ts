// The issue panel's editor state: evidence, dirty detection and preparing a save (entries and tags: editor-state.test.ts).
import { LIMITS, emptyDraft } from '../../src/domain/record/learning-record';
import { isDirty, prepareSave, type EditorAction } from '../../static/issue-panel/src/state/editor-state';
import { addTags } from '../../static/issue-panel/src/state/tags';
import { flex112, fresh, run } from './editor-state-fixtures';

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

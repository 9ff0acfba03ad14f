/**
 * The panel's edit state as plain data and a reducer: no React, no bridge,
 * no clock, no randomness (ids come in with the actions), so jest tests it
 * with plain values.
 */
import { sliceText, textLength } from '../../../../src/domain/record/text';
import {
  LIMITS,
  normaliseDraft,
  type Confidence,
  type EntryDraft,
  type EvidenceLink,
  type LearningDraft,
  type Outcome,
} from '../../../../src/domain/record/learning-record';
import { evidenceUrlProblem } from './evidence';
import { addTags, typeInTagField } from './tags';

export interface RemovedEntry {
  entry: EntryDraft;
  index: number;
}

export interface EvidenceForm {
  url: string;
  title: string;
  /** The sentence shown under the URL field, or null. */
  error: string | null;
}

export interface EditorState {
  /** What editing started from: dirty detection compares against it. */
  base: LearningDraft;
  /** Revision the draft was edited from: saves are sent against it. */
  baseRevision: number;
  draft: LearningDraft;
  /** The entry whose text field should take focus (after add / Enter / undo). */
  focusEntryId: string | null;
  /** The last removed entry, kept until Undo or dismissal. */
  removed: RemovedEntry | null;
  tagInput: string;
  tagError: string | null;
  entryError: string | null;
  /** The learning where the cap was met (Enter in it), so the message shows where the person is looking. */
  entryErrorAt: string | null;
  evidenceForm: EvidenceForm;
}

export type EditorAction =
  | { type: 'setHypothesis'; text: string }
  | { type: 'addEntry'; id: string; afterId?: string }
  | { type: 'editEntry'; id: string; text: string }
  /** Enter in an entry: keep it, move to the next one (a new entry when needed). */
  | { type: 'commitEntry'; id: string; newId: string }
  | { type: 'toggleSurprise'; id: string }
  | { type: 'removeEntry'; id: string }
  | { type: 'undoRemove' }
  | { type: 'dismissUndo' }
  | { type: 'focusHandled' }
  | { type: 'setOutcome'; outcome: Outcome }
  | { type: 'setConfidence'; confidence: Confidence | null }
  | { type: 'setTagInput'; text: string }
  | { type: 'commitTagInput' }
  | { type: 'removeTag'; tag: string }
  | { type: 'removeLastTag' }
  | { type: 'setEvidenceUrl'; url: string }
  | { type: 'setEvidenceTitle'; title: string }
  | { type: 'addEvidence'; id: string }
  | { type: 'removeEvidence'; id: string }
  /** Replace the draft (e.g. a resolved conflict) and the revision it is based on. */
  | { type: 'rebase'; base: LearningDraft; baseRevision: number; draft: LearningDraft };

const emptyEvidenceForm: EvidenceForm = { url: '', title: '', error: null };

export function initialEditorState(base: LearningDraft, baseRevision: number): EditorState {
  return {
    base,
    baseRevision,
    draft: base,
    focusEntryId: null,
    removed: null,
    tagInput: '',
    tagError: null,
    entryError: null,
    entryErrorAt: null,
    evidenceForm: emptyEvidenceForm,
  };
}

/** An editor that opens with one new, empty entry focused: "add a learning" from the read view. */
export function editorWithNewEntry(base: LearningDraft, baseRevision: number, id: string): EditorState {
  return editorReducer(initialEditorState(base, baseRevision), { type: 'addEntry', id });
}

export const ENTRIES_FULL = `${LIMITS.entries} learnings is the most a ticket holds: merge some, or remove one to add another.`;

function withDraft(state: EditorState, draft: Partial<LearningDraft>): EditorState {
  return { ...state, draft: { ...state.draft, ...draft } };
}

function insertEntry(state: EditorState, entry: EntryDraft, at: number): EditorState {
  const learnings = [...state.draft.learnings];
  learnings.splice(at, 0, entry);
  return { ...withDraft(state, { learnings }), focusEntryId: entry.id, entryError: null, entryErrorAt: null };
}

const ENTRY_ACTIONS = [
  'addEntry',
  'editEntry',
  'commitEntry',
  'toggleSurprise',
  'removeEntry',
  'undoRemove',
  'dismissUndo',
  'focusHandled',
] as const;
type EntryAction = Extract<EditorAction, { type: (typeof ENTRY_ACTIONS)[number] }>;
const isEntryAction = (action: EditorAction): action is EntryAction => (ENTRY_ACTIONS as readonly string[]).includes(action.type);

/** The learnings list: add, edit, commit with Enter, flag, remove and undo, and where focus goes. */
function entryReducer(state: EditorState, action: EntryAction): EditorState {
  switch (action.type) {
    case 'addEntry': {
      const { learnings } = state.draft;
      // One empty entry is enough: go back to it rather than stacking blanks.
      const blank = learnings.find((entry) => entry.text.trim() === '');
      if (blank) return { ...state, focusEntryId: blank.id };
      if (learnings.length >= LIMITS.entries) return { ...state, entryError: ENTRIES_FULL, entryErrorAt: null };
      const after = action.afterId ? learnings.findIndex((entry) => entry.id === action.afterId) : -1;
      const at = after >= 0 ? after + 1 : learnings.length;
      return insertEntry(state, { id: action.id, text: '', surprise: false }, at);
    }

    case 'editEntry':
      return withDraft(state, {
        learnings: state.draft.learnings.map((entry) => (entry.id === action.id ? { ...entry, text: action.text } : entry)),
      });

    case 'commitEntry': {
      const { learnings } = state.draft;
      const index = learnings.findIndex((entry) => entry.id === action.id);
      const current = learnings[index];
      if (!current || current.text.trim() === '') return state; // Enter on an empty entry does nothing.
      const next = learnings[index + 1];
      if (next && next.text.trim() === '') return { ...state, focusEntryId: next.id };
      if (learnings.length >= LIMITS.entries) return { ...state, entryError: ENTRIES_FULL, entryErrorAt: current.id };
      return insertEntry(state, { id: action.newId, text: '', surprise: false }, index + 1);
    }

    case 'toggleSurprise':
      return withDraft(state, {
        learnings: state.draft.learnings.map((entry) => (entry.id === action.id ? { ...entry, surprise: !entry.surprise } : entry)),
      });

    case 'removeEntry': {
      const index = state.draft.learnings.findIndex((entry) => entry.id === action.id);
      const entry = state.draft.learnings[index];
      if (!entry) return state;
      const learnings = state.draft.learnings.filter((item) => item.id !== action.id);
      // An empty entry is not worth an Undo.
      const removed = entry.text.trim() === '' ? state.removed : { entry, index };
      return {
        ...withDraft(state, { learnings }),
        removed,
        entryError: null,
        entryErrorAt: null,
        focusEntryId: state.focusEntryId === action.id ? null : state.focusEntryId,
      };
    }

    case 'undoRemove': {
      if (!state.removed) return state;
      const { entry, index } = state.removed;
      if (state.draft.learnings.some((item) => item.id === entry.id)) return { ...state, removed: null };
      const at = Math.min(index, state.draft.learnings.length);
      return { ...insertEntry(state, entry, at), removed: null };
    }

    case 'dismissUndo':
      return state.removed ? { ...state, removed: null } : state;

    case 'focusHandled':
      return state.focusEntryId ? { ...state, focusEntryId: null } : state;
  }
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  if (isEntryAction(action)) return entryReducer(state, action);
  switch (action.type) {
    case 'setHypothesis':
      return withDraft(state, { hypothesis: action.text });

    case 'setOutcome':
      return withDraft(state, { outcome: action.outcome });

    case 'setConfidence':
      return withDraft(state, { confidence: action.confidence });

    case 'setTagInput': {
      const { tags, tagInput, tagError } = typeInTagField(
        { tags: state.draft.tags, tagInput: state.tagInput, tagError: state.tagError },
        action.text,
      );
      return { ...withDraft(state, { tags }), tagInput, tagError };
    }

    case 'commitTagInput': {
      if (state.tagInput.trim() === '') return state;
      const { tags, error } = addTags(state.draft.tags, state.tagInput);
      return { ...withDraft(state, { tags }), tagInput: error ? state.tagInput : '', tagError: error };
    }

    case 'removeTag':
      return { ...withDraft(state, { tags: state.draft.tags.filter((tag) => tag !== action.tag) }), tagError: null };

    case 'removeLastTag':
      if (state.tagInput !== '' || state.draft.tags.length === 0) return state;
      return { ...withDraft(state, { tags: state.draft.tags.slice(0, -1) }), tagError: null };

    case 'setEvidenceUrl':
      return { ...state, evidenceForm: { ...state.evidenceForm, url: action.url, error: null } };

    case 'setEvidenceTitle':
      return { ...state, evidenceForm: { ...state.evidenceForm, title: action.title } };

    case 'addEvidence': {
      const form = state.evidenceForm;
      const url = form.url.trim();
      const problem = evidenceUrlProblem(url, state.draft.evidence);
      if (problem) return { ...state, evidenceForm: { ...form, error: problem } };
      const title = sliceText(form.title.trim(), LIMITS.evidenceTitleChars) || url;
      const link: EvidenceLink = { id: action.id, url, title };
      return { ...withDraft(state, { evidence: [...state.draft.evidence, link] }), evidenceForm: emptyEvidenceForm };
    }

    case 'removeEvidence':
      return withDraft(state, { evidence: state.draft.evidence.filter((link) => link.id !== action.id) });

    case 'rebase':
      return { ...initialEditorState(action.base, action.baseRevision), draft: action.draft };
  }
}

function sameDraft(a: LearningDraft, b: LearningDraft): boolean {
  return JSON.stringify(normaliseDraft(a)) === JSON.stringify(normaliseDraft(b));
}

/**
 * True when leaving would lose something the person typed: the draft differs
 * from where editing started (ignoring blank entries and whitespace), or a
 * tag or evidence link is typed but not yet added.
 */
export function isDirty(state: EditorState): boolean {
  return (
    !sameDraft(state.draft, state.base) ||
    state.tagInput.trim() !== '' ||
    state.evidenceForm.url.trim() !== '' ||
    state.evidenceForm.title.trim() !== ''
  );
}

export type PreparedSave = { ok: true; draft: LearningDraft } | { ok: false; problem: string };

/**
 * The draft to send: pending tag text is added, blank entries dropped, text
 * trimmed (the domain's `normaliseDraft`). Refuses what the backend would
 * refuse, with the sentence to show, so nothing is sent in vain.
 */
export function prepareSave(state: EditorState): PreparedSave {
  let tags = state.draft.tags;
  if (state.tagInput.trim() !== '') {
    const added = addTags(tags, state.tagInput);
    if (added.error) return { ok: false, problem: added.error };
    tags = added.tags;
  }
  if (state.evidenceForm.url.trim() !== '') {
    return { ok: false, problem: 'An evidence link is typed but not added: add it, or clear the URL field.' };
  }
  const draft = normaliseDraft({ ...state.draft, tags });
  if (textLength(draft.hypothesis) > LIMITS.hypothesisChars) {
    return { ok: false, problem: `The hypothesis may be at most ${LIMITS.hypothesisChars} characters: shorten it.` };
  }
  const long = draft.learnings.findIndex((entry) => textLength(entry.text) > LIMITS.entryChars);
  if (long >= 0) {
    return {
      ok: false,
      problem: `Learning ${long + 1} is longer than ${LIMITS.entryChars} characters: split it into two.`,
    };
  }
  return { ok: true, draft };
}

/** The tag field's rules, shared by typing a comma, Enter and Save, and where it stops at the cap. */
import { textLength } from '../../../../src/domain/record/text';
import { LIMITS, normaliseTags } from '../../../../src/domain/record/learning-record';

export const TAGS_FULL = `${LIMITS.tags} tags is the most a ticket holds: remove one to add another.`;

/**
 * Adds the pending tag text (split on commas) to the tags, normalised, within
 * the limits. Returns the tags, an error sentence for anything refused, and the
 * tags refused for the cap (so the field can keep them: nothing typed is lost).
 */
export function addTags(tags: readonly string[], input: string): { tags: string[]; error: string | null; overflow: string[] } {
  const candidates = normaliseTags(input.split(','));
  let error: string | null = null;
  const next = [...tags];
  const overflow: string[] = [];
  for (const tag of candidates) {
    if (next.includes(tag)) continue;
    if (textLength(tag) > LIMITS.tagChars) {
      error = `A tag may be at most ${LIMITS.tagChars} characters.`;
      continue;
    }
    if (next.length >= LIMITS.tags) {
      error = TAGS_FULL;
      overflow.push(tag);
      continue;
    }
    next.push(tag);
  }
  return { tags: next, error, overflow };
}

export interface TagFieldState {
  tags: string[];
  tagInput: string;
  tagError: string | null;
}

/**
 * What typing in the tag field does. A comma commits what came before it; tags refused for
 * the cap stay in the field. At the cap the field may shrink but not grow, so typing is
 * never appended to a tag that cannot be added.
 */
export function typeInTagField(state: TagFieldState, text: string): TagFieldState {
  const full = state.tags.length >= LIMITS.tags;
  if (full) {
    if (text.length > state.tagInput.length) return { ...state, tagError: TAGS_FULL };
    return { ...state, tagInput: text, tagError: text.trim() === '' ? null : TAGS_FULL };
  }
  if (!text.includes(',')) return { ...state, tagInput: text, tagError: null };
  const parts = text.split(',');
  const rest = (parts.pop() ?? '').trimStart();
  const { tags, error, overflow } = addTags(state.tags, parts.join(','));
  const tagInput = overflow.length > 0 ? [...overflow, rest].filter((part) => part !== '').join(', ') : rest;
  return { tags, tagInput, tagError: error };
}

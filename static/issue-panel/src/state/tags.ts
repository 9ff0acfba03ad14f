/** The tag field's rule, shared by typing a comma, Enter and Save. */
import { textLength } from '../../../../src/domain/record/text';
import { LIMITS, normaliseTags } from '../../../../src/domain/record/learning-record';

/**
 * Adds the pending tag text (split on commas) to the tags, normalised, within
 * the limits. Returns the tags and an error sentence for anything refused.
 */
export function addTags(tags: readonly string[], input: string): { tags: string[]; error: string | null } {
  const candidates = normaliseTags(input.split(','));
  let error: string | null = null;
  const next = [...tags];
  for (const tag of candidates) {
    if (next.includes(tag)) continue;
    if (textLength(tag) > LIMITS.tagChars) {
      error = `A tag may be at most ${LIMITS.tagChars} characters.`;
      continue;
    }
    if (next.length >= LIMITS.tags) {
      error = `At most ${LIMITS.tags} tags: remove one to add another.`;
      break;
    }
    next.push(tag);
  }
  return { tags: next, error };
}

/**
 * One definition of text length for the UI and the backend: Unicode code points, so an emoji
 * counts once everywhere (zod's `.max()` and a textarea's `.length` disagree), and slicing never
 * splits a character in two.
 */

/** Length in code points. */
export const textLength = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** The first `max` code points: never a lone surrogate. */
export const sliceText = (text: string, max: number): string => (textLength(text) <= max ? text : Array.from(text).slice(0, max).join(''));

/** Shortened to `max` code points with an ellipsis when it had to be cut. */
export const shortenText = (text: string, max: number): string => (textLength(text) <= max ? text : `${sliceText(text, max - 1)}…`);

/** Control characters, zero-width characters and bidirectional overrides: invisible, and able to disguise or break text. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * A tag as it is stored and searched: compatibility-normalised (NFKC: full-width letters become
 * plain ones), case-folded (Greek final sigma too), invisible characters removed, inner spaces as
 * dashes. Tags that look the same are the same tag.
 */
export function normaliseTag(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/ς/g, 'σ').normalize('NFKC').trim().replace(/\s+/g, '-');
}

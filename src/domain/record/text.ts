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
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** C0 control characters other than tab and line breaks, and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Line ends as LF (CR LF and a lone CR folded), control characters other than tab and line breaks dropped. */
export function withPlainLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_LINE_BREAKS, '');
}

/**
 * A tag as it is stored and searched: compatibility-normalised (NFKC: full-width letters become
 * plain ones), case-folded (Greek final sigma too), invisible characters removed, inner spaces as
 * dashes. Tags that look the same are the same tag.
 */
export function normaliseTag(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/ς/g, 'σ').normalize('NFKC').trim().replace(/\s+/g, '-');
}

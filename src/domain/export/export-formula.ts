/**
 * Spreadsheet formula injection ("CSV injection") in the clipboard HTML's
 * tables (adf-to-html): pasted into Excel, Google Sheets or LibreOffice, a
 * table is read cell by cell as if typed, so a cell a person wrote as
 * `=HYPERLINK(...)` or `@SUM(...)` would run as a formula. OWASP's CSV
 * Injection guidance: a cell must not begin with `=`, `+`, `-`, `@`, tab
 * (0x09) or carriage return (0x0D); prepend such a cell with a single quote so
 * the spreadsheet reads it as text. We follow it: the quote is the
 * spreadsheets' own "this is text" prefix, and elsewhere (Confluence's editor)
 * it stays visible and honest; a zero-width guard, the other idea, is not what
 * OWASP recommends and is not a documented text marker for every spreadsheet.
 * Leading whitespace is looked through, since HTML collapses it and
 * spreadsheets may trim it. The Markdown export keeps the text as written:
 * Markdown is text, not a sheet. Pure.
 */

/** A cell that a spreadsheet could read as a formula. */
const FORMULA_START = /^(?:[\t\r]|[\s\u00a0]*[=+\-@])/;

export const FORMULA_QUOTE = "'";

export function startsLikeFormula(cellText: string): boolean {
  return FORMULA_START.test(cellText);
}

/** The cell's text, quoted when it would start a formula. */
export function quoteFormula(cellText: string): string {
  return startsLikeFormula(cellText) ? `${FORMULA_QUOTE}${cellText}` : cellText;
}

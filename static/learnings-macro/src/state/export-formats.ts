/**
 * The copy formats and their words, apart from the export code: the header names the
 * buttons on first render, while state/export.ts (Markdown and ADF writers) loads on demand.
 */

/** `page`: content for a Confluence page (formatted where the paste target reads HTML); `markdown`: Markdown text. */
export type ExportFormat = 'page' | 'markdown';

/** The words people see for each format. */
export const FORMAT_WORDS: Record<ExportFormat, { button: string; copied: string }> = {
  page: { button: 'Copy for a Confluence page', copied: 'for a Confluence page' },
  markdown: { button: 'Copy as Markdown', copied: 'as Markdown' },
};

/**
 * The export code, loaded only when someone copies: a dynamic import keeps the Markdown
 * writer (mdast) and @atlaskit/adf-utils out of the first screen's bundle, so nothing
 * that renders on first paint may import this module.
 */
import { adfToHtml } from '../../../../src/domain/export/adf-to-html';
import { learningsToAdf } from '../../../../src/domain/export/export-adf';
import { learningsToMarkdown } from '../../../../src/domain/export/export-markdown';
import type { ExportInput } from '../../../../src/domain/export/export-model';

import type { ExportFormat } from './export-formats';

export interface ExportedContent {
  /** What a plain-text field gets (chat, e-mail), and what the manual-copy fallback shows: always readable text. */
  text: string;
  /** For editors that paste HTML (Confluence's): the page content, formatted. */
  html: string | null;
}

/**
 * Page content goes on the clipboard as HTML, which Confluence's editor (and
 * most editors) paste formatted; its plain-text form is the Markdown, so a chat
 * or a text field gets readable text, never a JSON document.
 */
export function exportContent(format: ExportFormat, input: ExportInput): ExportedContent {
  const markdown = learningsToMarkdown(input);
  if (format === 'markdown') return { text: markdown, html: null };
  return { text: markdown, html: adfToHtml(learningsToAdf(input)) };
}

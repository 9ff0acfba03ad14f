/**
 * The export code, loaded only when someone copies (a dynamic import keeps
 * @atlaskit/adf-utils out of the first screen's bundle).
 */
import { adfToHtml } from '../../../../src/domain/export/adf-to-html';
import { learningsToAdf } from '../../../../src/domain/export/export-adf';
import { learningsToMarkdown } from '../../../../src/domain/export/export-markdown';
import type { ExportInput } from '../../../../src/domain/export/export-model';

export type ExportFormat = 'adf' | 'markdown';

export interface ExportedContent {
  /** What a plain-text field gets, and what the manual-copy fallback shows. */
  text: string;
  /** For editors that paste HTML (Confluence's): the same ADF, rendered. */
  html: string | null;
}

export function exportContent(format: ExportFormat, input: ExportInput): ExportedContent {
  if (format === 'markdown') return { text: learningsToMarkdown(input), html: null };
  const adf = learningsToAdf(input);
  return { text: JSON.stringify(adf, null, 2), html: adfToHtml(adf) };
}

/**
 * The export code, loaded only when someone copies (a dynamic import keeps
 * @atlaskit/adf-utils out of the first screen's bundle).
 */
import { learningsToAdf } from '../../../src/domain/export-adf';
import { learningsToMarkdown } from '../../../src/domain/export-markdown';
import type { ExportInput } from '../../../src/domain/export-model';

export type ExportFormat = 'adf' | 'markdown';

export function exportText(format: ExportFormat, input: ExportInput): string {
  return format === 'adf' ? JSON.stringify(learningsToAdf(input), null, 2) : learningsToMarkdown(input);
}

/** What the export view gives back (export-view.ts): per macro, its adfExport ADF or why there is none. */
import type { PageRow } from '../confluence/confluence-content';

export type ExportType = 'pdf' | 'word' | 'other';
export const EXPORT_TYPES: ExportType[] = ['pdf', 'word', 'other'];

export interface ExportedMacro {
  localId: string;
  moduleKey: string;
  title: string;
  /** What the adfExport function returned (JSON round-tripped). */
  adf?: unknown;
  /** Why there is nothing: no such module, no adfExport, or the function failed. */
  problem?: string;
}

export interface ExportedPage {
  page: PageRow;
  exportType: ExportType;
  macros: ExportedMacro[];
}

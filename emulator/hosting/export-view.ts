/**
 * "Export this page", as Confluence's PDF and Word export sees a page: its
 * text, and for each macro what the macro's `adfExport` function answers,
 * called once per macro instance as Confluence calls it (`payload.exportType`
 * 'pdf' | 'word' | 'other', `payload.context` the macro's context with its
 * config, the exporting person as principal). A Custom UI macro without
 * `adfExport` exports nothing, as in Confluence.
 */
import type { MacroBlock, PageRow } from '../confluence/confluence-content';
import { ConfluenceError } from '../confluence/confluence-content';
import type { SiteParts } from '../site/site-parts';
import { EXPORT_TYPES, type ExportedMacro, type ExportedPage, type ExportType } from './export-types';
import { macroContext } from './module-contexts';

export { EXPORT_TYPES, type ExportedMacro, type ExportedPage, type ExportType } from './export-types';

async function exportMacro(
  parts: SiteParts,
  accountId: string,
  page: PageRow,
  macro: MacroBlock,
  exportType: ExportType,
): Promise<ExportedMacro> {
  const module = parts.registry.module('macro', macro.moduleKey);
  const base = { localId: macro.localId, moduleKey: macro.moduleKey, title: module?.title ?? macro.moduleKey };
  if (!module) return { ...base, problem: `The macro module "${macro.moduleKey}" is not declared in the manifest.` };
  const functionKey = module.functions?.adfExport;
  if (!functionKey) return { ...base, problem: 'This macro declares no adfExport: Confluence exports nothing of it.' };
  const space = parts.confluence.getSpace(page.spaceKey);
  if (!space) return { ...base, problem: `No space ${page.spaceKey}.` };
  const context = macroContext({ module, space, page, macro, siteUrl: parts.siteUrl() });
  try {
    const outcome = await parts.invokeFunction({ functionKey, event: { exportType, context }, accountId, context, source: 'host' });
    return { ...base, adf: outcome.result };
  } catch (error) {
    return { ...base, problem: `The adfExport function failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Every macro of the page exported as this person, in page order (one invocation each, in parallel). */
export async function exportPage(
  parts: SiteParts,
  accountId: string,
  pageId: string,
  exportType: ExportType = 'pdf',
): Promise<ExportedPage> {
  const page = parts.confluence.getPage(pageId);
  if (!page) throw new ConfluenceError(404, `No page ${pageId}.`);
  if (!EXPORT_TYPES.includes(exportType)) throw new ConfluenceError(400, `exportType must be one of ${EXPORT_TYPES.join(', ')}.`);
  const macros = page.blocks.filter((b): b is MacroBlock => b.type === 'macro');
  return { page, exportType, macros: await Promise.all(macros.map((m) => exportMacro(parts, accountId, page, m, exportType))) };
}

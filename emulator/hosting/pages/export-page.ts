/** The export view of a Confluence page: its text, and each macro as its adfExport ADF renders. */
import type { SpaceRow } from '../../confluence/confluence-content';
import { adfToHtml } from '../adf-html';
import { EXPORT_TYPES, type ExportedPage } from '../export-view';
import { esc, layout, type PageFrame } from './html';

export function renderExportPage(frame: PageFrame, space: SpaceRow, exported: ExportedPage): string {
  const { page, exportType } = exported;
  const here = `/wiki/spaces/${encodeURIComponent(space.key)}/pages/${encodeURIComponent(page.id)}`;
  const byId = new Map(exported.macros.map((m) => [m.localId, m]));
  const blocks = page.blocks
    .map((block) => {
      if (block.type === 'paragraph') return `<p>${esc(block.text)}</p>`;
      const macro = byId.get(block.localId);
      const body = macro?.problem ? `<p class="ll-muted">${esc(macro.problem)}</p>` : adfToHtml(macro?.adf);
      return `<section class="ll-export-macro" data-macro="${esc(block.localId)}" data-module="${esc(block.moduleKey)}" aria-label="${esc(macro?.title ?? block.moduleKey)}">${body}</section>`;
    })
    .join('\n');
  const types = EXPORT_TYPES.map((t) => (t === exportType ? `<strong>${t}</strong>` : `<a href="${here}/export?type=${t}">${t}</a>`)).join(
    ' · ',
  );
  const body = `<nav class="ll-breadcrumbs" aria-label="Breadcrumbs"><a href="/wiki">Spaces</a> / <a href="/wiki/spaces/${esc(space.key)}">${esc(space.name)}</a> / <a href="${here}">${esc(page.title)}</a> / <span>Export</span></nav>
    <p class="ll-muted ll-small">As Confluence's export prints it, for ${esc(frame.user.displayName)}: each macro is what its <code>adfExport</code> function returned (exportType ${types}).</p>
    <article class="ll-confluence-page ll-export" data-page="${esc(page.id)}" data-export-type="${esc(exportType)}">
      <h1 id="page-title">${esc(page.title)}</h1>
      <div class="ll-page-body">${blocks}</div>
    </article>`;
  return layout(frame, `${page.title} (export)`, body, 'confluence');
}

/** `GET /wiki/spaces/:spaceKey/pages/:pageId/export?type=pdf|word|other`: the page as Confluence's export sees it. */
import type { Express } from 'express';
import { ConfluenceError } from '../confluence/confluence-content';
import type { SiteParts } from '../site/site-parts';
import { exportPage, EXPORT_TYPES, type ExportType } from './export-view';
import { fail, pageFrameOf, queryText, sendHtml, wantsJson } from './http-helpers';
import { renderExportPage } from './pages/export-page';

export function mountExportView(app: Express, parts: SiteParts): void {
  app.get('/wiki/spaces/:spaceKey/pages/:pageId/export', async (req, res) => {
    const frame = pageFrameOf(parts, req);
    const page = parts.confluence.getPage(req.params.pageId);
    const space = page && parts.confluence.getSpace(page.spaceKey);
    if (!page || !space || space.key !== req.params.spaceKey.toUpperCase()) {
      fail(req, res, new ConfluenceError(404, `No page ${req.params.pageId} in space ${req.params.spaceKey}.`), '/wiki');
      return;
    }
    const asked = queryText(req, 'type', 'pdf');
    const exportType: ExportType = EXPORT_TYPES.includes(asked as ExportType) ? (asked as ExportType) : 'pdf';
    const exported = await exportPage(parts, frame.user.accountId, page.id, exportType);
    if (wantsJson(req)) res.json({ ok: true, value: { exportType, macros: exported.macros } });
    else sendHtml(res, 200, renderExportPage(frame, space, exported));
  });
}

/** The Jira-like pages: the index, the app's global page and the issue navigator (an issue and its apps: issue-app-routes.ts). */
import type { Express } from 'express';
import type { SiteParts } from '../site/site-parts';
import { pageFrameOf, queryText, sendHtml } from './http-helpers';
import { GLOBAL_PAGE_PATH } from './module-contexts';
import type { ModuleHosts } from './module-hosts';
import { renderGlobalPage } from './pages/global-page';
import { layout } from './pages/html';
import { renderIndexPage, renderIssueSearchPage } from './pages/jira-pages';

export function mountJiraPages(app: Express, parts: SiteParts, hosts: ModuleHosts): void {
  const { store, jira, registry, presentation } = parts;

  app.get('/', (req, res) => {
    const view = {
      ...hosts.indexLinks(),
      globalPagePath: GLOBAL_PAGE_PATH,
      column: presentation.issueColumn,
      panelTitle: registry.modules('jira:issuePanel')[0]?.title,
    };
    sendHtml(res, 200, renderIndexPage(pageFrameOf(parts, req), store, view));
  });

  // Jira's Apps menu opens an app's global page at /jira/apps/{appId}/{envId}.
  app.get(GLOBAL_PAGE_PATH, (req, res) => {
    const frame = pageFrameOf(parts, req);
    const hosted = hosts.openGlobalPage(frame.user.accountId, frame.colorMode);
    if (!hosted) {
      sendHtml(res, 404, layout(frame, 'Not found', '<h1>Not found</h1><p>This app declares no jira:globalPage module.</p>'));
      return;
    }
    sendHtml(res, 200, renderGlobalPage(frame, hosted.module, hosted.opened));
  });

  app.get('/browse/:key', (req, res) => {
    res.redirect(302, `/jira/browse/${encodeURIComponent(req.params.key)}`);
  });
  app.get('/issues', (req, res) => {
    res.redirect(302, `/jira/issues?jql=${encodeURIComponent(queryText(req, 'jql'))}`);
  });

  app.get('/jira/issues', (req, res) => {
    const frame = pageFrameOf(parts, req);
    const jql = queryText(req, 'jql');
    const run = jira.search.run({ kind: 'user', accountId: frame.user.accountId }, jql);
    const found = { issues: run.issues, errors: run.compiled.errors };
    sendHtml(res, run.compiled.errors.length ? 400 : 200, renderIssueSearchPage(frame, store, jql, found, presentation.issueColumn));
  });
}

/** The Jira-like pages: the index and the issue navigator (an issue and its apps: issue-app-routes.ts). */
import type { Express } from 'express';
import type { SiteParts } from '../site/site-parts';
import { pageFrameOf, queryText, sendHtml } from './http-helpers';
import type { ModuleHosts } from './module-hosts';
import { renderIndexPage, renderIssueSearchPage } from './pages/jira-pages';

export function mountJiraPages(app: Express, parts: SiteParts, hosts: ModuleHosts): void {
  const { store, jira, registry, presentation } = parts;

  app.get('/', (req, res) => {
    const view = { ...hosts.indexLinks(), column: presentation.issueColumn, panelTitle: registry.modules('jira:issuePanel')[0]?.title };
    sendHtml(res, 200, renderIndexPage(pageFrameOf(parts, req), store, view));
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

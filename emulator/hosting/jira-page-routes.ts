/** The Jira-like pages: the index, an issue with the manifest's issue panel, and the issue navigator. */
import type { Express } from 'express';
import type { SiteParts } from '../site/site-parts';
import { pageFrameOf, sendHtml } from './http-helpers';
import type { ModuleHosts } from './module-hosts';
import { renderIndexPage, renderIssuePage, renderIssueSearchPage, renderNotFoundPage } from './pages/jira-pages';

export function mountJiraPages(app: Express, parts: SiteParts, hosts: ModuleHosts): void {
  const { store, jira, registry, presentation } = parts;

  app.get('/', (req, res) => {
    const view = { ...hosts.indexLinks(), column: presentation.issueColumn, panelTitle: registry.modules('jira:issuePanel')[0]?.title };
    sendHtml(res, 200, renderIndexPage(pageFrameOf(parts, req), store, view));
  });

  app.get('/browse/:key', (req, res) => res.redirect(302, `/jira/browse/${encodeURIComponent(req.params.key)}`));
  app.get('/issues', (req, res) => res.redirect(302, `/jira/issues?jql=${encodeURIComponent(String(req.query.jql ?? ''))}`));

  app.get('/jira/issues', (req, res) => {
    const frame = pageFrameOf(parts, req);
    const jql = String(req.query.jql ?? '');
    const run = jira.search.run({ kind: 'user', accountId: frame.user.accountId }, jql);
    const found = { issues: run.issues, errors: run.compiled.errors };
    sendHtml(res, run.compiled.errors.length ? 400 : 200, renderIssueSearchPage(frame, store, jql, found, presentation.issueColumn));
  });

  app.get('/jira/browse/:key', (req, res) => {
    const frame = pageFrameOf(parts, req);
    const issue = store.getIssue(req.params.key);
    const project = issue && store.getProject(issue.projectKey);
    // As Jira: an issue you cannot browse looks exactly like one that does not exist.
    if (!issue || !project || store.permissionLevel(frame.user.accountId, project.key) === 'none') {
      sendHtml(res, 404, renderNotFoundPage(frame, req.params.key));
      return;
    }
    const panel = parts.openIssuePanel(frame.user.accountId, issue.key, frame.colorMode);
    sendHtml(res, 200, renderIssuePage(frame, store, issue, project, panel));
  });
}

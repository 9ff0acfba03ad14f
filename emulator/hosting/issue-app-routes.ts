/**
 * An issue's page and its apps: the issue panels placed on it, the "Apps"
 * button that adds one, the panel menu (remove; admins: show for / hide from
 * all work items), the glances and the side panel a glance opens in.
 */
import express, { type Express, type Request, type Response } from 'express';
import { JiraPermissions } from '../jira/jira-permissions';
import type { SiteParts } from '../site/site-parts';
import { fail, pageFrameOf, sendHtml } from './http-helpers';
import { issueAppsView } from './issue-apps';
import { renderIssuePage, renderNotFoundPage } from './pages/jira-pages';

type PanelAction = 'add' | 'remove' | 'pin' | 'unpin';
const ACTIONS: PanelAction[] = ['add', 'remove', 'pin', 'unpin'];

/** The issue and its project if the person may browse it: else Jira's "you can't view this issue". */
function browsable(parts: SiteParts, req: Request, res: Response) {
  const frame = pageFrameOf(parts, req);
  const issue = parts.store.getIssue(String(req.params.key));
  const project = issue && parts.store.getProject(issue.projectKey);
  // As Jira: an issue you cannot browse looks exactly like one that does not exist.
  if (!issue || !project || parts.store.permissionLevel(frame.user.accountId, project.key) === 'none') {
    sendHtml(res, 404, renderNotFoundPage(frame, String(req.params.key)));
    return undefined;
  }
  return { frame, issue, project };
}

export function mountIssueAppPages(app: Express, parts: SiteParts): void {
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  app.get('/jira/browse/:key', async (req, res) => {
    const found = browsable(parts, req, res);
    if (!found) return;
    const { frame, issue, project } = found;
    const query = {
      ...(typeof req.query.glance === 'string' ? { glance: req.query.glance } : {}),
      ...(typeof req.query.added === 'string' ? { added: req.query.added } : {}),
    };
    const apps = await issueAppsView(parts, frame.user, issue, project, query, frame.colorMode);
    sendHtml(res, 200, renderIssuePage(frame, parts.store, issue, project, apps));
  });

  app.post('/jira/browse/:key/panels/:moduleKey/:action', form, (req, res) => {
    const found = browsable(parts, req, res);
    if (!found) return;
    const { frame, issue } = found;
    const action = req.params.action as PanelAction;
    const back = `/jira/browse/${encodeURIComponent(issue.key)}`;
    const module = parts.registry.module('jira:issuePanel', req.params.moduleKey);
    if (!module || !ACTIONS.includes(action)) {
      fail(req, res, Object.assign(new Error(`No issue panel action "${action}" for "${req.params.moduleKey}".`), { status: 404 }), back);
      return;
    }
    const admin = new JiraPermissions(parts.store).isAdmin(frame.user.accountId);
    if ((action === 'pin' || action === 'unpin') && !admin) {
      fail(req, res, Object.assign(new Error('Only Jira admins can show or hide a panel for all work items.'), { status: 403 }), back);
      return;
    }
    if (action === 'add') parts.panels.add(issue.key, module.key);
    else if (action === 'remove') parts.panels.remove(issue.key, module.key);
    else if (action === 'pin') parts.panels.pin(module.key);
    else parts.panels.unpin(module.key);
    // The frame opened right after adding is told so (isNewToIssue).
    res.redirect(303, action === 'add' ? `${back}?added=${encodeURIComponent(module.key)}` : back);
  });
}

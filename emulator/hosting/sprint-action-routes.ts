/**
 * A board's backlog page and its sprint actions: choosing a jira:sprintAction from a sprint's
 * "..." menu opens the module's resource in a modal, with the sprint action's context
 * (sprint-action-context.ts); the app's `view.close()` closes it.
 */
import type { Express, Request } from 'express';
import { ConfluenceError } from '../confluence/confluence-stand-in';
import { boardIdOf } from '../jira-software/agile-stand-in';
import type { SiteParts } from '../site/site-parts';
import type { ProjectRow, SprintRow } from '../store/rows';
import { sandboxOf } from './frame-policy';
import { openedFrame, type ColorMode } from './frames';
import { fail, pageFrameOf, sendHtml } from './http-helpers';
import { renderBacklogPage, type OpenAction } from './pages/backlog-page';
import { backlogPathOf, sprintActionContext } from './sprint-action-context';

/** Sprint actions show on active and future sprints (the module's context knows no other state). */
const actionableSprints = (parts: SiteParts, project: ProjectRow): SprintRow[] =>
  parts.store
    .listSprints(project.key)
    .filter((s) => s.state === 'active' || s.state === 'future')
    .sort((a, b) => (a.state === b.state ? Date.parse(a.startDate) - Date.parse(b.startDate) : a.state === 'active' ? -1 : 1));

function openAction(parts: SiteParts, req: Request, project: ProjectRow, accountId: string, colorMode: ColorMode): OpenAction | null {
  const { action, sprint: sprintParam } = req.query;
  if (typeof action !== 'string' || typeof sprintParam !== 'string') return null;
  const module = parts.registry.module('jira:sprintAction', action);
  const sprint = actionableSprints(parts, project).find((s) => String(s.id) === sprintParam);
  if (!module || !sprint)
    throw new ConfluenceError(404, `No sprint action "${action}" on an active or future sprint ${sprintParam} of this board.`);
  const place = { project, boardId: boardIdOf(project), sprint };
  const grant = parts.frames.issue({
    resource: module.resource,
    accountId,
    context: sprintActionContext(module, place, parts.siteUrl()),
    colorMode,
    role: { kind: 'sprint-action', sprintId: sprint.id },
  });
  return { module, sprint, frame: openedFrame(grant, sandboxOf(parts.registry.permissions())) };
}

export function mountSprintActions(app: Express, parts: SiteParts): void {
  app.get('/jira/software/projects/:key/boards/:boardId/backlog', (req, res) => {
    const frame = pageFrameOf(parts, req);
    const project = parts.store.getProject(req.params.key);
    const here = project ? backlogPathOf(project.key, boardIdOf(project)) : '/';
    if (
      !project ||
      String(boardIdOf(project)) !== req.params.boardId ||
      parts.store.permissionLevel(frame.user.accountId, project.key) === 'none'
    ) {
      fail(
        req,
        res,
        new ConfluenceError(404, `No board ${req.params.boardId} in project ${req.params.key} (or you cannot browse the project).`),
        '/',
      );
      return;
    }
    try {
      const open = openAction(parts, req, project, frame.user.accountId, frame.colorMode);
      const actions = parts.registry.modules('jira:sprintAction');
      sendHtml(res, 200, renderBacklogPage(frame, { project, here, sprints: actionableSprints(parts, project), actions, open }));
    } catch (error) {
      fail(req, res, error, here);
    }
  });
}

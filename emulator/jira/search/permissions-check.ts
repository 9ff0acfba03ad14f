/** POST /rest/api/3/permissions/check: which of the given issues and projects a user (the caller, or another for apps and admins) may act on. */
import { answer, errorBody, type AccessLevel, type RouteAnswer, type RouteRequest, type SearchActor, type SearchHost } from './search-http';
import { defined } from '../../shared/defined';
import { passesSecurity } from '../../store/issue-security';

export function permissionsCheck(host: SearchHost, req: RouteRequest): RouteAnswer {
  let body: { accountId?: unknown; projectPermissions?: unknown; globalPermissions?: unknown };
  try {
    body = (req.bodyText ? JSON.parse(req.bodyText) : {}) as typeof body;
  } catch {
    return answer(400, errorBody('Invalid request payload. Refer to the REST API documentation and try again.'));
  }
  const store = host.store;
  let subject: SearchActor = req.actor;
  if (typeof body.accountId === 'string' && body.accountId !== '') {
    const user = store.getUser(body.accountId);
    if (!user)
      return answer(400, { errorMessages: [], errors: { accountId: `The user with account ID '${body.accountId}' does not exist.` } });
    const self = req.actor.kind === 'user' && req.actor.accountId === user.accountId;
    const allowed = req.actor.kind === 'app' || self || (req.actor.kind === 'user' && isSiteAdmin(host, req.actor));
    if (!allowed) return answer(403, errorBody('Only Jira administrators and apps can check the permissions of other users.'));
    subject = { kind: 'user', accountId: user.accountId };
  }
  const needs: Record<string, Exclude<AccessLevel, 'none'>> = {
    BROWSE_PROJECTS: 'browse',
    ADD_COMMENTS: 'browse',
    EDIT_ISSUES: 'edit',
    CREATE_ISSUES: 'edit',
    ASSIGN_ISSUES: 'edit',
    TRANSITION_ISSUES: 'edit',
    MANAGE_SPRINTS_PERMISSION: 'manage-sprints',
    DELETE_ISSUES: 'admin',
    ADMINISTER_PROJECTS: 'admin',
  };
  const rank: Record<AccessLevel, number> = { none: 0, browse: 1, edit: 2, 'manage-sprints': 3, admin: 4 };
  const members = store.issueSecurity.members();
  const requests = Array.isArray(body.projectPermissions) ? (body.projectPermissions as Array<Record<string, unknown>>) : [];
  const projectPermissions: Array<{ permission: string; issues: number[]; projects: number[] }> = [];
  for (const request of requests) {
    const permissions = Array.isArray(request.permissions) ? (request.permissions as unknown[]).map(String) : [];
    const unknown = permissions.filter((p) => !needs[p]);
    if (unknown.length > 0) return answer(400, errorBody(`Unrecognized permission keys: ${unknown.join(', ')}`));
    const issues = Array.isArray(request.issues) ? (request.issues as unknown[]) : [];
    const projects = Array.isArray(request.projects) ? (request.projects as unknown[]) : [];
    for (const permission of permissions) {
      const need = rank[defined(needs[permission], `permission ${permission}`)]; // unknown keys were refused above
      const allowedIssues = issues.map(Number).filter((id) => {
        const issue = Number.isInteger(id) ? store.getIssue(String(id)) : undefined;
        return issue !== undefined && rank[host.level(subject, issue.projectKey)] >= need && passesSecurity(members, subject, issue.id);
      });
      const allowedProjects = projects.map(Number).filter((id) => {
        const project = Number.isInteger(id) ? store.listProjects().find((p) => p.id === String(id)) : undefined;
        return project !== undefined && rank[host.level(subject, project.key)] >= need;
      });
      projectPermissions.push({ permission, issues: allowedIssues, projects: allowedProjects });
    }
  }
  const globalAsked = Array.isArray(body.globalPermissions) ? (body.globalPermissions as unknown[]).map(String) : [];
  const globalPermissions = globalAsked.filter((p) => {
    if (p === 'ADMINISTER' || p === 'SYSTEM_ADMIN')
      return subject.kind === 'app' || (subject.kind === 'user' && isSiteAdmin(host, subject));
    return ['USER_PICKER', 'CREATE_SHARED_OBJECTS', 'BROWSE_USERS'].includes(p);
  });
  return answer(200, { globalPermissions, projectPermissions });
}

function isSiteAdmin(host: SearchHost, actor: SearchActor): boolean {
  return host.store.listProjects().some((p) => host.level(actor, p.key) === 'admin');
}

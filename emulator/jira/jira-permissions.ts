/** Who may do what on the emulated Jira: each user's level per project (none, browse, edit, manage sprints; admin for the site admin), and GET /mypermissions. */
import type { StandInActor, StandInResponse } from '../runtime/stand-in-http';
import type { LocalStore } from '../store/local-store';
import { passesSecurity } from '../store/issue-security';
import type { IssueRow } from '../store/rows';
import { errors, ISSUE_NOT_FOUND, json, listParam, type Ctx } from './jira-http';
import { defined } from '../shared/defined';

export type AccessLevel = 'none' | 'browse' | 'edit' | 'manage-sprints' | 'admin';

/** Each level includes those before it: the site admin manages sprints everywhere. */
export const ACCESS_RANK: Record<AccessLevel, number> = { none: 0, browse: 1, edit: 2, 'manage-sprints': 3, admin: 4 };

const PERMISSIONS: Record<
  string,
  { id: string; name: string; type: 'PROJECT' | 'GLOBAL'; description: string; needs: Exclude<AccessLevel, 'none'> }
> = {
  BROWSE_PROJECTS: {
    id: '10',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
    needs: 'browse',
  },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.', needs: 'edit' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.', needs: 'edit' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.', needs: 'browse' },
  ASSIGN_ISSUES: {
    id: '13',
    name: 'Assign Issues',
    type: 'PROJECT',
    description: 'Ability to assign issues to other people.',
    needs: 'edit',
  },
  MANAGE_SPRINTS_PERMISSION: {
    id: '-1',
    name: 'Manage sprints',
    type: 'PROJECT',
    description: 'Ability to manage sprints.',
    needs: 'manage-sprints',
  },
  ADMINISTER_PROJECTS: {
    id: '23',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
    needs: 'admin',
  },
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description: 'Ability to perform most administration functions.',
    needs: 'admin',
  },
};

export class JiraPermissions {
  constructor(private readonly store: LocalStore) {}

  level(actor: StandInActor, projectKey: string): AccessLevel {
    if (actor.kind === 'app') return 'admin';
    if (actor.kind !== 'user') return 'none';
    const level = this.store.permissionLevel(actor.accountId, projectKey);
    // Alice is the site admin of the demo.
    return level !== 'none' && level !== 'browse' && this.isAdmin(actor.accountId) ? 'admin' : level;
  }

  isAdmin(accountId: string): boolean {
    return this.store.getUser(accountId)?.handle === 'alice';
  }

  canBrowse(actor: StandInActor, issue: IssueRow): boolean {
    return this.level(actor, issue.projectKey) !== 'none' && passesSecurity(this.store.issueSecurity.members(), actor, issue.id);
  }

  canEdit(actor: StandInActor, issue: IssueRow): boolean {
    return ACCESS_RANK[this.level(actor, issue.projectKey)] >= ACCESS_RANK.edit;
  }

  /** The issue if it exists and the actor may browse it: Jira answers 404 for both cases alike. */
  browsable(actor: StandInActor, idOrKey: string): IssueRow | undefined {
    const issue = this.store.getIssue(idOrKey);
    return issue && this.canBrowse(actor, issue) ? issue : undefined;
  }
}

/** GET /rest/api/3/mypermissions: for an issue, a project, or the best level over all projects (as Jira does). */
export function myPermissions(store: LocalStore, access: JiraPermissions, ctx: Ctx): StandInResponse {
  const keys = listParam(ctx.url, 'permissions');
  if (!keys || keys.length === 0) return errors(ctx, 400, "The 'permissions' query parameter is required.");
  const unknown = keys.filter((k) => !PERMISSIONS[k]);
  if (unknown.length > 0) return errors(ctx, 400, `Unrecognized permission keys: ${unknown.join(', ')}`);

  // The scope: an issue, a project, or none (the best level over all projects, as Jira does).
  const issueRef = ctx.url.searchParams.get('issueKey') ?? ctx.url.searchParams.get('issueId');
  const projectRef = ctx.url.searchParams.get('projectKey') ?? ctx.url.searchParams.get('projectId');
  let levels: Array<AccessLevel>;
  if (issueRef) {
    const issue = access.browsable(ctx.actor, issueRef);
    if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
    levels = [access.level(ctx.actor, issue.projectKey)];
  } else if (projectRef) {
    const project = store.getProject(projectRef);
    if (!project || access.level(ctx.actor, project.key) === 'none') {
      return errors(ctx, 404, `No project could be found with key '${projectRef}'.`);
    }
    levels = [access.level(ctx.actor, project.key)];
  } else {
    levels = store.listProjects().map((p) => access.level(ctx.actor, p.key));
  }
  const rank = ACCESS_RANK;
  const best = levels.reduce<AccessLevel>((a, b) => (rank[b] > rank[a] ? b : a), 'none');
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const p = defined(PERMISSIONS[key], `permission ${key}`); // unknown keys were refused above
    permissions[key] = {
      id: p.id,
      key,
      name: p.name,
      type: p.type,
      description: p.description,
      havePermission: rank[best] >= rank[p.needs],
    };
  }
  return json(ctx, 200, { permissions });
}

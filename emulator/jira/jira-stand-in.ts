/**
 * The Jira Cloud REST endpoints the app uses, answered from the local store
 * with Jira's shapes, statuses and permission checks for the acting user.
 */
import { STATUS_CODES } from 'node:http';
import { RawJson, stringifyWithRaw } from './raw-json';
import type { IssueRow, LocalStore, ProjectRow, UserRow } from '../store/local-store';
import { AgileStandIn } from '../jira-software/agile-stand-in';
import { JiraSearch } from './search/search-service';

/** Who Jira sees: a person (asUser, or the page), the app (asApp, full access), or nobody. */
export type JiraActor = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

export interface StandInRequest {
  method: string;
  /** Path with query, e.g. "/rest/api/3/issue/FLEX-112?fields=summary". */
  path: string;
  headers: Headers;
  bodyText: string | null;
}

export interface StandInResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string | null;
  /** Method and path template, for accounting. */
  endpoint: string;
}

/** Jira's limit on one property value, in characters of its JSON. */
export const PROPERTY_VALUE_MAX_CHARS = 32768;
const PROPERTY_KEY_MAX_CHARS = 255;

const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** The app itself, as Jira answers /myself for asApp calls. */
export const APP_USER = {
  accountId: '557058:f1c7a1e2-7d6b-4c43-9e0c-1e4f5b6a7c8d',
  displayName: 'Learning Loop',
};

const STATUSES: Record<IssueRow['status'], { id: string; category: { id: number; key: string; colorName: string; name: string } }> = {
  'To Do': { id: '10000', category: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' } },
  'In Progress': { id: '3', category: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' } },
  'In Review': { id: '10002', category: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' } },
  Done: { id: '10001', category: { id: 3, key: 'done', colorName: 'green', name: 'Done' } },
};

const ISSUE_TYPES: Record<IssueRow['issueType'], { id: string; hierarchyLevel: number; description: string }> = {
  Epic: { id: '10000', hierarchyLevel: 1, description: 'A big user story that needs to be broken down.' },
  Story: { id: '10001', hierarchyLevel: 0, description: "Functionality or a feature expressed as a user goal." },
  Task: { id: '10002', hierarchyLevel: 0, description: 'A small, distinct piece of work.' },
  Bug: { id: '10003', hierarchyLevel: 0, description: 'A problem or error.' },
};

export const issueTypeIdOf = (type: IssueRow['issueType']): string => ISSUE_TYPES[type].id;

const NAVIGABLE_FIELDS = [
  'summary', 'status', 'description', 'project', 'issuetype', 'assignee', 'reporter', 'labels', 'created', 'updated',
  'priority', 'customfield_10020',
] as const;
type FieldName = (typeof NAVIGABLE_FIELDS)[number];
const FIELD_NAMES: Record<FieldName, string> = {
  summary: 'Summary', status: 'Status', description: 'Description', project: 'Project', issuetype: 'Issue Type',
  assignee: 'Assignee', reporter: 'Reporter', labels: 'Labels', created: 'Created', updated: 'Updated',
  priority: 'Priority', customfield_10020: 'Sprint',
};

const PERMISSIONS: Record<string, { id: string; name: string; type: 'PROJECT' | 'GLOBAL'; description: string; needs: 'browse' | 'edit' | 'admin' }> = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.', needs: 'browse' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.', needs: 'edit' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.', needs: 'edit' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.', needs: 'browse' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.', needs: 'edit' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.', needs: 'admin' },
  ADMINISTER: { id: '0', name: 'Administer Jira', type: 'GLOBAL', description: 'Ability to perform most administration functions.', needs: 'admin' },
};

/** Jira's timestamp format: 2026-11-16T10:00:00.000+0000. */
export const jiraTime = (iso: string): string => iso.replace(/Z$/, '+0000');

/** A planted failure, for fault tests: the next matching call(s) get this answer instead. */
export interface JiraFault {
  /** e.g. "PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}"; any endpoint when absent. */
  endpoint?: string;
  /** Only calls whose path contains this (e.g. an issue key). */
  pathIncludes?: string;
  status: number;
  headers?: Record<string, string>;
  /** JSON body; Jira's errorMessages shape when absent. */
  body?: unknown;
  /** How many calls fail (default 1). */
  times?: number;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  handle: (ctx: Ctx, params: string[]) => StandInResponse;
}

interface Ctx {
  actor: JiraActor;
  url: URL;
  req: StandInRequest;
  endpoint: string;
}

const json = (ctx: Ctx, status: number, body: unknown): StandInResponse => ({
  status,
  statusText: STATUS_CODES[status] ?? '',
  headers: { 'content-type': 'application/json;charset=UTF-8' },
  body: stringifyWithRaw(body),
  endpoint: ctx.endpoint,
});

const empty = (ctx: Ctx, status: number): StandInResponse => ({
  status,
  statusText: STATUS_CODES[status] ?? '',
  headers: status === 204 ? {} : { 'content-type': 'application/json;charset=UTF-8' },
  body: null,
  endpoint: ctx.endpoint,
});

const errors = (ctx: Ctx, status: number, ...messages: string[]): StandInResponse =>
  json(ctx, status, { errorMessages: messages, errors: {} });

/** Values of a comma-separated, possibly repeated query parameter. */
const listParam = (url: URL, name: string): string[] | undefined => {
  const raw = url.searchParams.getAll(name);
  if (raw.length === 0) return undefined;
  return raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
};

export class JiraStandIn {
  private readonly routes: Route[];
  private faults: Array<JiraFault & { left: number }> = [];
  /** Issue search (JQL), with its settings: `search.settings.indexDelayMs`, `search.settings.now`. */
  readonly search: JiraSearch;

  constructor(
    private readonly store: LocalStore,
    private readonly siteUrl: () => string,
  ) {
    this.search = new JiraSearch({
      store,
      siteUrl,
      level: (actor, projectKey) => this.level(actor, projectKey),
      fieldValue: (issue, field) => ((NAVIGABLE_FIELDS as readonly string[]).includes(field) ? this.fieldValue(issue, field as FieldName) : undefined),
      userJson: (user) => this.userJson(user),
    });
    const route = (method: string, template: string, handle: Route['handle']): Route => ({
      method,
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}/?$`),
      handle,
    });
    this.routes = [
      route('GET', '/rest/api/3/issue/{issueIdOrKey}', (c, [k]) => this.getIssue(c, k!)),
      route('GET', '/rest/api/3/issue/{issueIdOrKey}/properties', (c, [k]) => this.listProperties(c, k!)),
      route('GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (c, [k, p]) => this.getProperty(c, k!, p!)),
      route('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (c, [k, p]) => this.setProperty(c, k!, p!)),
      route('DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (c, [k, p]) => this.deleteProperty(c, k!, p!)),
      route('GET', '/rest/api/3/mypermissions', (c) => this.myPermissions(c)),
      route('GET', '/rest/api/3/myself', (c) => this.myself(c)),
      route('GET', '/rest/api/3/user', (c) => this.user(c)),
      route('GET', '/rest/api/3/user/bulk', (c) => this.userBulk(c)),
      // Search, JQL, permissions/check and the Agile API (local/jira-search, local/agile-stand-in.ts).
      ...[...this.search.routes(), ...new AgileStandIn(store, this.search, siteUrl).routes()].map((r) =>
        route(r.method, r.template, (c, params) => {
          const out = r.handle({ actor: c.actor, url: c.url, method: c.req.method.toUpperCase(), bodyText: c.req.bodyText }, params);
          return json(c, out.status, out.body);
        }),
      ),
    ];
  }

  handle(actor: JiraActor, req: StandInRequest): StandInResponse {
    const url = new URL(req.path, 'http://jira.local');
    const method = req.method.toUpperCase();
    const matching = this.routes.filter((r) => r.pattern.test(url.pathname));
    const found = matching.find((r) => r.method === method);
    const ctx: Ctx = { actor, url, req, endpoint: found ? `${method} ${found.template}` : `${method} ${url.pathname}` };
    const fault = this.faults.find((f) => (!f.endpoint || f.endpoint === ctx.endpoint) && (!f.pathIncludes || req.path.includes(f.pathIncludes)));
    if (fault) {
      fault.left -= 1;
      if (fault.left <= 0) this.faults = this.faults.filter((f) => f !== fault);
      const res = json(ctx, fault.status, fault.body ?? { errorMessages: [`Planted failure (${fault.status}).`], errors: {} });
      return { ...res, headers: { ...res.headers, ...fault.headers } };
    }
    if (!found) {
      if (matching.length > 0) return errors(ctx, 405, `Method ${method} is not allowed on ${url.pathname}.`);
      return errors(ctx, 501, `The local Jira stand-in does not serve ${method} ${url.pathname} yet.`);
    }
    if (actor.kind === 'anonymous' || (actor.kind === 'user' && !this.store.getUser(actor.accountId))) {
      return errors(ctx, 401, 'You are not authenticated. Authentication required to perform this operation.');
    }
    let params: string[];
    try {
      params = (found.pattern.exec(url.pathname) ?? []).slice(1).map((p) => decodeURIComponent(p));
    } catch {
      return errors(ctx, 400, 'The request path is not valid.');
    }
    return found.handle(ctx, params);
  }

  /** Makes the next matching call(s) fail, e.g. { status: 429, headers: { 'Retry-After': '1' } }. */
  injectFault(fault: JiraFault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  // --- permissions ---------------------------------------------------------

  private level(actor: JiraActor, projectKey: string): 'none' | 'browse' | 'edit' | 'admin' {
    if (actor.kind === 'app') return 'admin';
    if (actor.kind !== 'user') return 'none';
    const level = this.store.permissionLevel(actor.accountId, projectKey);
    // Alice is the site admin of the demo.
    return level === 'edit' && this.isAdmin(actor.accountId) ? 'admin' : level;
  }

  private isAdmin(accountId: string): boolean {
    return this.store.getUser(accountId)?.handle === 'alice';
  }

  private canBrowse(actor: JiraActor, issue: IssueRow): boolean {
    return this.level(actor, issue.projectKey) !== 'none';
  }

  private canEdit(actor: JiraActor, issue: IssueRow): boolean {
    const level = this.level(actor, issue.projectKey);
    return level === 'edit' || level === 'admin';
  }

  /** The issue if it exists and the actor may browse it: Jira answers 404 for both cases alike. */
  private browsable(ctx: Ctx, idOrKey: string): IssueRow | undefined {
    const issue = this.store.getIssue(idOrKey);
    return issue && this.canBrowse(ctx.actor, issue) ? issue : undefined;
  }

  // --- representations -------------------------------------------------------

  userJson(user: UserRow): Record<string, unknown> {
    const site = this.siteUrl();
    const avatar = `${site}/__local/avatar/${user.handle}.svg`;
    return {
      self: `${site}/rest/api/3/user?accountId=${user.accountId}`,
      accountId: user.accountId,
      accountType: 'atlassian',
      emailAddress: user.email,
      avatarUrls: { '48x48': avatar, '24x24': avatar, '16x16': avatar, '32x32': avatar },
      displayName: user.displayName,
      active: true,
      timeZone: user.timeZone,
      locale: 'en_US',
    };
  }

  private projectJson(project: ProjectRow): Record<string, unknown> {
    const site = this.siteUrl();
    return {
      self: `${site}/rest/api/3/project/${project.id}`,
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: 'software',
      simplified: false,
      avatarUrls: { '48x48': `${site}/__local/avatar/project-${project.key.toLowerCase()}.svg` },
    };
  }

  private fieldValue(issue: IssueRow, field: FieldName): unknown {
    const site = this.siteUrl();
    const userOrNull = (accountId: string | null) => {
      const user = accountId ? this.store.getUser(accountId) : undefined;
      return user ? this.userJson(user) : null;
    };
    switch (field) {
      case 'summary':
        return issue.summary;
      case 'description':
        return adfOf(issue.description);
      case 'status': {
        const status = STATUSES[issue.status];
        return {
          self: `${site}/rest/api/3/status/${status.id}`,
          id: status.id,
          name: issue.status,
          statusCategory: { self: `${site}/rest/api/3/statuscategory/${status.category.id}`, ...status.category },
        };
      }
      case 'project': {
        const project = this.store.getProject(issue.projectKey);
        return project ? this.projectJson(project) : null;
      }
      case 'issuetype': {
        const type = ISSUE_TYPES[issue.issueType];
        return { self: `${site}/rest/api/3/issuetype/${type.id}`, id: type.id, name: issue.issueType, description: type.description, subtask: false, hierarchyLevel: type.hierarchyLevel };
      }
      case 'assignee':
        return userOrNull(issue.assigneeAccountId);
      case 'reporter':
        return userOrNull(issue.reporterAccountId);
      case 'labels':
        return issue.labels;
      case 'created':
        return jiraTime(issue.created);
      case 'updated':
        return jiraTime(issue.updated);
      case 'priority':
        return { self: `${site}/rest/api/3/priority/3`, id: '3', name: 'Medium' };
      case 'customfield_10020': {
        if (issue.sprintId === null) return null;
        const sprint = this.store.listSprints(issue.projectKey).find((s) => s.id === issue.sprintId);
        return sprint
          ? [{ id: sprint.id, name: sprint.name, state: sprint.state, boardId: Number(this.store.getProject(issue.projectKey)?.id ?? 0), startDate: sprint.startDate, endDate: sprint.endDate }]
          : null;
      }
    }
  }

  /** Jira's `fields` parameter: a list, `*all`, `*navigable`, and `-field` exclusions. Default: all. */
  private selectedFields(url: URL): FieldName[] {
    const asked = listParam(url, 'fields') ?? ['*all'];
    const chosen = new Set<FieldName>();
    for (const item of asked) {
      if (item === '*all' || item === '*navigable') NAVIGABLE_FIELDS.forEach((f) => chosen.add(f));
      else if ((NAVIGABLE_FIELDS as readonly string[]).includes(item)) chosen.add(item as FieldName);
    }
    for (const item of asked) if (item.startsWith('-')) chosen.delete(item.slice(1) as FieldName);
    return NAVIGABLE_FIELDS.filter((f) => chosen.has(f));
  }

  private selectedProperties(url: URL, issue: IssueRow): string[] {
    const asked = listParam(url, 'properties') ?? [];
    const stored = this.store.listPropertyKeys(issue.id);
    const chosen = new Set<string>();
    for (const item of asked) {
      if (item === '*all') stored.forEach((k) => chosen.add(k));
      else if (!item.startsWith('-')) chosen.add(item);
    }
    for (const item of asked) if (item.startsWith('-')) chosen.delete(item.slice(1));
    return [...chosen];
  }

  private editMeta(actor: JiraActor, issue: IssueRow): Record<string, unknown> {
    if (!this.canEdit(actor, issue)) return {};
    return {
      summary: { required: true, schema: { type: 'string', system: 'summary' }, name: 'Summary', key: 'summary', operations: ['set'] },
      description: { required: false, schema: { type: 'string', system: 'description' }, name: 'Description', key: 'description', operations: ['set'] },
      labels: { required: false, schema: { type: 'array', items: 'string', system: 'labels' }, name: 'Labels', key: 'labels', operations: ['add', 'set', 'remove'] },
      assignee: { required: false, schema: { type: 'user', system: 'assignee' }, name: 'Assignee', key: 'assignee', operations: ['set'] },
    };
  }

  // --- handlers --------------------------------------------------------------

  private getIssue(ctx: Ctx, idOrKey: string): StandInResponse {
    const issue = this.browsable(ctx, idOrKey);
    if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
    const fields: Record<string, unknown> = {};
    for (const field of this.selectedFields(ctx.url)) fields[field] = this.fieldValue(issue, field);
    const properties: Record<string, RawJson> = {};
    for (const key of this.selectedProperties(ctx.url, issue)) {
      const stored = this.store.getProperty(issue.id, key);
      if (stored) properties[key] = new RawJson(stored.valueText);
    }
    const expand = new Set(listParam(ctx.url, 'expand') ?? []);
    const body: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: `${this.siteUrl()}/rest/api/3/issue/${issue.id}`,
      key: issue.key,
      fields,
      properties,
    };
    if (expand.has('editmeta')) body.editmeta = { fields: this.editMeta(ctx.actor, issue) };
    if (expand.has('names')) body.names = Object.fromEntries(Object.keys(fields).map((f) => [f, FIELD_NAMES[f as FieldName]]));
    if (expand.has('renderedFields')) {
      body.renderedFields = { description: issue.description.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('') };
    }
    return json(ctx, 200, body);
  }

  private listProperties(ctx: Ctx, idOrKey: string): StandInResponse {
    const issue = this.browsable(ctx, idOrKey);
    if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
    const self = `${this.siteUrl()}/rest/api/3/issue/${issue.id}/properties`;
    return json(ctx, 200, { keys: this.store.listPropertyKeys(issue.id).map((key) => ({ self: `${self}/${key}`, key })) });
  }

  private getProperty(ctx: Ctx, idOrKey: string, propertyKey: string): StandInResponse {
    const issue = this.browsable(ctx, idOrKey);
    if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
    const stored = this.store.getProperty(issue.id, propertyKey);
    if (!stored) return errors(ctx, 404, `The property with key '${propertyKey}' does not exist.`);
    return json(ctx, 200, { key: stored.key, value: new RawJson(stored.valueText) });
  }

  private setProperty(ctx: Ctx, idOrKey: string, propertyKey: string): StandInResponse {
    const issue = this.browsable(ctx, idOrKey);
    if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
    if (!this.canEdit(ctx.actor, issue)) return errors(ctx, 403, 'You do not have permission to edit this issue.');
    if (propertyKey.length > PROPERTY_KEY_MAX_CHARS) {
      return errors(ctx, 400, `The property key cannot be longer than ${PROPERTY_KEY_MAX_CHARS} characters.`);
    }
    const contentType = ctx.req.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(contentType)) {
      return errors(ctx, 415, "The request's Content-Type must be application/json.");
    }
    const text = ctx.req.bodyText ?? '';
    if (text.length > PROPERTY_VALUE_MAX_CHARS) {
      return errors(ctx, 400, `The property value is too long. Maximum length is ${PROPERTY_VALUE_MAX_CHARS} characters.`);
    }
    try {
      JSON.parse(text);
    } catch {
      return errors(ctx, 400, 'The property value must be valid JSON.');
    }
    const outcome = this.store.setPropertyText(issue.id, propertyKey, text);
    return empty(ctx, outcome === 'created' ? 201 : 200);
  }

  private deleteProperty(ctx: Ctx, idOrKey: string, propertyKey: string): StandInResponse {
    const issue = this.browsable(ctx, idOrKey);
    if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
    if (!this.canEdit(ctx.actor, issue)) return errors(ctx, 403, 'You do not have permission to edit this issue.');
    if (!this.store.deleteProperty(issue.id, propertyKey)) {
      return errors(ctx, 404, `The property with key '${propertyKey}' does not exist.`);
    }
    return empty(ctx, 204);
  }

  private myPermissions(ctx: Ctx): StandInResponse {
    const keys = listParam(ctx.url, 'permissions');
    if (!keys || keys.length === 0) return errors(ctx, 400, "The 'permissions' query parameter is required.");
    const unknown = keys.filter((k) => !PERMISSIONS[k]);
    if (unknown.length > 0) return errors(ctx, 400, `Unrecognized permission keys: ${unknown.join(', ')}`);

    // The scope: an issue, a project, or none (the best level over all projects, as Jira does).
    const issueRef = ctx.url.searchParams.get('issueKey') ?? ctx.url.searchParams.get('issueId');
    const projectRef = ctx.url.searchParams.get('projectKey') ?? ctx.url.searchParams.get('projectId');
    let levels: Array<ReturnType<JiraStandIn['level']>>;
    if (issueRef) {
      const issue = this.browsable(ctx, issueRef);
      if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
      levels = [this.level(ctx.actor, issue.projectKey)];
    } else if (projectRef) {
      const project = this.store.getProject(projectRef);
      if (!project || this.level(ctx.actor, project.key) === 'none') {
        return errors(ctx, 404, `No project could be found with key '${projectRef}'.`);
      }
      levels = [this.level(ctx.actor, project.key)];
    } else {
      levels = this.store.listProjects().map((p) => this.level(ctx.actor, p.key));
    }
    const rank = { none: 0, browse: 1, edit: 2, admin: 3 } as const;
    const best = levels.reduce((a, b) => (rank[b] > rank[a] ? b : a), 'none' as const as ReturnType<JiraStandIn['level']>);
    const permissions: Record<string, unknown> = {};
    for (const key of keys) {
      const p = PERMISSIONS[key]!;
      permissions[key] = { id: p.id, key, name: p.name, type: p.type, description: p.description, havePermission: rank[best] >= rank[p.needs] };
    }
    return json(ctx, 200, { permissions });
  }

  private myself(ctx: Ctx): StandInResponse {
    if (ctx.actor.kind === 'app') {
      return json(ctx, 200, { accountId: APP_USER.accountId, accountType: 'app', displayName: APP_USER.displayName, active: true, locale: 'en_US', timeZone: 'UTC' });
    }
    const user = ctx.actor.kind === 'user' ? this.store.getUser(ctx.actor.accountId) : undefined;
    if (!user) return errors(ctx, 401, 'You are not authenticated.');
    return json(ctx, 200, { ...this.userJson(user), groups: { size: 1, items: [] }, applicationRoles: { size: 1, items: [] } });
  }

  private user(ctx: Ctx): StandInResponse {
    const accountId = ctx.url.searchParams.get('accountId');
    if (!accountId) return errors(ctx, 400, 'The accountId query parameter needs to be provided.');
    const user = this.store.getUser(accountId);
    if (!user) return errors(ctx, 404, `Specified user does not exist or you do not have required permissions`);
    return json(ctx, 200, this.userJson(user));
  }

  private userBulk(ctx: Ctx): StandInResponse {
    const ids = ctx.url.searchParams.getAll('accountId');
    if (ids.length === 0) return errors(ctx, 400, 'The accountId query parameter needs to be provided.');
    const startAt = Number(ctx.url.searchParams.get('startAt') ?? 0) || 0;
    const maxResults = Math.min(Number(ctx.url.searchParams.get('maxResults') ?? 10) || 10, 200);
    // Unknown ids are left out, as Jira does.
    const all = ids.map((id) => this.store.getUser(id)).filter((u): u is UserRow => u !== undefined);
    const page = all.slice(startAt, startAt + maxResults);
    return json(ctx, 200, {
      self: `${this.siteUrl()}${ctx.url.pathname}${ctx.url.search}`,
      maxResults,
      startAt,
      total: all.length,
      isLast: startAt + page.length >= all.length,
      values: page.map((u) => this.userJson(u)),
    });
  }
}

/** Plain text as Atlassian Document Format: one paragraph per blank-line-separated block. */
export function adfOf(text: string): Record<string, unknown> {
  return {
    type: 'doc',
    version: 1,
    content: text
      .split(/\n{2,}/)
      .filter((p) => p.trim() !== '')
      .map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

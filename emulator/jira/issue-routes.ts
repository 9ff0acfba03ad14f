/** GET /issue and the issue property endpoints, with Jira's permission checks, limits and messages. */
import type { StandInActor, StandInResponse } from '../runtime/stand-in-http';
import type { LocalStore } from '../store/local-store';
import type { IssueRow } from '../store/rows';
import { empty, errors, ISSUE_NOT_FOUND, json, listParam, routeOf, type Ctx, type Route } from './jira-http';
import type { JiraPermissions } from './jira-permissions';
import { FIELD_NAMES, type FieldName, type JiraRepresentations } from './jira-representations';
import { escapeHtml } from '../shared/escape-html';
import { RawJson } from './raw-json';
import { isEditableStatus } from './workflow';

/** Jira's limit on one property value, in characters of its JSON. */
export const PROPERTY_VALUE_MAX_CHARS = 32768;
const PROPERTY_KEY_MAX_CHARS = 255;

/** What the Jira handlers share. */
export interface JiraDeps {
  store: LocalStore;
  siteUrl: () => string;
  permissions: JiraPermissions;
  views: JiraRepresentations;
  /** How long the search index lags behind a property write (search/search-service.ts). */
  indexDelayMs: () => number;
  /** Hands a product event (e.g. `avi:jira:deleted:issue`) to the app's triggers. */
  emit: (event: { eventType: string; [field: string]: unknown }) => void;
}

export function issueRoutes(deps: JiraDeps): Route[] {
  return [
    routeOf('GET', '/rest/api/3/issue/{issueIdOrKey}', (c, [k = '']) => getIssue(deps, c, k)),
    routeOf('DELETE', '/rest/api/3/issue/{issueIdOrKey}', (c, [k = '']) => deleteIssue(deps, c, k)),
    routeOf('GET', '/rest/api/3/issue/{issueIdOrKey}/properties', (c, [k = '']) => listProperties(deps, c, k)),
    routeOf('GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (c, [k = '', p = '']) => getProperty(deps, c, k, p)),
    routeOf('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (c, [k = '', p = '']) => setProperty(deps, c, k, p)),
    routeOf('DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (c, [k = '', p = '']) => deleteProperty(deps, c, k, p)),
  ];
}

/**
 * The fields this person may edit now: none without Edit issues, and none in a status the
 * workflow makes read-only (jira.issue.editable=false, e.g. Closed), whatever the permissions.
 */
function editMeta(deps: JiraDeps, actor: StandInActor, issue: IssueRow): Record<string, unknown> {
  if (!deps.permissions.canEdit(actor, issue) || !isEditableStatus(issue.status)) return {};
  return {
    summary: { required: true, schema: { type: 'string', system: 'summary' }, name: 'Summary', key: 'summary', operations: ['set'] },
    description: {
      required: false,
      schema: { type: 'string', system: 'description' },
      name: 'Description',
      key: 'description',
      operations: ['set'],
    },
    labels: {
      required: false,
      schema: { type: 'array', items: 'string', system: 'labels' },
      name: 'Labels',
      key: 'labels',
      operations: ['add', 'set', 'remove'],
    },
    assignee: { required: false, schema: { type: 'user', system: 'assignee' }, name: 'Assignee', key: 'assignee', operations: ['set'] },
  };
}

function getIssue(deps: JiraDeps, ctx: Ctx, idOrKey: string): StandInResponse {
  const issue = deps.permissions.browsable(ctx.actor, idOrKey);
  if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
  const fields: Record<string, unknown> = {};
  for (const field of deps.views.selectedFields(ctx.url)) fields[field] = deps.views.fieldValue(issue, field);
  const properties: Record<string, RawJson> = {};
  for (const key of deps.views.selectedProperties(ctx.url, issue)) {
    const stored = deps.store.getProperty(issue.id, key);
    if (stored) properties[key] = new RawJson(stored.valueText);
  }
  const expand = new Set(listParam(ctx.url, 'expand') ?? []);
  const body: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${deps.siteUrl()}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
    properties,
  };
  if (expand.has('editmeta')) body.editmeta = { fields: editMeta(deps, ctx.actor, issue) };
  if (expand.has('names')) body.names = Object.fromEntries(Object.keys(fields).map((f) => [f, FIELD_NAMES[f as FieldName]]));
  if (expand.has('renderedFields')) {
    body.renderedFields = {
      description: issue.description
        .split(/\n{2,}/)
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join(''),
    };
  }
  return json(ctx, 200, body);
}

/**
 * DELETE /issue: needs Browse and Delete issues (project administrators here, as in Jira's default
 * permission scheme). The app's `avi:jira:deleted:issue` triggers then get the event, with the
 * issue as it was (events-reference/jira, "Issue deleted"). No issue type here has subtasks.
 */
function deleteIssue(deps: JiraDeps, ctx: Ctx, idOrKey: string): StandInResponse {
  const issue = deps.permissions.browsable(ctx.actor, idOrKey);
  if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
  if (deps.permissions.level(ctx.actor, issue.projectKey) !== 'admin')
    return errors(ctx, 403, 'You do not have permission to delete issues in this project.');
  const fields = Object.fromEntries(
    (['summary', 'issuetype', 'project', 'status', 'reporter', 'assignee', 'created', 'updated'] as const).map((f) => [
      f,
      deps.views.fieldValue(issue, f),
    ]),
  );
  deps.store.deleteIssue(issue.id);
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.accountId : undefined;
  deps.emit({
    eventType: 'avi:jira:deleted:issue',
    selfGenerated: ctx.actor.kind === 'app',
    issue: { id: issue.id, key: issue.key, fields },
    ...(actorId ? { atlassianId: actorId, associatedUsers: [{ accountId: actorId }] } : {}),
  });
  return empty(ctx, 204);
}

function listProperties(deps: JiraDeps, ctx: Ctx, idOrKey: string): StandInResponse {
  const issue = deps.permissions.browsable(ctx.actor, idOrKey);
  if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
  const self = `${deps.siteUrl()}/rest/api/3/issue/${issue.id}/properties`;
  return json(ctx, 200, { keys: deps.store.listPropertyKeys(issue.id).map((key) => ({ self: `${self}/${key}`, key })) });
}

function getProperty(deps: JiraDeps, ctx: Ctx, idOrKey: string, propertyKey: string): StandInResponse {
  const issue = deps.permissions.browsable(ctx.actor, idOrKey);
  if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
  const stored = deps.store.getProperty(issue.id, propertyKey);
  if (!stored) return errors(ctx, 404, `The property with key '${propertyKey}' does not exist.`);
  return json(ctx, 200, { key: stored.key, value: new RawJson(stored.valueText) });
}

function setProperty(deps: JiraDeps, ctx: Ctx, idOrKey: string, propertyKey: string): StandInResponse {
  const issue = deps.permissions.browsable(ctx.actor, idOrKey);
  if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
  if (!deps.permissions.canEdit(ctx.actor, issue)) return errors(ctx, 403, 'You do not have permission to edit this issue.');
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
  const outcome = deps.store.putPropertyText(issue.id, propertyKey, text, { nowMs: Date.now(), indexLagMs: deps.indexDelayMs() });
  return empty(ctx, outcome === 'created' ? 201 : 200);
}

function deleteProperty(deps: JiraDeps, ctx: Ctx, idOrKey: string, propertyKey: string): StandInResponse {
  const issue = deps.permissions.browsable(ctx.actor, idOrKey);
  if (!issue) return errors(ctx, 404, ISSUE_NOT_FOUND);
  // Jira's contract (deleteIssueProperty) documents 204, 401 and 404: "404 Returned if the issue or property
  // is not found, or the user does not have permission to edit the issue" (unlike PUT, which answers 403).
  if (!deps.permissions.canEdit(ctx.actor, issue))
    return errors(ctx, 404, 'The issue or property does not exist, or you do not have permission to edit the issue.');
  if (!deps.store.deleteProperty(issue.id, propertyKey)) {
    return errors(ctx, 404, `The property with key '${propertyKey}' does not exist.`);
  }
  return empty(ctx, 204);
}

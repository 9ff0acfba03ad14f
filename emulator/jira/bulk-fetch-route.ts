/**
 * POST /rest/api/3/issue/bulkfetch (operation bulkFetchIssues in the vendored spec): up to 100
 * issues by id or key in one call, with the fields and properties asked for. As the spec says:
 * issues come back in ascending id order; those that do not exist or the person may not browse
 * are left out (not errors); no ids, or more than 100, is a 400.
 */
import type { StandInResponse } from '../runtime/stand-in-http';
import type { IssueRow } from '../store/rows';
import { errors, json, routeOf, type Ctx, type Route } from './jira-http';
import type { JiraDeps } from './issue-routes';
import { RawJson } from './raw-json';

export const BULK_FETCH_LIMITS = { maxIssues: 100, maxProperties: 5 } as const;

interface BulkFetchBody {
  issueIdsOrKeys: string[];
  fields?: string[];
  properties?: string[];
}

const INVALID = 'Invalid request payload. Refer to the REST API documentation and try again.';

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function bodyOf(text: string | null): BulkFetchBody | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '');
  } catch {
    return INVALID;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return INVALID;
  const body = parsed as Record<string, unknown>;
  if (!isStringList(body.issueIdsOrKeys)) return INVALID;
  for (const name of ['fields', 'properties', 'expand'] as const) if (body[name] !== undefined && !isStringList(body[name])) return INVALID;
  const out: BulkFetchBody = { issueIdsOrKeys: body.issueIdsOrKeys };
  if (isStringList(body.fields)) out.fields = body.fields;
  if (isStringList(body.properties)) out.properties = body.properties;
  return out;
}

/** The GET /issue field and property selection, from the body's lists (Jira reads both the same way). */
function selectionUrl(body: BulkFetchBody): URL {
  const url = new URL('http://jira.local/');
  for (const field of body.fields ?? []) url.searchParams.append('fields', field);
  for (const key of body.properties ?? []) url.searchParams.append('properties', key);
  return url;
}

function render(deps: JiraDeps, issue: IssueRow, url: URL): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of deps.views.selectedFields(url)) fields[field] = deps.views.fieldValue(issue, field);
  const properties: Record<string, RawJson> = {};
  for (const key of deps.views.selectedProperties(url, issue)) {
    const stored = deps.store.getProperty(issue.id, key);
    if (stored) properties[key] = new RawJson(stored.valueText);
  }
  return { expand: '', id: issue.id, self: `${deps.siteUrl()}/rest/api/3/issue/${issue.id}`, key: issue.key, fields, properties };
}

function bulkFetch(deps: JiraDeps, ctx: Ctx): StandInResponse {
  const body = bodyOf(ctx.req.bodyText);
  if (typeof body === 'string') return errors(ctx, 400, body);
  const asked = [...new Set(body.issueIdsOrKeys.map((v) => v.trim()).filter(Boolean))];
  if (asked.length === 0) return errors(ctx, 400, 'At least one issue id or key is required.');
  if (asked.length > BULK_FETCH_LIMITS.maxIssues)
    return errors(ctx, 400, `The number of issues requested exceeds the limit of ${BULK_FETCH_LIMITS.maxIssues}.`);
  if ((body.properties?.length ?? 0) > BULK_FETCH_LIMITS.maxProperties)
    return errors(ctx, 400, `The number of properties requested exceeds the limit of ${BULK_FETCH_LIMITS.maxProperties}.`);
  const found = new Map<string, IssueRow>();
  for (const ref of asked) {
    const issue = deps.permissions.browsable(ctx.actor, ref);
    if (issue) found.set(issue.id, issue);
  }
  const url = selectionUrl(body);
  const issues = [...found.values()].sort((a, b) => Number(a.id) - Number(b.id)).map((issue) => render(deps, issue, url));
  return json(ctx, 200, { issues, issueErrors: [] });
}

export function bulkFetchRoutes(deps: JiraDeps): Route[] {
  return [routeOf('POST', '/rest/api/3/issue/bulkfetch', (c) => bulkFetch(deps, c))];
}

/**
 * GET /rest/api/3/project/search (searchProjects): the projects the actor may see, paged. Served:
 * `action` (view and browse need Browse projects; edit and create need Edit issues), `query` (in the
 * key or name, case-insensitive), `keys`, `orderBy` key or name (with + or -), `startAt`, `maxResults`
 * (default 50, at most 100, as the spec says). Other parameters are read by the contract gate and ignored.
 */
import type { LocalStore } from '../store/local-store';
import type { ProjectRow } from '../store/rows';
import { errors, json, listParam, routeOf, type Ctx, type Route } from './jira-http';
import { ACCESS_RANK, type JiraPermissions } from './jira-permissions';
import type { JiraRepresentations } from './jira-representations';

const ACTION_NEEDS = { view: 'browse', browse: 'browse', edit: 'edit', create: 'edit' } as const;
type Action = keyof typeof ACTION_NEEDS;

export function projectRoutes(deps: {
  store: LocalStore;
  permissions: JiraPermissions;
  views: JiraRepresentations;
  siteUrl: () => string;
}): Route[] {
  return [routeOf('GET', '/rest/api/3/project/search', (c) => searchProjects(deps, c))];
}

function ordered(projects: ProjectRow[], orderBy: string): ProjectRow[] | null {
  const descending = orderBy.startsWith('-');
  const field = orderBy.replace(/^[+-]/, '');
  if (field !== 'key' && field !== 'name') return null;
  const sorted = [...projects].sort((a, b) => a[field].localeCompare(b[field], 'en'));
  return descending ? sorted.reverse() : sorted;
}

function searchProjects(deps: Parameters<typeof projectRoutes>[0], ctx: Ctx) {
  const params = ctx.url.searchParams;
  const action = (params.get('action') ?? 'view') as Action;
  const needs = ACTION_NEEDS[action] as (typeof ACTION_NEEDS)[Action] | undefined;
  if (!needs) return errors(ctx, 400, `The action "${action}" is not valid.`);
  const startAt = Number(params.get('startAt') ?? 0);
  const maxResults = Math.min(Number(params.get('maxResults') ?? 50), 100);
  const query = (params.get('query') ?? '').toLowerCase();
  const keys = listParam(ctx.url, 'keys');
  const visible = deps.store
    .listProjects()
    .filter((p) => ACCESS_RANK[deps.permissions.level(ctx.actor, p.key)] >= ACCESS_RANK[needs])
    .filter((p) => !query || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query))
    .filter((p) => !keys || keys.includes(p.key));
  const sorted = ordered(visible, params.get('orderBy') ?? 'key');
  if (!sorted) return errors(ctx, 400, `Ordering by "${params.get('orderBy') ?? ''}" is not supported by the local Jira.`);
  const page = sorted.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= sorted.length;
  const base = `${deps.siteUrl()}/rest/api/3/project/search`;
  return json(ctx, 200, {
    self: `${base}?startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast ? {} : { nextPage: `${base}?startAt=${startAt + page.length}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: sorted.length,
    isLast,
    values: page.map((p) => deps.views.projectJson(p)),
  });
}

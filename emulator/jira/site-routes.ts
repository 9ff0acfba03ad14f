/** GET /serverInfo (the site's base URL; no scope needed) and GET /field (every field, with its id and schema). */
import { json, routeOf, type Ctx, type Route } from './jira-http';
import type { JiraDeps } from './issue-routes';
import { FIELD_NAMES, NAVIGABLE_FIELDS, SPRINT_FIELD_ID } from './jira-representations';

const SYSTEM_SCHEMA: Record<string, { type: string; items?: string; system: string }> = {
  summary: { type: 'string', system: 'summary' },
  status: { type: 'status', system: 'status' },
  description: { type: 'string', system: 'description' },
  project: { type: 'project', system: 'project' },
  issuetype: { type: 'issuetype', system: 'issuetype' },
  assignee: { type: 'user', system: 'assignee' },
  reporter: { type: 'user', system: 'reporter' },
  labels: { type: 'array', items: 'string', system: 'labels' },
  created: { type: 'datetime', system: 'created' },
  updated: { type: 'datetime', system: 'updated' },
  priority: { type: 'priority', system: 'priority' },
};

export function siteRoutes(deps: JiraDeps): Route[] {
  return [routeOf('GET', '/rest/api/3/serverInfo', (c) => serverInfo(deps, c)), routeOf('GET', '/rest/api/3/field', (c) => fields(c))];
}

function serverInfo(deps: JiraDeps, ctx: Ctx) {
  return json(ctx, 200, {
    baseUrl: deps.siteUrl(),
    displayUrl: deps.siteUrl(),
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100295,
    buildDate: '2026-11-01T00:00:00.000+0000',
    serverTime: new Date().toISOString().replace(/Z$/, '+0000'),
    scmInfo: 'local',
    serverTitle: 'Local Jira',
  });
}

function fields(ctx: Ctx) {
  return json(
    ctx,
    200,
    NAVIGABLE_FIELDS.map((id) => {
      const name = FIELD_NAMES[id];
      const custom = id === SPRINT_FIELD_ID;
      return {
        id,
        key: id,
        name,
        custom,
        orderable: true,
        navigable: true,
        searchable: true,
        clauseNames: custom ? ['cf[10104]', 'Sprint', 'sprint'] : [id],
        schema: custom
          ? { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10104 }
          : SYSTEM_SCHEMA[id],
      };
    }),
  );
}

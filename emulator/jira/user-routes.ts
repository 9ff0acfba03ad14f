/** GET /myself, /user and /user/bulk. */
import type { StandInResponse } from '../runtime/stand-in-http';
import type { UserRow } from '../store/rows';
import { errors, json, routeOf, type Ctx, type Route } from './jira-http';
import type { JiraDeps } from './issue-routes';

/** The app itself, as Jira answers /myself for asApp calls. */
export const APP_USER = {
  accountId: '557058:f1c7a1e2-7d6b-4c43-9e0c-1e4f5b6a7c8d',
  displayName: 'Learning Loop',
};

export function userRoutes(deps: JiraDeps): Route[] {
  return [
    routeOf('GET', '/rest/api/3/myself', (c) => myself(deps, c)),
    routeOf('GET', '/rest/api/3/user', (c) => user(deps, c)),
    routeOf('GET', '/rest/api/3/user/bulk', (c) => userBulk(deps, c)),
  ];
}

function myself(deps: JiraDeps, ctx: Ctx): StandInResponse {
  if (ctx.actor.kind === 'app') {
    return json(ctx, 200, {
      accountId: APP_USER.accountId,
      accountType: 'app',
      displayName: APP_USER.displayName,
      active: true,
      locale: 'en_US',
      timeZone: 'UTC',
    });
  }
  const user = ctx.actor.kind === 'user' ? deps.store.getUser(ctx.actor.accountId) : undefined;
  if (!user) return errors(ctx, 401, 'You are not authenticated.');
  return json(ctx, 200, { ...deps.views.userJson(user), groups: { size: 1, items: [] }, applicationRoles: { size: 1, items: [] } });
}

function user(deps: JiraDeps, ctx: Ctx): StandInResponse {
  const accountId = ctx.url.searchParams.get('accountId');
  if (!accountId) return errors(ctx, 400, 'The accountId query parameter needs to be provided.');
  const user = deps.store.getUser(accountId);
  if (!user) return errors(ctx, 404, `Specified user does not exist or you do not have required permissions`);
  return json(ctx, 200, deps.views.userJson(user));
}

function userBulk(deps: JiraDeps, ctx: Ctx): StandInResponse {
  const ids = ctx.url.searchParams.getAll('accountId');
  if (ids.length === 0) return errors(ctx, 400, 'The accountId query parameter needs to be provided.');
  const startAt = Number(ctx.url.searchParams.get('startAt') ?? 0) || 0;
  const maxResults = Math.min(Number(ctx.url.searchParams.get('maxResults') ?? 10) || 10, 200);
  // Unknown ids are left out, as Jira does.
  const all = ids.map((id) => deps.store.getUser(id)).filter((u): u is UserRow => u !== undefined);
  const page = all.slice(startAt, startAt + maxResults);
  return json(ctx, 200, {
    self: `${deps.siteUrl()}${ctx.url.pathname}${ctx.url.search}`,
    maxResults,
    startAt,
    total: all.length,
    isLast: startAt + page.length >= all.length,
    values: page.map((u) => deps.views.userJson(u)),
  });
}

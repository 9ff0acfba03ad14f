/**
 * The Jira Cloud platform REST endpoints the app uses, answered from the
 * store with Jira's shapes, statuses and permission checks for the acting
 * user: issues and their properties (issue-routes.ts), mypermissions, users,
 * the projects one may see (project-routes.ts),
 * and the search (search/) and Jira Software's Agile API (../jira-software).
 */
import { AgileStandIn } from '../jira-software/agile-stand-in';
import { SprintProperties } from '../jira-software/sprint-properties';
import type { StandInActor, StandInRequest, StandInResponse } from '../runtime/stand-in-http';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../shared/json-depth';
import type { LocalStore } from '../store/local-store';
import type { UserRow } from '../store/rows';
import { empty, errors, json, routeOf, type Ctx, type Route } from './jira-http';
import { issueRoutes, type JiraDeps } from './issue-routes';
import { bulkFetchRoutes } from './bulk-fetch-route';
import { JiraPermissions, myPermissions, type AccessLevel } from './jira-permissions';
import { JiraRepresentations, NAVIGABLE_FIELDS, type FieldName } from './jira-representations';
import { JiraSearch } from './search/search-service';
import { projectRoutes } from './project-routes';
import { siteRoutes } from './site-routes';
import { userRoutes } from './user-routes';

export { PROPERTY_VALUE_MAX_CHARS } from './issue-routes';
export { APP_USER } from './user-routes';
export { adfOf, issueTypeIdOf, jiraTime } from './jira-representations';

/** Who Jira sees: a person (asUser, or the page), the app (asApp, full access), or nobody. */
export type JiraActor = StandInActor;

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

export class JiraStandIn {
  private readonly routes: Route[];
  private faults: Array<JiraFault & { left: number }> = [];
  private readonly permissions: JiraPermissions;
  private readonly views: JiraRepresentations;
  /** Issue search (JQL), with its settings: `search.settings.indexDelayMs`, `search.settings.now`. */
  readonly search: JiraSearch;
  /** Where product events go (the site hands them to the app's `trigger` modules). */
  onEvent: (event: { eventType: string; [field: string]: unknown }) => void = () => undefined;

  constructor(
    private readonly store: LocalStore,
    siteUrl: () => string,
  ) {
    this.permissions = new JiraPermissions(store);
    this.views = new JiraRepresentations(store, siteUrl);
    this.search = new JiraSearch({
      store,
      siteUrl,
      level: (actor, projectKey) => this.level(actor, projectKey),
      fieldValue: (issue, field) =>
        (NAVIGABLE_FIELDS as readonly string[]).includes(field) ? this.views.fieldValue(issue, field as FieldName) : undefined,
      userJson: (user) => this.userJson(user),
    });
    const deps: JiraDeps = {
      store,
      siteUrl,
      permissions: this.permissions,
      views: this.views,
      indexDelayMs: () => this.search.settings.indexDelayMs,
      emit: (event) => {
        this.onEvent(event);
      },
    };
    this.routes = [
      ...bulkFetchRoutes(deps),
      ...issueRoutes(deps),
      routeOf('GET', '/rest/api/3/mypermissions', (c) => myPermissions(store, this.permissions, c)),
      ...userRoutes(deps),
      ...siteRoutes(deps),
      ...projectRoutes({ store, permissions: this.permissions, views: this.views, siteUrl }),
      // Search, JQL, permissions/check (search/) and the Agile API (../jira-software).
      ...[
        ...this.search.routes(),
        ...new AgileStandIn(store, this.search, siteUrl).routes(),
        ...new SprintProperties(store, (actor, projectKey) => this.level(actor, projectKey)).routes(),
      ].map((r) =>
        routeOf(r.method, r.template, (c: Ctx, params) => {
          const out = r.handle({ actor: c.actor, url: c.url, method: c.req.method.toUpperCase(), bodyText: c.req.bodyText }, params);
          // An undefined body is an empty answer (a property written or removed).
          return out.body === undefined ? empty(c, out.status) : json(c, out.status, out.body);
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
    const fault = this.faults.find(
      (f) => (!f.endpoint || f.endpoint === ctx.endpoint) && (!f.pathIncludes || req.path.includes(f.pathIncludes)),
    );
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
    // As Jackson in Atlassian's services: a body nested deeper than 1,000 levels is refused before any handler.
    if (req.bodyText && nestsDeeperThan(req.bodyText)) {
      return errors(
        ctx,
        400,
        `Invalid request payload: JSON nests deeper than ${MAX_JSON_DEPTH} levels. Refer to the REST API documentation and try again.`,
      );
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

  /** A user as Jira renders one. */
  userJson(user: UserRow): Record<string, unknown> {
    return this.views.userJson(user);
  }

  /** The actor's level in a project (the app is admin everywhere). */
  level(actor: StandInActor, projectKey: string): AccessLevel {
    return this.permissions.level(actor, projectKey);
  }
}

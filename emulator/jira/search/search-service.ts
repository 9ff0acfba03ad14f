/**
 * Jira Cloud's issue search as the app meets it: `GET/POST /rest/api/3/search/jql`
 * (enhanced search: only ids unless fields are asked, `properties`, paging by
 * `nextPageToken`, `isLast`, no `total`, `reconcileIssues`), `POST
 * /rest/api/3/jql/parse`, `POST /rest/api/3/search/approximate-count` and
 * `POST /rest/api/3/permissions/check`. Results obey the searcher's Browse
 * permission and issue security levels; the app sees everything. The index may lag behind property
 * writes (`settings.indexDelayMs`), as Jira's does.
 */
import { compileJql, type CompiledJql, type IssueView, type JqlEnvironment } from './jql-compiler';
import { approximateCount, jqlParse } from './jql-query-routes';
import { manifestAliases } from './manifest-aliases';
import { passesSecurity } from '../../store/issue-security';
import { permissionsCheck } from './permissions-check';
import {
  answer,
  BadRequest,
  decodePageToken,
  encodePageToken,
  errorBody,
  jqlErrorBody,
  searchParamsOf,
  selectFields,
  SEARCH_LIMITS,
  type ExtraRoute,
  type FieldSelection,
  type RouteAnswer,
  type RouteRequest,
  type SearchActor,
  type SearchHost,
  type SearchSettings,
} from './search-http';
import { RawJson } from '../raw-json';
import { isResolvedStatus } from '../workflow';
import type { IssueRow } from '../../store/rows';
import type { LocalStore } from '../../store/local-store';
import { SearchSnapshot } from './search-snapshot';

export * from './search-http';
export { structureOf } from './jql-structure';

const PRIORITY_IDS: Record<string, string> = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' };

export interface SearchRun {
  compiled: CompiledJql;
  /** Matching issues, sorted, permission-filtered. */
  issues: IssueRow[];
}

/**
 * How long the index lags behind a property write by default: long enough that a search
 * right after a save misses it (as on Jira, where it takes seconds, sometimes minutes) unless
 * the issue is in `reconcileIssues`, short enough for a test to wait it out.
 */
export const DEFAULT_INDEX_DELAY_MS = 2000;

export class JiraSearch {
  readonly settings: SearchSettings = { indexDelayMs: DEFAULT_INDEX_DELAY_MS, now: () => Date.now() };

  constructor(private readonly host: SearchHost) {}

  /** Sets the index delay (0 turns it off); what the HTTP control endpoint calls. */
  setIndexDelay(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('The index delay must be a number of milliseconds, 0 or more.');
    this.settings.indexDelayMs = ms;
  }

  routes(): ExtraRoute[] {
    const wrap = (fn: (req: RouteRequest, params: string[]) => RouteAnswer) => (req: RouteRequest, params: string[]) => {
      try {
        return fn(req, params);
      } catch (error) {
        if (error instanceof BadRequest) return answer(400, errorBody(error.message));
        throw error;
      }
    };
    return [
      { method: 'GET', template: '/rest/api/3/search/jql', handle: wrap((r) => this.search(r)) },
      { method: 'POST', template: '/rest/api/3/search/jql', handle: wrap((r) => this.search(r)) },
      {
        method: 'POST',
        template: '/rest/api/3/search/approximate-count',
        handle: wrap((r) => approximateCount((jql) => this.run(r.actor, jql), r)),
      },
      { method: 'POST', template: '/rest/api/3/jql/parse', handle: wrap((r) => jqlParse(this.environment(r.actor), r)) },
      { method: 'POST', template: '/rest/api/3/permissions/check', handle: wrap((r) => permissionsCheck(this.host, r)) },
      {
        method: 'GET',
        template: '/rest/api/3/search',
        handle: () =>
          answer(
            410,
            errorBody(
              'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
            ),
          ),
      },
      {
        method: 'POST',
        template: '/rest/api/3/search',
        handle: () =>
          answer(
            410,
            errorBody(
              'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
            ),
          ),
      },
    ];
  }

  // --- the engine, shared with the Agile stand-in --------------------------------------

  private readonly snapshots = new WeakMap<LocalStore, SearchSnapshot>();
  private snapshot(): SearchSnapshot {
    const store = this.host.store;
    let snapshot = this.snapshots.get(store);
    if (!snapshot) this.snapshots.set(store, (snapshot = new SearchSnapshot(store)));
    return snapshot;
  }

  canBrowse(actor: SearchActor, projectKey: string): boolean {
    return this.host.level(actor, projectKey) !== 'none';
  }

  environment(actor: SearchActor): JqlEnvironment {
    const store = this.host.store;
    const { aliases, indexed } = manifestAliases();
    const accountId = actor.kind === 'user' ? actor.accountId : null;
    const members = store.issueSecurity.members();
    return {
      projects: store.listProjects(),
      sprints: store.listSprints(),
      users: store.listUsers(),
      visibleIssue: (idOrKey) => {
        const issue = store.getIssue(idOrKey);
        return issue && this.canBrowse(actor, issue.projectKey) && passesSecurity(members, actor, issue.id) ? issue : undefined;
      },
      canBrowseProject: (projectKey) => this.canBrowse(actor, projectKey),
      accountId,
      nowMs: this.settings.now(),
      timeZone: (accountId && store.getUser(accountId)?.timeZone) || 'UTC',
      aliases,
      indexed,
    };
  }

  /** Issue views as the index sees them (see SearchSnapshot.views). */
  views(issues: readonly IssueRow[], reconcile?: ReadonlySet<string>): IssueView[] {
    return this.snapshot().views(issues, this.settings.indexDelayMs, reconcile);
  }

  /** Runs a JQL query for an actor; throws nothing: errors are in `compiled.errors`. */
  run(actor: SearchActor, jql: string, options: { reconcile?: ReadonlySet<string>; within?: IssueRow[] } = {}): SearchRun {
    const compiled = compileJql(jql, this.environment(actor));
    if (compiled.errors.length > 0) return { compiled, issues: [] };
    const browsable = new Map(this.host.store.listProjects().map((p) => [p.key, this.canBrowse(actor, p.key)]));
    const members = this.host.store.issueSecurity.members();
    const candidates = (options.within ?? this.snapshot().listIssues()).filter(
      (i) => browsable.get(i.projectKey) === true && passesSecurity(members, actor, i.id),
    );
    const views = this.views(candidates, options.reconcile).filter((v) => compiled.matches(v));
    views.sort(compiled.compare);
    return { compiled, issues: views.map((v) => v.row) };
  }

  /** One issue as the search returns it. */
  renderIssue(issue: IssueRow, selection: FieldSelection, properties: string[] | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = selection.full
      ? {
          expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
          id: issue.id,
          self: `${this.host.siteUrl()}/rest/api/3/issue/${issue.id}`,
          key: issue.key,
        }
      : { id: issue.id };
    if (selection.full) {
      const fields: Record<string, unknown> = {};
      for (const field of selection.fields) fields[field] = this.fieldValue(issue, field);
      out.fields = fields;
    }
    if (properties && properties.length > 0) {
      const values: Record<string, RawJson> = {};
      for (const key of properties) {
        const stored = this.host.store.getProperty(issue.id, key);
        if (stored) values[key] = new RawJson(stored.valueText);
      }
      out.properties = values;
    }
    return out;
  }

  private fieldValue(issue: IssueRow, field: string): unknown {
    const site = this.host.siteUrl();
    switch (field) {
      case 'priority': {
        const name = issue.priority ?? 'Medium';
        const id = PRIORITY_IDS[name] ?? '3';
        return {
          self: `${site}/rest/api/3/priority/${id}`,
          iconUrl: `${site}/images/icons/priorities/${name.toLowerCase()}.svg`,
          name,
          id,
        };
      }
      case 'resolution':
        return isResolvedStatus(issue.status)
          ? {
              self: `${site}/rest/api/3/resolution/10000`,
              id: '10000',
              description: 'Work has been completed on this issue.',
              name: 'Done',
            }
          : null;
      case 'parent': {
        const parent = issue.parentKey ? this.host.store.getIssue(issue.parentKey) : undefined;
        if (!parent) return undefined;
        return {
          id: parent.id,
          key: parent.key,
          self: `${site}/rest/api/3/issue/${parent.id}`,
          fields: {
            summary: parent.summary,
            status: this.host.fieldValue(parent, 'status'),
            priority: this.fieldValue(parent, 'priority'),
            issuetype: this.host.fieldValue(parent, 'issuetype'),
          },
        };
      }
      default:
        return this.host.fieldValue(issue, field);
    }
  }

  // --- endpoints ----------------------------------------------------------------------------

  private search(req: RouteRequest): RouteAnswer {
    const params = searchParamsOf(req);
    const properties = params.properties?.filter((p) => !p.startsWith('-') && p !== '*all');
    if ((properties?.length ?? 0) > SEARCH_LIMITS.maxProperties) {
      return answer(400, errorBody(`The number of properties requested exceeds the limit of ${SEARCH_LIMITS.maxProperties}.`));
    }
    if ((params.reconcileIssues?.length ?? 0) > SEARCH_LIMITS.maxReconcileIssues) {
      return answer(400, errorBody(`The number of issues to reconcile exceeds the limit of ${SEARCH_LIMITS.maxReconcileIssues}.`));
    }
    if (params.maxResults !== undefined && params.maxResults < 0) {
      return answer(400, errorBody("The 'maxResults' parameter must be 0 or more."));
    }
    const selection = selectFields(params.fields);
    const cap = selection.idsOnly && !properties?.length ? SEARCH_LIMITS.maxResultsIdsOnly : SEARCH_LIMITS.maxResultsWithFields;
    const pageSize = Math.min(params.maxResults ?? SEARCH_LIMITS.defaultMaxResults, cap);
    const offset = params.nextPageToken ? decodePageToken(params.nextPageToken, params.jql) : 0;

    const reconcile = new Set((params.reconcileIssues ?? []).map(String));
    const { compiled, issues } = this.run(req.actor, params.jql, { reconcile });
    if (compiled.errors.length > 0) return answer(400, jqlErrorBody(compiled.errors));
    if (!compiled.bounded)
      return answer(400, jqlErrorBody(['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']));

    const page = issues.slice(offset, offset + pageSize);
    const isLast = offset + page.length >= issues.length;
    const body: Record<string, unknown> = { issues: page.map((issue) => this.renderIssue(issue, selection, properties)) };
    if (!isLast) body.nextPageToken = encodePageToken(params.jql, offset + page.length);
    body.isLast = isLast;
    return answer(200, body);
  }
}

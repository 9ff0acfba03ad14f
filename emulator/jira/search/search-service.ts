/**
 * Jira Cloud's issue search as the app meets it: `GET/POST /rest/api/3/search/jql`
 * (enhanced search: only ids unless fields are asked, `properties`, paging by
 * `nextPageToken`, `isLast`, no `total`, `reconcileIssues`), `POST
 * /rest/api/3/jql/parse`, `POST /rest/api/3/search/approximate-count` and
 * `POST /rest/api/3/permissions/check`. Results obey the searcher's Browse
 * permission; the app sees everything. The index may lag behind property
 * writes (`settings.indexDelayMs`), as Jira's does.
 */
import { createHash } from 'node:crypto';
import { AbstractJastVisitor, type Clause, type Operand, type Query } from '@atlaskit/jql-ast';
import { RawJson } from '../raw-json';
import type { IssueRow, LocalStore, PermissionLevel, UserRow } from '../../store/local-store';
import { compileJql, parseJql, type CompiledJql, type IssueView, type JqlEnvironment } from './jql-evaluator';
import { manifestAliases, valuesAtPath } from './manifest-aliases';

/** Who asks: a person, the app (sees everything), or nobody. Same shape as the Jira stand-in's actor. */
export type SearchActor = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

export type AccessLevel = PermissionLevel | 'admin';

/** What the search needs from the Jira stand-in that hosts it. */
export interface SearchHost {
  store: LocalStore;
  siteUrl(): string;
  level(actor: SearchActor, projectKey: string): AccessLevel;
  /** A field of an issue as GET /issue renders it; undefined for fields it does not know. */
  fieldValue(issue: IssueRow, field: string): unknown;
  userJson(user: UserRow): Record<string, unknown>;
}

export interface RouteRequest {
  actor: SearchActor;
  url: URL;
  method: string;
  bodyText: string | null;
}

export interface RouteAnswer {
  status: number;
  body: unknown;
}

/** An endpoint the Jira stand-in registers, counted by the accounting under `${method} ${template}`. */
export interface ExtraRoute {
  method: string;
  template: string;
  handle(req: RouteRequest, params: string[]): RouteAnswer;
}

export interface SearchSettings {
  /** While > 0, a property written less than this many ms ago is not yet seen by JQL (unless reconciled). Default 0 (off). */
  indexDelayMs: number;
  /** The clock JQL dates are relative to (now(), -14d...); default the real clock. */
  now: () => number;
}

/**
 * maxResults caps of the enhanced search. Jira's API reference for
 * /rest/api/3/search/jql: "The greatest number of items returned per page is
 * achieved when requesting `id` or `key` only. It returns max 5000 issues";
 * with other fields (or properties) a page holds at most 100 (the limit
 * Atlassian's public documentation gives, quoted in ECO-1010).
 */
export const SEARCH_LIMITS = {
  defaultMaxResults: 50,
  maxResultsIdsOnly: 5000,
  maxResultsWithFields: 100,
  maxProperties: 5,
  maxReconcileIssues: 50,
} as const;

/** Fields the search can return, in Jira's order; `*all` and `*navigable` mean all of them. */
export const SEARCH_FIELDS = [
  'summary', 'status', 'description', 'project', 'issuetype', 'assignee', 'reporter', 'labels', 'created', 'updated',
  'priority', 'parent', 'resolution', 'customfield_10020',
] as const;

const PRIORITY_IDS: Record<string, string> = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' };

export const jqlErrorBody = (messages: string[]) => ({ errorMessages: messages, errors: {}, warningMessages: [] as string[] });
const errorBody = (...messages: string[]) => ({ errorMessages: messages, errors: {} });
const answer = (status: number, body: unknown): RouteAnswer => ({ status, body });

/** The fields asked for, Jira's way: a list, `*all`, `*navigable`, `-field` exclusions. */
export interface FieldSelection {
  fields: string[];
  /** True when only `id` (and `key`) are asked: the largest pages. */
  idsOnly: boolean;
  /** True when the issue is rendered with key, self and a fields object. */
  full: boolean;
}

export function selectFields(asked: string[] | undefined, defaultAll = false): FieldSelection {
  const list = asked && asked.length > 0 ? asked : defaultAll ? ['*all'] : [];
  const chosen = new Set<string>();
  let wantsKey = false;
  for (const item of list) {
    if (item === '*all' || item === '*navigable') SEARCH_FIELDS.forEach((f) => chosen.add(f));
    else if (item === 'key') wantsKey = true;
    else if ((SEARCH_FIELDS as readonly string[]).includes(item)) chosen.add(item);
  }
  for (const item of list) if (item.startsWith('-')) chosen.delete(item.slice(1));
  const fields = SEARCH_FIELDS.filter((f) => chosen.has(f));
  const idsOnly = list.every((f) => f === 'id' || f === 'key');
  return { fields, idsOnly, full: fields.length > 0 || wantsKey || list.some((f) => f !== 'id') };
}

const listOf = (url: URL, name: string): string[] | undefined => {
  const raw = url.searchParams.getAll(name);
  if (raw.length === 0) return undefined;
  return raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
};

interface SearchParams {
  jql: string;
  nextPageToken?: string;
  maxResults?: number;
  fields?: string[];
  properties?: string[];
  reconcileIssues?: number[];
}

class BadRequest extends Error {}

function searchParamsOf(req: RouteRequest): SearchParams {
  if (req.method === 'GET') {
    const max = req.url.searchParams.get('maxResults');
    const reconcile = listOf(req.url, 'reconcileIssues');
    return {
      jql: req.url.searchParams.get('jql') ?? '',
      nextPageToken: req.url.searchParams.get('nextPageToken') ?? undefined,
      maxResults: max === null ? undefined : numberParam(max, 'maxResults'),
      fields: listOf(req.url, 'fields'),
      properties: listOf(req.url, 'properties'),
      reconcileIssues: reconcile?.map((v) => numberParam(v, 'reconcileIssues')),
    };
  }
  let body: Record<string, unknown>;
  try {
    body = (req.bodyText ? JSON.parse(req.bodyText) : {}) as Record<string, unknown>;
  } catch {
    throw new BadRequest('Invalid request payload. Refer to the REST API documentation and try again.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BadRequest('Invalid request payload. Refer to the REST API documentation and try again.');
  const strings = (value: unknown, name: string): string[] | undefined => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new BadRequest(`The '${name}' parameter must be a list of strings.`);
    return (value as string[]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  };
  if (body.jql !== undefined && typeof body.jql !== 'string') throw new BadRequest("The 'jql' parameter must be a string.");
  if (body.maxResults !== undefined && (typeof body.maxResults !== 'number' || !Number.isInteger(body.maxResults))) throw new BadRequest("The 'maxResults' parameter must be an integer.");
  if (body.nextPageToken !== undefined && body.nextPageToken !== null && typeof body.nextPageToken !== 'string') throw new BadRequest("The 'nextPageToken' parameter must be a string.");
  if (body.reconcileIssues !== undefined && (!Array.isArray(body.reconcileIssues) || body.reconcileIssues.some((v) => typeof v !== 'number' || !Number.isInteger(v)))) {
    throw new BadRequest("The 'reconcileIssues' parameter must be a list of issue ids (numbers).");
  }
  return {
    jql: (body.jql as string | undefined) ?? '',
    nextPageToken: (body.nextPageToken as string | null | undefined) ?? undefined,
    maxResults: body.maxResults as number | undefined,
    fields: strings(body.fields, 'fields'),
    properties: strings(body.properties, 'properties'),
    reconcileIssues: body.reconcileIssues as number[] | undefined,
  };
}

function numberParam(value: string, name: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new BadRequest(`The value '${value}' is not valid for the '${name}' parameter: it must be an integer.`);
  return Number(value);
}

const tokenHash = (jql: string) => createHash('sha256').update(jql.trim()).digest('base64url').slice(0, 12);

export function encodePageToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ v: 1, o: offset, q: tokenHash(jql) })).toString('base64url');
}

function decodePageToken(token: string, jql: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: number; o?: number; q?: string };
    if (decoded.v === 1 && typeof decoded.o === 'number' && decoded.o >= 0 && decoded.q === tokenHash(jql)) return decoded.o;
  } catch {
    // fall through
  }
  throw new BadRequest('The provided next page token is invalid or expired.');
}

export interface SearchRun {
  compiled: CompiledJql;
  /** Matching issues, sorted, permission-filtered. */
  issues: IssueRow[];
}

/** Parsed property values by their text (only read, never changed), shared by every search. */
const PROPERTY_JSON_CACHE = new Map<string, unknown>();

export class JiraSearch {
  readonly settings: SearchSettings = { indexDelayMs: 0, now: () => Date.now() };

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
      { method: 'POST', template: '/rest/api/3/search/approximate-count', handle: wrap((r) => this.approximateCount(r)) },
      { method: 'POST', template: '/rest/api/3/jql/parse', handle: wrap((r) => this.parse(r)) },
      { method: 'POST', template: '/rest/api/3/permissions/check', handle: wrap((r) => this.permissionsCheck(r)) },
      { method: 'GET', template: '/rest/api/3/search', handle: () => answer(410, errorBody('The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046')) },
      { method: 'POST', template: '/rest/api/3/search', handle: () => answer(410, errorBody('The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046')) },
    ];
  }

  // --- the engine, shared with the Agile stand-in --------------------------------------

  canBrowse(actor: SearchActor, projectKey: string): boolean {
    return this.host.level(actor, projectKey) !== 'none';
  }

  environment(actor: SearchActor): JqlEnvironment {
    const store = this.host.store;
    const { aliases, indexed } = manifestAliases();
    const accountId = actor.kind === 'user' ? actor.accountId : null;
    return {
      projects: store.listProjects(),
      sprints: store.listSprints(),
      users: store.listUsers(),
      visibleIssue: (idOrKey) => {
        const issue = store.getIssue(idOrKey);
        return issue && this.canBrowse(actor, issue.projectKey) ? issue : undefined;
      },
      canBrowseProject: (projectKey) => this.canBrowse(actor, projectKey),
      accountId,
      nowMs: this.settings.now(),
      timeZone: (accountId && store.getUser(accountId)?.timeZone) || 'UTC',
      aliases,
      indexed,
    };
  }

  /** Issue views as the index sees them: properties written during the index delay are still the old value, unless reconciled. */
  views(issues: IssueRow[], reconcile: ReadonlySet<string> = new Set()): IssueView[] {
    const { indexed } = manifestAliases();
    const keys = [...new Set(indexed.map((a) => a.propertyKey))];
    const delay = this.settings.indexDelayMs;
    const realNow = Date.now();
    const byKey = new Map<string, Map<string, { fresh: string; stale: string | null; lagging: boolean }>>();
    for (const key of keys) {
      const rows = new Map<string, { fresh: string; stale: string | null; lagging: boolean }>();
      for (const row of this.host.store.listIndexedProperties(key)) {
        const lagging = delay > 0 && row.writtenAtMs > 0 && realNow - row.writtenAtMs < delay;
        rows.set(row.issueId, { fresh: row.valueText, stale: row.previousValueText, lagging });
      }
      byKey.set(key, rows);
    }
    const parse = (text: string | null): unknown => {
      if (text === null) return undefined;
      if (!PROPERTY_JSON_CACHE.has(text)) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          value = undefined;
        }
        if (PROPERTY_JSON_CACHE.size >= 20_000) PROPERTY_JSON_CACHE.clear();
        PROPERTY_JSON_CACHE.set(text, value);
      }
      return PROPERTY_JSON_CACHE.get(text);
    };
    return issues.map((row) => ({
      row,
      indexed: (propertyKey, path) => {
        const stored = byKey.get(propertyKey)?.get(row.id);
        if (!stored) return [];
        const text = stored.lagging && !reconcile.has(row.id) ? stored.stale : stored.fresh;
        const json = parse(text);
        return json === undefined ? [] : valuesAtPath(json, path);
      },
    }));
  }

  /** Runs a JQL query for an actor; throws nothing: errors are in `compiled.errors`. */
  run(actor: SearchActor, jql: string, options: { reconcile?: ReadonlySet<string>; within?: IssueRow[] } = {}): SearchRun {
    const compiled = compileJql(jql, this.environment(actor));
    if (compiled.errors.length > 0) return { compiled, issues: [] };
    const browsable = new Map(this.host.store.listProjects().map((p) => [p.key, this.canBrowse(actor, p.key)]));
    const candidates = (options.within ?? this.host.store.listIssues()).filter((i) => browsable.get(i.projectKey) === true);
    const views = this.views(candidates, options.reconcile).filter((v) => compiled.matches(v));
    views.sort(compiled.compare);
    return { compiled, issues: views.map((v) => v.row) };
  }

  /** One issue as the search returns it. */
  renderIssue(issue: IssueRow, selection: FieldSelection, properties: string[] | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = selection.full
      ? { expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations', id: issue.id, self: `${this.host.siteUrl()}/rest/api/3/issue/${issue.id}`, key: issue.key }
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
        return { self: `${site}/rest/api/3/priority/${id}`, iconUrl: `${site}/images/icons/priorities/${name.toLowerCase()}.svg`, name, id };
      }
      case 'resolution':
        return issue.status === 'Done' ? { self: `${site}/rest/api/3/resolution/10000`, id: '10000', description: 'Work has been completed on this issue.', name: 'Done' } : null;
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
    if (!compiled.bounded) return answer(400, jqlErrorBody(['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']));

    const page = issues.slice(offset, offset + pageSize);
    const isLast = offset + page.length >= issues.length;
    const body: Record<string, unknown> = { issues: page.map((issue) => this.renderIssue(issue, selection, properties)) };
    if (!isLast) body.nextPageToken = encodePageToken(params.jql, offset + page.length);
    body.isLast = isLast;
    return answer(200, body);
  }

  private approximateCount(req: RouteRequest): RouteAnswer {
    let body: { jql?: unknown };
    try {
      body = (req.bodyText ? JSON.parse(req.bodyText) : {}) as { jql?: unknown };
    } catch {
      return answer(400, errorBody('Invalid request payload. Refer to the REST API documentation and try again.'));
    }
    const jql = typeof body?.jql === 'string' ? body.jql : '';
    const { compiled, issues } = this.run(req.actor, jql);
    if (compiled.errors.length > 0) return answer(400, jqlErrorBody(compiled.errors));
    if (!compiled.bounded) return answer(400, jqlErrorBody(['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']));
    return answer(200, { count: issues.length });
  }

  private parse(req: RouteRequest): RouteAnswer {
    const validation = (req.url.searchParams.get('validation') ?? 'strict').toLowerCase();
    if (!['strict', 'warn', 'none'].includes(validation)) {
      return answer(400, errorBody(`The value '${validation}' is not valid for 'validation': use strict, warn or none.`));
    }
    let body: { queries?: unknown };
    try {
      body = (req.bodyText ? JSON.parse(req.bodyText) : {}) as { queries?: unknown };
    } catch {
      return answer(400, errorBody('Invalid request payload. Refer to the REST API documentation and try again.'));
    }
    if (!Array.isArray(body?.queries) || body.queries.length === 0 || body.queries.some((q) => typeof q !== 'string' || q.length === 0)) {
      return answer(400, { errorMessages: [], errors: { queries: 'The queries must be a non-empty list of non-empty strings.' } });
    }
    const env = this.environment(req.actor);
    const queries = (body.queries as string[]).map((query) => {
      const parsed = parseJql(query);
      if (parsed.syntaxErrors.length > 0 || !parsed.query) return { query, errors: parsed.syntaxErrors };
      const structure = structureOf(parsed.query);
      if (validation === 'none') return { query, structure, errors: [] };
      const semantic = compileJql(query, env).errors;
      return validation === 'warn' ? { query, structure, errors: [], warnings: semantic } : { query, structure, errors: semantic };
    });
    return answer(200, { queries });
  }

  private permissionsCheck(req: RouteRequest): RouteAnswer {
    let body: { accountId?: unknown; projectPermissions?: unknown; globalPermissions?: unknown };
    try {
      body = (req.bodyText ? JSON.parse(req.bodyText) : {}) as typeof body;
    } catch {
      return answer(400, errorBody('Invalid request payload. Refer to the REST API documentation and try again.'));
    }
    const store = this.host.store;
    let subject: SearchActor = req.actor;
    if (typeof body.accountId === 'string' && body.accountId !== '') {
      const user = store.getUser(body.accountId);
      if (!user) return answer(400, { errorMessages: [], errors: { accountId: `The user with account ID '${body.accountId}' does not exist.` } });
      const self = req.actor.kind === 'user' && req.actor.accountId === user.accountId;
      const allowed = req.actor.kind === 'app' || self || (req.actor.kind === 'user' && this.isSiteAdmin(req.actor));
      if (!allowed) return answer(403, errorBody('Only Jira administrators and apps can check the permissions of other users.'));
      subject = { kind: 'user', accountId: user.accountId };
    }
    const needs: Record<string, 'browse' | 'edit' | 'admin'> = {
      BROWSE_PROJECTS: 'browse', ADD_COMMENTS: 'browse', EDIT_ISSUES: 'edit', CREATE_ISSUES: 'edit', ASSIGN_ISSUES: 'edit',
      TRANSITION_ISSUES: 'edit', DELETE_ISSUES: 'admin', ADMINISTER_PROJECTS: 'admin',
    };
    const rank: Record<AccessLevel, number> = { none: 0, browse: 1, edit: 2, admin: 3 };
    const requests = Array.isArray(body.projectPermissions) ? (body.projectPermissions as Array<Record<string, unknown>>) : [];
    const projectPermissions: Array<{ permission: string; issues: number[]; projects: number[] }> = [];
    for (const request of requests) {
      const permissions = Array.isArray(request.permissions) ? (request.permissions as unknown[]).map(String) : [];
      const unknown = permissions.filter((p) => !needs[p]);
      if (unknown.length > 0) return answer(400, errorBody(`Unrecognized permission keys: ${unknown.join(', ')}`));
      const issues = Array.isArray(request.issues) ? (request.issues as unknown[]) : [];
      const projects = Array.isArray(request.projects) ? (request.projects as unknown[]) : [];
      for (const permission of permissions) {
        const need = rank[needs[permission]!];
        const allowedIssues = issues.map(Number).filter((id) => {
          const issue = Number.isInteger(id) ? store.getIssue(String(id)) : undefined;
          return issue !== undefined && rank[this.host.level(subject, issue.projectKey)] >= need;
        });
        const allowedProjects = projects.map(Number).filter((id) => {
          const project = Number.isInteger(id) ? store.listProjects().find((p) => p.id === String(id)) : undefined;
          return project !== undefined && rank[this.host.level(subject, project.key)] >= need;
        });
        projectPermissions.push({ permission, issues: allowedIssues, projects: allowedProjects });
      }
    }
    const globalAsked = Array.isArray(body.globalPermissions) ? (body.globalPermissions as unknown[]).map(String) : [];
    const globalPermissions = globalAsked.filter((p) => {
      if (p === 'ADMINISTER' || p === 'SYSTEM_ADMIN') return subject.kind === 'app' || (subject.kind === 'user' && this.isSiteAdmin(subject));
      return ['USER_PICKER', 'CREATE_SHARED_OBJECTS', 'BROWSE_USERS'].includes(p);
    });
    return answer(200, { globalPermissions, projectPermissions });
  }

  private isSiteAdmin(actor: SearchActor): boolean {
    return this.host.store.listProjects().some((p) => this.host.level(actor, p.key) === 'admin');
  }
}

// --- jql/parse structure -------------------------------------------------------------------

type Json = Record<string, unknown>;

/** The `structure` of Jira's jql/parse answer, built from the JAST by a visitor. */
class StructureVisitor extends AbstractJastVisitor<Json> {
  protected defaultResult(): Json {
    return {};
  }

  visitCompoundClause = (clause: Extract<Clause, { clauseType: 'compound' }>): Json => ({
    clauses: clause.clauses.map((c) => c.accept(this)),
    operator: clause.operator.value,
  });

  visitNotClause = (clause: Extract<Clause, { clauseType: 'not' }>): Json => ({ clauses: [clause.clause.accept(this)], operator: 'not' });

  visitTerminalClause = (clause: Extract<Clause, { clauseType: 'terminal' }>): Json => {
    const out: Json = { field: fieldJson(clause.field) };
    if (clause.operator) out.operator = clause.operator.value.toLowerCase();
    if (clause.operand) out.operand = operandJson(clause.operand);
    return out;
  };
}

function fieldJson(field: { value: string; properties: Array<{ key: { value: string } | void; path: Array<{ value: string }> | void }> | void }): Json {
  const out: Json = { name: field.value };
  if (field.properties && field.properties.length > 0) {
    out.property = field.properties.map((p) => ({
      entity: 'issue',
      key: p.key ? p.key.value : '',
      path: (p.path ?? []).map((x) => x.value.replace(/^\./, '')).join('.'),
    }));
  }
  return out;
}

function operandJson(operand: Operand): Json {
  switch (operand.operandType) {
    case 'value':
      return { value: operand.value, encodedValue: operand.text };
    case 'keyword':
      return { keyword: operand.value };
    case 'function':
      return { function: operand.function.value, arguments: operand.arguments.map((a) => a.value), encodedOperand: `${operand.function.value}(${operand.arguments.map((a) => a.text).join(', ')})` };
    case 'list':
      return { values: operand.values.map(operandJson) };
  }
}

export function structureOf(query: Query): Json {
  const out: Json = {};
  if (query.where) out.where = query.where.accept(new StructureVisitor());
  if (query.orderBy) {
    out.orderBy = {
      fields: query.orderBy.fields.map((f) => ({ field: fieldJson(f.field), ...(f.direction ? { direction: f.direction.value.toLowerCase() } : {}) })),
    };
  }
  return out;
}

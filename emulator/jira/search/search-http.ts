/**
 * The search's request side: who asks, the routes it registers, Jira's
 * documented limits, the `fields` selection, the parameters of GET and POST
 * /search/jql, and the opaque page tokens.
 */
import { createHash } from 'node:crypto';
import type { LocalStore } from '../../store/local-store';
import type { IssueRow, PermissionLevel, UserRow } from '../../store/rows';
import { SPRINT_FIELD_ID } from '../jira-representations';

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
  /** While > 0, a property written less than this many ms ago is not yet seen by JQL (unless reconciled). Default 2 s; 0 turns it off. */
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
  'summary',
  'status',
  'description',
  'project',
  'issuetype',
  'assignee',
  'reporter',
  'labels',
  'created',
  'updated',
  'priority',
  'parent',
  'resolution',
  SPRINT_FIELD_ID,
] as const;

export const jqlErrorBody = (messages: string[]) => ({ errorMessages: messages, errors: {}, warningMessages: [] as string[] });
export const errorBody = (...messages: string[]) => ({ errorMessages: messages, errors: {} });
export const answer = (status: number, body: unknown): RouteAnswer => ({ status, body });

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
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
};

export interface SearchParams {
  jql: string;
  nextPageToken?: string;
  maxResults?: number;
  fields?: string[];
  properties?: string[];
  reconcileIssues?: number[];
}

export class BadRequest extends Error {}

export function searchParamsOf(req: RouteRequest): SearchParams {
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
  let parsed: unknown;
  try {
    parsed = req.bodyText ? JSON.parse(req.bodyText) : {};
  } catch {
    throw new BadRequest('Invalid request payload. Refer to the REST API documentation and try again.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new BadRequest('Invalid request payload. Refer to the REST API documentation and try again.');
  const body = parsed as Record<string, unknown>;
  const strings = (value: unknown, name: string): string[] | undefined => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
      throw new BadRequest(`The '${name}' parameter must be a list of strings.`);
    return (value as string[])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
  };
  if (body.jql !== undefined && typeof body.jql !== 'string') throw new BadRequest("The 'jql' parameter must be a string.");
  if (body.maxResults !== undefined && (typeof body.maxResults !== 'number' || !Number.isInteger(body.maxResults)))
    throw new BadRequest("The 'maxResults' parameter must be an integer.");
  if (body.nextPageToken !== undefined && body.nextPageToken !== null && typeof body.nextPageToken !== 'string')
    throw new BadRequest("The 'nextPageToken' parameter must be a string.");
  if (
    body.reconcileIssues !== undefined &&
    (!Array.isArray(body.reconcileIssues) || body.reconcileIssues.some((v) => typeof v !== 'number' || !Number.isInteger(v)))
  ) {
    throw new BadRequest("The 'reconcileIssues' parameter must be a list of issue ids (numbers).");
  }
  return {
    jql: body.jql ?? '',
    nextPageToken: body.nextPageToken ?? undefined,
    maxResults: body.maxResults,
    fields: strings(body.fields, 'fields'),
    properties: strings(body.properties, 'properties'),
    reconcileIssues: body.reconcileIssues as number[] | undefined,
  };
}

function numberParam(value: string, name: string): number {
  if (!/^-?\d+$/.test(value.trim()))
    throw new BadRequest(`The value '${value}' is not valid for the '${name}' parameter: it must be an integer.`);
  return Number(value);
}

const tokenHash = (jql: string) => createHash('sha256').update(jql.trim()).digest('base64url').slice(0, 12);

export function encodePageToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ v: 1, o: offset, q: tokenHash(jql) })).toString('base64url');
}

export function decodePageToken(token: string, jql: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: number; o?: number; q?: string };
    if (decoded.v === 1 && typeof decoded.o === 'number' && decoded.o >= 0 && decoded.q === tokenHash(jql)) return decoded.o;
  } catch {
    // fall through
  }
  throw new BadRequest('The provided next page token is invalid or expired.');
}

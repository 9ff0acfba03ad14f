/**
 * How Atlassian refuses a request before the product serves it, per product: an unknown path (404),
 * a method the path does not offer (405), a request the operation's contract refuses (400, 415), and
 * a scope the manifest does not declare. Sources in emulator/README.md ("Contracts enforced").
 */
import { STATUS_CODES } from 'node:http';
import type { HttpMethod, Operation, Product, ScopeVerdict, SpecKey } from '../contract/types';
import type { StandInResponse } from './stand-in-http';

const JSON_TYPE = 'application/json;charset=UTF-8';

function reply(status: number, body: unknown, endpoint: string, headers: Record<string, string> = {}): StandInResponse {
  return {
    status,
    statusText: STATUS_CODES[status] ?? '',
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: JSON.stringify(body),
    endpoint,
  };
}

/** Jira's ErrorCollection (`{ errorMessages, errors }`); Confluence v2's `{ errors: [{ status, code, title, detail }] }`. */
export function productError(
  product: Product,
  status: number,
  messages: string[],
  endpoint: string,
  headers: Record<string, string> = {},
): StandInResponse {
  if (product === 'jira') return reply(status, { errorMessages: messages, errors: {} }, endpoint, headers);
  const code = (STATUS_CODES[status] ?? 'ERROR').toUpperCase().replace(/\W+/g, '_');
  return reply(status, { errors: messages.map((title) => ({ status, code, title, detail: null })) }, endpoint, headers);
}

/** No operation of the specs has this path. Jira's REST layer (Jersey) answers "null for uri: <url>". */
export function unknownPath(product: Product, method: string, url: URL, siteUrl: string): StandInResponse {
  const endpoint = `${method} ${url.pathname}`;
  const text = product === 'jira' ? `null for uri: ${siteUrl}${url.pathname}${url.search}` : 'Not Found';
  return productError(product, 404, [text], endpoint);
}

/** The path exists with other methods: 405 with `Allow`. */
export function methodNotAllowed(product: Product, method: string, url: URL, allowed: HttpMethod[]): StandInResponse {
  return productError(
    product,
    405,
    [`Method ${method} is not allowed on ${url.pathname} (allowed: ${allowed.join(', ')}).`],
    `${method} ${url.pathname}`,
    {
      allow: allowed.join(', '),
    },
  );
}

/** The request breaks the operation's contract: Jira's 400 names each problem. */
export function invalidRequest(product: Product, op: Operation, messages: string[]): StandInResponse {
  return productError(product, 400, messages, op.label);
}

/** A JSON body sent without `Content-Type: application/json`: Jira's REST layer answers 415. */
export function unsupportedMediaType(product: Product, op: Operation, contentType: string | null): StandInResponse {
  const sent = contentType ? `"${contentType}"` : 'no Content-Type';
  return productError(
    product,
    415,
    [`${op.label}: the body is JSON but the request has ${sent}; send "Content-Type: application/json".`],
    op.label,
  );
}

/**
 * The manifest lacks the operation's scopes.
 *
 * - Jira's platform API checks a Forge app's token itself and answers 403 with its ErrorCollection,
 *   naming the scopes granted and the groups of scopes that would do (the classic scope, or the granular set).
 * - Jira Software's Agile API, Confluence and Forge storage are refused by Atlassian's API gateway:
 *   401 `{"code":401,"message":"Unauthorized; scope does not match"}`.
 */
export function scopeRefusal(
  product: Product | 'kvs',
  endpoint: string,
  granted: readonly string[],
  verdict: Pick<ScopeVerdict, 'alternatives'>,
  spec?: SpecKey,
): StandInResponse {
  if (product !== 'jira' || spec === 'jira-software') {
    return {
      ...reply(401, { code: 401, message: 'Unauthorized; scope does not match' }, endpoint),
      headers: { 'content-type': 'application/json', 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
    };
  }
  const groups = verdict.alternatives.map((a) => ` * [${a.scopes.join(', ')}]\n`).join('');
  const message =
    `Access to the resource was denied due to missing scope grants. Your app was granted the following scopes: [${granted.join(', ')}].\n` +
    `The resource can be accessed by having one of these groups of scopes:\n${groups}`;
  return productError('jira', 403, [message], endpoint);
}

/** How the Jira stand-in answers: routes by method and path template, JSON bodies in Jira's shapes, Jira's error shape. */
import { STATUS_CODES } from 'node:http';
import type { StandInActor, StandInRequest, StandInResponse } from '../runtime/stand-in-http';
import { stringifyWithRaw } from './raw-json';

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  handle: (ctx: Ctx, params: string[]) => StandInResponse;
}

export interface Ctx {
  actor: StandInActor;
  url: URL;
  req: StandInRequest;
  endpoint: string;
}

export const json = (ctx: Ctx, status: number, body: unknown): StandInResponse => ({
  status,
  statusText: STATUS_CODES[status] ?? '',
  headers: { 'content-type': 'application/json;charset=UTF-8' },
  body: stringifyWithRaw(body),
  endpoint: ctx.endpoint,
});

export const empty = (ctx: Ctx, status: number): StandInResponse => ({
  status,
  statusText: STATUS_CODES[status] ?? '',
  headers: status === 204 ? {} : { 'content-type': 'application/json;charset=UTF-8' },
  body: null,
  endpoint: ctx.endpoint,
});

export const errors = (ctx: Ctx, status: number, ...messages: string[]): StandInResponse =>
  json(ctx, status, { errorMessages: messages, errors: {} });

/** Values of a comma-separated, possibly repeated query parameter. */
export const listParam = (url: URL, name: string): string[] | undefined => {
  const raw = url.searchParams.getAll(name);
  if (raw.length === 0) return undefined;
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
};

/** A route whose `{name}` segments become the handler's params. */
export const routeOf = (method: string, template: string, handle: Route['handle']): Route => ({
  method,
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}/?$`),
  handle,
});

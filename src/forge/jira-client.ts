/**
 * The one REST wrapper: every Jira call goes through here, with the status
 * checked, 429 retried per Retry-After within a budget, and typed errors out.
 */
import api, { type Route } from '@forge/api';
import { AppError } from '../contract/errors';

export type Actor = 'user' | 'app';

export interface JiraRequest {
  method?: 'GET' | 'PUT' | 'POST' | 'DELETE';
  body?: unknown;
  /** Statuses the caller handles itself (e.g. 404 meaning "absent"). */
  accept?: number[];
}

export interface JiraResponse {
  status: number;
  body: unknown;
}

export const RETRY_POLICY = {
  attempts: 3,
  /** Never wait longer than this in total: an invocation has 25 s. */
  budgetMs: 8000,
  defaultWaitMs: 1000,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function requestJira(actor: Actor, path: Route, request: JiraRequest = {}): Promise<JiraResponse> {
  const requester = actor === 'user' ? api.asUser() : api.asApp();
  const init = {
    method: request.method ?? 'GET',
    headers: { Accept: 'application/json', ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  };
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await requester.requestJira(path, init);
    } catch (error) {
      if (error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR') {
        throw new AppError('CONSENT_REQUIRED', 'Learning Loop needs your permission to read Jira as you. Open any Jira issue with the app and allow access, then reload.');
      }
      throw new AppError('JIRA_UNAVAILABLE', 'Jira could not be reached. Check your connection and try again.', {
        cause: error instanceof Error ? error.name : 'unknown',
      });
    }
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get('Retry-After'));
      if (attempt < RETRY_POLICY.attempts && waited + wait <= RETRY_POLICY.budgetMs) {
        waited += wait;
        await sleep(wait);
        continue;
      }
      throw new AppError('RATE_LIMITED', 'Jira is busy right now and asked us to slow down. Wait a few seconds and try again.');
    }
    const text = await response.text();
    if (response.ok || request.accept?.includes(response.status)) {
      return { status: response.status, body: parseBody(text) };
    }
    throw errorFor(response.status, parseBody(text));
  }
}

function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : RETRY_POLICY.defaultWaitMs;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function jiraMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const messages = (body as { errorMessages?: unknown }).errorMessages;
  if (Array.isArray(messages) && typeof messages[0] === 'string') return messages[0];
  return undefined;
}

function errorFor(status: number, body: unknown): AppError {
  const said = jiraMessage(body);
  switch (status) {
    case 401:
    case 403:
      return new AppError('FORBIDDEN', 'You do not have permission to do this on this issue. Ask a project admin for Edit access.');
    case 404:
      return new AppError('NOT_FOUND', 'This issue does not exist, or you do not have permission to see it.');
    case 400:
      return new AppError('INVALID_INPUT', said ? `Jira refused the change: ${said}` : 'Jira refused the change as invalid.');
    default:
      return new AppError('JIRA_UNAVAILABLE', `Jira answered with an error (${status}). Try again in a moment.`);
  }
}

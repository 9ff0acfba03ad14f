/**
 * The one REST wrapper. Each adapter makes its own `jiraAs(actor).requestJira(route…, {…})`
 * call, so Atlassian's linter (`@forge/lint`) sees every call site and checks its scopes;
 * this module runs the call: status checked, 429 retried with backoff within a budget,
 * platform errors told apart, typed errors out.
 */
import api, { type APIResponse } from '@forge/api';
import { AppError } from '../../contract/errors';

export type Actor = 'user' | 'app';

/** Who a call acts as: `asUser()` (Jira checks the person's permissions) or `asApp()`. */
export const jiraAs = (actor: Actor) => (actor === 'user' ? api.asUser() : api.asApp());

export const JSON_HEADERS = { Accept: 'application/json' };
export const JSON_BODY_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

export interface JiraCall {
  /** What the call reads or writes, for messages: "the issue FLEX-1", "the project's boards", "the search". */
  subject: string;
  /** Statuses the caller handles itself (e.g. 404 meaning "absent"). */
  accept?: number[];
  /** What to tell a person Jira refused (401/403), when the generic sentence would mislead. */
  forbidden?: string;
  /** How to open the sentence for a 400 with Jira's reason, e.g. "Jira could not run this JQL". */
  invalid?: string;
}

export interface JiraResponse {
  status: number;
  body: unknown;
}

export const RETRY_POLICY = {
  attempts: 4,
  /** Never wait longer than this in total: an invocation has 25 s. */
  budgetMs: 8000,
  /** First backoff without Retry-After; doubled each attempt, with full jitter. */
  baseBackoffMs: 500,
  /**
   * One call that has not answered by then is given up: Forge stops a UI invocation at 25 s
   * (limits-invocation), and a person told "Jira is taking too long" at 8 s can try again.
   */
  callTimeoutMs: 8000,
};

/** Platform errors `@forge/api` throws by name (see node_modules/@forge/api/out/api/errors.js). */
const NEEDS_AUTHENTICATION_ERR = 'NEEDS_AUTHENTICATION_ERR';
const REQUEST_EGRESS_ALLOWLIST_ERR = 'REQUEST_EGRESS_ALLOWLIST_ERR';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Injectable for tests: the jitter's random source. */
export const backoff = { random: Math.random };

/**
 * Runs one Jira call (`send` is called again for each retry). A consent error
 * (`NEEDS_AUTHENTICATION_ERR`) is rethrown untouched: Forge prompts the person
 * to grant access only when it leaves the function uncaught.
 */
export async function callJira(call: JiraCall, send: () => Promise<APIResponse>): Promise<JiraResponse> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    let response: APIResponse;
    try {
      response = await withinDeadline(send, call);
    } catch (error) {
      throw error instanceof AppError ? error : platformError(error, call);
    }
    if (response.status === 429) {
      const wait = waitBeforeRetry(response.headers.get('Retry-After'), attempt);
      if (attempt < RETRY_POLICY.attempts && waited + wait <= RETRY_POLICY.budgetMs) {
        waited += wait;
        await sleep(wait);
        continue;
      }
      throw new AppError('RATE_LIMITED', 'Jira is busy right now and asked us to slow down. Wait a few seconds and try again.');
    }
    const text = await response.text();
    if (response.ok || call.accept?.includes(response.status)) {
      return { status: response.status, body: parseBody(text) };
    }
    throw errorFor(response.status, parseBody(text), call);
  }
}

/** The call's answer, or JIRA_UNAVAILABLE (no status: the outcome of a write is unknown) once `callTimeoutMs` has passed. */
async function withinDeadline(send: () => Promise<APIResponse>, call: JiraCall): Promise<APIResponse> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(
        new AppError('JIRA_UNAVAILABLE', `Jira is taking too long to answer for ${call.subject}; try again in a moment.`, {
          cause: 'TIMEOUT',
        }),
      );
    }, RETRY_POLICY.callTimeoutMs);
  });
  try {
    return await Promise.race([send(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After when Jira gives one; otherwise exponential backoff with full jitter. */
export function waitBeforeRetry(retryAfter: string | null, attempt: number): number {
  const seconds = retryAfter === null || retryAfter.trim() === '' ? NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const ceiling = RETRY_POLICY.baseBackoffMs * 2 ** (attempt - 1);
  return Math.round(ceiling / 2 + (backoff.random() * ceiling) / 2);
}

function platformError(error: unknown, call: JiraCall): unknown {
  if (!(error instanceof Error))
    return new AppError('JIRA_UNAVAILABLE', `Jira could not be reached for ${call.subject}. Try again in a moment.`);
  if (error.name === NEEDS_AUTHENTICATION_ERR) return error;
  const code = (error as { errorCode?: unknown }).errorCode;
  if (error.name === REQUEST_EGRESS_ALLOWLIST_ERR || code === REQUEST_EGRESS_ALLOWLIST_ERR) {
    return new AppError(
      'PRODUCT_NOT_CONNECTED',
      'Learning Loop is not connected to Jira on this site, so it cannot read Jira from here. ' +
        'A site admin must install Learning Loop in Jira, then add it to Confluence (Atlassian Administration → Apps).',
      { cause: REQUEST_EGRESS_ALLOWLIST_ERR },
    );
  }
  return new AppError('JIRA_UNAVAILABLE', `Jira could not be reached for ${call.subject}. Try again in a moment.`, {
    cause: error.name,
  });
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
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

function errorFor(status: number, body: unknown, call: JiraCall): AppError {
  const said = jiraMessage(body);
  const { subject } = call;
  switch (status) {
    case 401:
    case 403:
      return new AppError(
        'FORBIDDEN',
        call.forbidden ?? `Jira refused access to ${subject}${said ? ` ("${said}")` : ''}. A Jira admin can check your permissions.`,
      );
    case 404:
      return new AppError('NOT_FOUND', `Jira could not find ${subject}: it does not exist, or you do not have permission to see it.`);
    case 400:
      return new AppError(
        'INVALID_INPUT',
        said
          ? `${call.invalid ?? `Jira refused the request for ${subject}`}: ${said}`
          : `Jira refused the request for ${subject} as invalid.`,
      );
    default:
      return new AppError('JIRA_UNAVAILABLE', `Jira answered with an error (${status}) for ${subject}. Try again in a moment.`, { status });
  }
}

/**
 * Atlassian's Personal data reporting API, as the user privacy guide documents it
 * (developer.atlassian.com/platform/forge/user-privacy-guidelines, snapshot of 2026-08-22):
 * `POST https://api.atlassian.com/app/report-accounts/`, up to 90 accounts per request, each
 * `{ accountId, updatedAt }` (RFC 3339); 200 with `{ accounts: [{ accountId, status }] }` where
 * an account is `closed` or `updated`, 204 when nothing is to be done, 400 `{ errorType,
 * errorMessage }` for a malformed request (429, 500, 503 through the fault registry).
 * Forge reaches it as the app (`asApp().requestAtlassian`; @forge/api's own
 * `privacy.reportPersonalData` posts to `/app/report-accounts`, without the slash): both are served.
 * Safe readings where the guide is silent: an empty list and the account id `unknown` (which the
 * guide says never to report) are refused; a call as a user is refused (403).
 */
import type { StandInActor, StandInRequest, StandInResponse } from '../runtime/stand-in-http';

export const REPORT_ACCOUNTS_PATH = /^\/app\/report-accounts\/?$/;
export const REPORT_ACCOUNTS_MAX = 90;
/** "1-128 characters long, and may contain alphanumeric characters, as well as - and : characters." */
const ACCOUNT_ID = /^[A-Za-z0-9:-]{1,128}$/;
/** RFC 3339 section 5.6 date-time. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const ENDPOINT = 'POST /app/report-accounts/';

export interface ReportedAccount {
  accountId: string;
  updatedAt: string;
}

/** One request the API received, as it was answered. */
export interface PersonalDataReport {
  at: number;
  accounts: ReportedAccount[];
  status: number;
}

export class PersonalDataReporting {
  private readonly closed = new Set<string>();
  /** `updated` is answered once: the app may then fetch the data again. */
  private readonly updated = new Set<string>();
  private received: PersonalDataReport[] = [];
  /** Sent as the `Cycle-Period` header when set (the guide: apps must follow it instead of 7 days). */
  cyclePeriod: string | null = null;

  /** The account is closed: every report of it answers `closed` from now on. */
  closeAccount(accountId: string): void {
    this.closed.add(accountId);
  }

  /** The app's copy of this person's data is out of date: the next report of it answers `updated`. */
  markUpdated(accountId: string): void {
    this.updated.add(accountId);
  }

  isClosed(accountId: string): boolean {
    return this.closed.has(accountId);
  }

  /** Every request received, oldest first (accepted or refused). */
  get reports(): readonly PersonalDataReport[] {
    return this.received;
  }

  clearReports(): void {
    this.received = [];
  }

  /** Forgets closures, pending updates, reports and the cycle period (the site's reset). */
  reset(): void {
    this.closed.clear();
    this.updated.clear();
    this.received = [];
    this.cyclePeriod = null;
  }

  handle(actor: StandInActor, req: StandInRequest): StandInResponse {
    const pathname = new URL(req.path, 'https://api.atlassian.com').pathname;
    if (!REPORT_ACCOUNTS_PATH.test(pathname))
      return problem(
        404,
        'NOT_FOUND',
        `The local site does not serve ${req.method} ${pathname} on api.atlassian.com.`,
        `${req.method} ${pathname}`,
      );
    if (req.method.toUpperCase() !== 'POST') return problem(405, 'METHOD_NOT_ALLOWED', 'Only POST is allowed here.');
    if (actor.kind !== 'app') return problem(403, 'FORBIDDEN', 'The Personal data reporting API is called as the app (asApp).');
    const parsed = parseAccounts(req.bodyText);
    if (typeof parsed === 'string') {
      this.received.push({ at: Date.now(), accounts: [], status: 400 });
      return problem(400, 'INVALID_REQUEST', parsed);
    }
    const answer = parsed.flatMap(({ accountId }): Array<{ accountId: string; status: 'closed' | 'updated' }> => {
      if (this.closed.has(accountId)) return [{ accountId, status: 'closed' }];
      if (this.updated.delete(accountId)) return [{ accountId, status: 'updated' }];
      return [];
    });
    const unique = [...new Map(answer.map((a) => [a.accountId, a])).values()];
    const status = unique.length > 0 ? 200 : 204;
    this.received.push({ at: Date.now(), accounts: parsed, status });
    const headers: Record<string, string> = this.cyclePeriod ? { 'cycle-period': this.cyclePeriod } : {};
    if (status === 204) return { status, statusText: 'No Content', headers, body: null, endpoint: ENDPOINT };
    return {
      status,
      statusText: 'OK',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ accounts: unique }),
      endpoint: ENDPOINT,
    };
  }
}

/** The accounts of a well-formed request, or what is wrong with it. */
function parseAccounts(bodyText: string | null): ReportedAccount[] | string {
  let body: unknown;
  try {
    body = JSON.parse(bodyText ?? '');
  } catch {
    return 'The request body must be JSON.';
  }
  const accounts = (body as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(accounts) || accounts.length === 0) return 'The request must hold a non-empty "accounts" array.';
  if (accounts.length > REPORT_ACCOUNTS_MAX)
    return `At most ${REPORT_ACCOUNTS_MAX} accounts may be reported in one request; got ${accounts.length}.`;
  const read: ReportedAccount[] = [];
  for (const account of accounts as unknown[]) {
    const { accountId, updatedAt } = (account ?? {}) as { accountId?: unknown; updatedAt?: unknown };
    if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) return `"${String(accountId)}" is not an account id.`;
    if (accountId === 'unknown') return 'The account "unknown" must not be reported.';
    if (typeof updatedAt !== 'string' || !RFC3339.test(updatedAt) || Number.isNaN(Date.parse(updatedAt))) {
      return `The updatedAt of ${accountId} must be an RFC 3339 date-time; got "${String(updatedAt)}".`;
    }
    read.push({ accountId, updatedAt });
  }
  return read;
}

function problem(status: number, errorType: string, errorMessage: string, endpoint = ENDPOINT): StandInResponse {
  return {
    status,
    statusText: errorType,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errorType, errorMessage }),
    endpoint,
  };
}

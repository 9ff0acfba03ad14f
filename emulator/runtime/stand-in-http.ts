/**
 * What every stand-in speaks: a request as the platform's proxy hands it on,
 * and the answer, with the endpoint template the accounting counts it under.
 */

/** Who the product sees: a person (asUser, or the page), the app (asApp, full access), or nobody. */
export type StandInActor = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

export interface StandInRequest {
  method: string;
  /** Path with query, e.g. "/rest/api/3/issue/FLEX-112?fields=summary". */
  path: string;
  headers: Headers;
  bodyText: string | null;
}

export interface StandInResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string | null;
  /** Method and path template, for accounting. */
  endpoint: string;
}

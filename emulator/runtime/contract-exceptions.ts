/**
 * The one place where the emulator answers differently from a vendored spec on purpose, because the
 * spec itself is wrong about what Jira or Confluence send. Each entry says why. A response problem
 * that matches one is recorded as a warning (with the reason), not as a contract violation.
 */
import type { Problem } from '../contract/types';

export interface ContractException {
  /** The operation's label, e.g. `GET /rest/api/3/field`. */
  operation: string;
  /** The problem's message contains this. */
  contains: string;
  status?: number;
  reason: string;
}

const SEARCH_REMOVED =
  'Atlassian removed the old search (CHANGE-2046: "The requested API has been removed", 410 Gone); the vendored platform ' +
  'spec still lists the operation, deprecated ("Endpoint is currently being removed"), with 200, 400 and 401 only';

export const CONTRACT_EXCEPTIONS: readonly ContractException[] = [
  { operation: 'GET /rest/api/3/search', contains: 'status 410 is not documented', status: 410, reason: SEARCH_REMOVED },
  { operation: 'POST /rest/api/3/search', contains: 'status 410 is not documented', status: 410, reason: SEARCH_REMOVED },
];

/** The reason a response problem is a known exception, or undefined. */
export function exceptionFor(problem: Problem, status: number): string | undefined {
  const hit = CONTRACT_EXCEPTIONS.find(
    (e) => e.operation === problem.operation && problem.message.includes(e.contains) && (e.status === undefined || e.status === status),
  );
  return hit?.reason;
}

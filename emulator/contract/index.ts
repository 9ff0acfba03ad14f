/**
 * Atlassian's published REST contracts (emulator/specs) as a module: match a request to its operation,
 * validate requests and responses against the operation's schemas, and decide whether the manifest's
 * scopes grant it, the way @forge/lint does. Node only; imports nothing of the app.
 *
 *   const contracts = loadContracts();
 *   const op = contracts.match('jira', 'GET', '/rest/api/3/issue/LL-1?fields=summary');
 *   contracts.validateRequest(op, { query: new URLSearchParams('fields=summary') });  // Problem[]
 *   contracts.validateResponse(op, 200, body);                                       // Problem[]
 *   contracts.scopesGranted(op, ['read:jira-work']);                                  // { ok, missing, … }
 */
export { Contracts, DEFAULT_SPEC_DIR } from './contracts';
export { loadContracts } from './load-contracts';
export { requiredScopesOf, scopesGranted } from './scopes';
export { formatScopeTable, readManifestScopes, scopeTable, type AppCall, type ScopeTableRow } from './scope-table';
export type {
  HttpMethod,
  MatchedOperation,
  Operation,
  Problem,
  ProblemLocation,
  Product,
  RequestInput,
  ScopeAlternative,
  ScopeAlternatives,
  ScopeVerdict,
  SpecKey,
} from './types';

/**
 * Which OAuth scopes an operation needs, read the way Atlassian's own linter reads them.
 *
 * Source of truth: `@forge/lint` 6.3.1, `out/lint/linters/permission-linter/verifiers/product-verifier.js`
 * (ProductVerifier.getRequiredScopes / getBetaScopes / getMissingPermissionScopes) together with
 * `@forge/manifest` 13.7.0, `out/scopes/index.js` (getMissingScopes). In short:
 *
 *   getRequiredScopes: if the operation has `x-atlassian-oauth2-scopes`, the scopes of all its entries
 *     with `state === 'Current'`, flattened into ONE list; otherwise the `OAuth2` and `oAuthDefinitions`
 *     scopes of every entry of `security`, concatenated (the linter does not treat `security` entries
 *     as alternatives: it unions them).
 *   getBetaScopes: the scopes of all `state === 'Beta'` entries, flattened (none without the extension).
 *   getMissingScopes(manifestScopes, { current, beta }):
 *     - manifest has no scopes at all          -> missing = current
 *     - current is empty                       -> nothing missing (the operation asks no scope)
 *     - every current scope is in the manifest -> nothing missing
 *     - beta is non-empty and all of it is in the manifest -> nothing missing
 *     - otherwise                               -> missing = the current scopes not in the manifest
 *   (`deprecated` scopes are a third alternative in getMissingScopes, but ProductVerifier never passes any.)
 *
 * In the Jira platform spec `Current` holds the classic scope (`read:jira-work`) and `Beta` the granular
 * set, so an operation is granted by the classic scope OR by the whole granular set. The Jira Software
 * spec has no `x-atlassian-oauth2-scopes`: its `security` lists granular scopes only, all required.
 * Confluence v2 has one `Current` entry of granular scopes.
 *
 * One deliberate difference: the linter's message names the missing *current* scopes; `missing` here is
 * the cheapest alternative's (fewest missing, `current` on a tie), with every alternative listed beside it.
 * `ok` is the same as the linter's verdict.
 */
import type { OasOperation, ScopeAlternatives, ScopeVerdict } from './types';

export function requiredScopesOf(op: OasOperation): ScopeAlternatives {
  const extension = op['x-atlassian-oauth2-scopes'];
  let source: ScopeAlternatives['source'];
  let current: string[];
  let beta: string[];
  if (extension) {
    source = 'x-atlassian-oauth2-scopes';
    current = extension.filter((e) => e.state === 'Current').flatMap((e) => e.scopes ?? []);
    beta = extension.filter((e) => e.state === 'Beta').flatMap((e) => e.scopes ?? []);
  } else if (op.security) {
    source = 'security';
    current = op.security.flatMap((entry) => [...(entry['OAuth2'] ?? []), ...(entry['oAuthDefinitions'] ?? [])]);
    beta = [];
  } else {
    source = 'none';
    current = [];
    beta = [];
  }
  current = unique(current);
  beta = unique(beta);
  const alternatives: ScopeAlternatives['alternatives'] = [{ kind: 'current', scopes: current }];
  if (beta.length > 0) alternatives.push({ kind: 'beta', scopes: beta });
  return { source, current, beta, alternatives, requiresNone: current.length === 0 };
}

/** Decide like @forge/lint's getMissingScopes (see the header); `manifestScopes` are the keys of `permissions.scopes`. */
export function scopesGranted(required: ScopeAlternatives, manifestScopes: readonly string[]): ScopeVerdict {
  const granted = new Set(manifestScopes);
  const alternatives = required.alternatives.map((alt) => ({ ...alt, missing: alt.scopes.filter((s) => !granted.has(s)) }));
  if (required.requiresNone) return { ok: true, missing: [], grantedBy: 'none-required', alternatives };
  const full = alternatives.find((alt) => alt.missing.length === 0);
  if (full) return { ok: true, missing: [], grantedBy: full.kind, alternatives };
  const cheapest = alternatives.reduce((best, alt) => (alt.missing.length < best.missing.length ? alt : best));
  return { ok: false, missing: cheapest.missing, grantedBy: null, alternatives };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

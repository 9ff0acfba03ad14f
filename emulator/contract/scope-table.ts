/**
 * The scope table: for each (method, path) the app calls, the operation it reaches and the scopes that
 * operation needs, and whether the manifest grants them. The README prints it; a test keeps it true.
 */
import { readFileSync } from 'node:fs';
import type { Contracts } from './contracts';
import type { HttpMethod, Product } from './types';
import type * as YamlModule from 'yaml';

export interface AppCall {
  product: Product;
  method: HttpMethod | Lowercase<HttpMethod>;
  /** A concrete path (`/rest/api/3/issue/LL-1?fields=summary`) or a template (`/rest/api/3/issue/{issueIdOrKey}`). */
  path: string;
}

export interface ScopeTableRow {
  product: Product;
  method: HttpMethod;
  /** As called. */
  path: string;
  /** null when no operation of the specs matches: the call is not part of Atlassian's published API. */
  pathTemplate: string | null;
  operationId: string | null;
  specFile: string | null;
  /** The scopes one alternative needs, e.g. `read:jira-work` (current) and the granular set (beta). */
  current: string[];
  beta: string[];
  granted: boolean;
  grantedBy: 'current' | 'beta' | 'none-required' | null;
  /** The cheapest alternative's missing scopes when not granted. */
  missing: string[];
}

export function scopeTable(contracts: Contracts, calls: readonly AppCall[], manifestScopes: readonly string[]): ScopeTableRow[] {
  return calls.map((call) => {
    const method = call.method.toUpperCase() as HttpMethod;
    const op = contracts.match(call.product, method, call.path);
    if (!op) {
      return {
        product: call.product,
        method,
        path: call.path,
        pathTemplate: null,
        operationId: null,
        specFile: null,
        current: [],
        beta: [],
        granted: false,
        grantedBy: null,
        missing: [],
      };
    }
    const verdict = contracts.scopesGranted(op, manifestScopes);
    return {
      product: call.product,
      method,
      path: call.path,
      pathTemplate: op.pathTemplate,
      operationId: op.operationId,
      specFile: op.specFile,
      current: op.requiredScopes.current,
      beta: op.requiredScopes.beta,
      granted: verdict.ok,
      grantedBy: verdict.grantedBy,
      missing: verdict.missing,
    };
  });
}

/** A Markdown table of the rows. */
export function formatScopeTable(rows: readonly ScopeTableRow[]): string {
  const code = (list: string[]) => (list.length ? list.map((s) => `\`${s}\``).join(' ') : '—');
  const lines = ['| call | operation | scopes (one alternative suffices) | granted |', '|---|---|---|---|'];
  for (const r of rows) {
    const call = `\`${r.method} ${r.pathTemplate ?? r.path}\``;
    if (!r.operationId) {
      lines.push(`| ${call} | not in Atlassian's specs | — | no |`);
      continue;
    }
    const scopes = r.current.length === 0 ? 'none' : r.beta.length ? `${code(r.current)} or all of ${code(r.beta)}` : code(r.current);
    const granted = !r.granted
      ? `**no**: missing ${code(r.missing)}`
      : r.grantedBy === 'none-required'
        ? 'yes (none needed)'
        : r.grantedBy === 'beta'
          ? 'yes (by the Beta set)'
          : 'yes';
    lines.push(`| ${call} | \`${r.operationId}\` | ${scopes} | ${granted} |`);
  }
  return lines.join('\n');
}

/** `permissions.scopes` of a manifest.yml (a list, or a map whose keys are the scopes, as @forge/manifest's getAllScopeKeys reads it). */
export function readManifestScopes(manifestPath: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof YamlModule;
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as { permissions?: { scopes?: string[] | Record<string, unknown> } } | null;
  const scopes = manifest?.permissions?.scopes;
  if (!scopes) return [];
  return Array.isArray(scopes) ? scopes.map(String) : Object.keys(scopes);
}

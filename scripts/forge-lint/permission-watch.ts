// Hooks into @forge/lint's PermissionLinter to record the product calls it sees and the spec
// operation each one matches: the linter itself only reports missing scopes.
import path from 'node:path';
import type { PermissionLinter } from '@forge/lint';
import type { SeenProductCall } from './lint-types';

/**
 * Records what the permission linter sees: every product call its visitors report (through
 * `addLintCriteriaMatch`) and the spec operation its verifier matches each one to (through
 * `ProductVerifier.lookupApiCall`, set up by `bootstrap()`).
 */
export function watchPermissionLinter(linter: PermissionLinter, appDir: string, seen: SeenProductCall[], filesLinted: string[]) {
  type ProductCall = { product: SeenProductCall['product']; path: string; method: string; line: number; column: number };
  type Looked = { regex?: RegExp } | undefined;
  interface Internals {
    addLintCriteriaMatch: (this: Internals, apiCall: { type: number } & Partial<ProductCall>, filepath: string) => void;
    bootstrap: (this: Internals) => Promise<void>;
    execute: (this: Internals, input: { filepath: string }) => Promise<unknown>;
    verifiers: Record<string, { lookupApiCall?: (call: ProductCall) => Looked; pathMap?: Map<RegExp, { originalPath: string }> }>;
  }
  const internals = linter as unknown as Internals;
  const pending = new Map<object, SeenProductCall>();

  const addMatch = internals.addLintCriteriaMatch;
  internals.addLintCriteriaMatch = function (apiCall, filepath) {
    if (apiCall.product && typeof apiCall.path === 'string' && typeof apiCall.method === 'string') {
      const call: SeenProductCall = {
        file: path.relative(appDir, path.resolve(appDir, filepath)),
        line: apiCall.line ?? 0,
        column: apiCall.column ?? 0,
        product: apiCall.product,
        method: apiCall.method,
        path: apiCall.path,
        specPath: null,
      };
      pending.set(apiCall, call);
      seen.push(call);
    }
    addMatch.call(this, apiCall, filepath);
  };

  const execute = internals.execute;
  internals.execute = function (input) {
    filesLinted.push(path.relative(appDir, path.resolve(appDir, input.filepath)));
    return execute.call(this, input);
  };

  const bootstrap = internals.bootstrap;
  internals.bootstrap = async function () {
    await bootstrap.call(this);
    for (const product of ['jira', 'confluence', 'bitbucket']) {
      const verifier = internals.verifiers[product];
      const lookup = verifier?.lookupApiCall;
      if (!verifier || !lookup) throw new Error(`@forge/lint changed: no ProductVerifier.lookupApiCall for ${product}`);
      verifier.lookupApiCall = function (call) {
        const found = lookup.call(this, call);
        const record = pending.get(call);
        if (record && found?.regex) record.specPath = verifier.pathMap?.get(found.regex)?.originalPath ?? null;
        return found;
      };
    }
  };
}

/**
 * Calls across Atlassian apps follow the manifest's `app.compatibility`: a module of one product
 * (a Confluence macro) may call another product (Jira) only when the manifest declares both, and
 * each optional one among them is connected on the site. Otherwise the Forge runtime refuses the
 * call before any request leaves the function: `__forge_fetch__` rejects with @forge/api's
 * `RequestProductNotAllowedError` ("Request jira is not allowed from confluence context.", name
 * `REQUEST_EGRESS_ALLOWLIST_ERR`, status 403). See emulator/README.md, "Cross-product calls".
 */
import type { SiteSettings } from '../controls/site-settings';
import type { Compatibility } from './app-manifest';
import type { ModuleProduct } from './invocation-scope';
import type * as ForgeApi from '@forge/api';

/** Whether an optional product is connected on the site (a required one always is: the app is installed there). */
export function isConnected(settings: SiteSettings | undefined, product: string): boolean {
  if (product === 'confluence') return settings?.confluenceConnected !== false;
  return true;
}

/** Why the call is refused, or null when it may go. */
export function crossProductRefusal(
  compatibility: Compatibility | null,
  settings: SiteSettings | undefined,
  from: ModuleProduct,
  to: string,
): string | null {
  if (from === to) return null;
  if (!compatibility) return `the manifest declares no app.compatibility, so the app works in ${from} only`;
  for (const product of [from, to]) {
    const declared = compatibility[product];
    if (!declared) return `app.compatibility does not declare ${product}`;
    if (!declared.required && !isConnected(settings, product)) return `${product} is optional and not connected on this site`;
  }
  return null;
}

/** @forge/api's own error class, so that the app's `instanceof` and `name` checks see what Forge throws. */
export function requestProductNotAllowed(requested: string, invocationProduct: string): Error {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RequestProductNotAllowedError } = require('@forge/api') as typeof ForgeApi;
  return new RequestProductNotAllowedError(requested, invocationProduct);
}

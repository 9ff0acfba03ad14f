/**
 * What Forge puts around a Custom UI resource, from the manifest's
 * `permissions`: the Content-Security-Policy its index.html is served with
 * (computed by Atlassian's own `@forge/csp`, as Forge's CDN computes it), and
 * the iframe's `sandbox` and `allow` attributes (Atlassian's "Custom UI
 * iframe" page).
 *
 * Two substitutions, both forced by running locally: `report-uri` points at
 * this site (`/__local/csp-reports`) instead of web-security-reports.services.atlassian.com,
 * and `hostname` is the site's URL. The emulator's own script (the bridge
 * stand-in) is injected the way Forge's host injects its own: a `<script src>`
 * from a host the policy's script-src allows (Forge's CDN there, `'self'`
 * here), never inline, so the app's policy is not loosened for it.
 */
import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import { load } from 'cheerio/slim';
import type { ManifestPermissions } from './module-registry';

/** Where the browser sends violation reports (see csp-reports.ts). */
export const CSP_REPORT_PATH = '/__local/csp-reports';

/**
 * The sandbox tokens Atlassian documents for the Custom UI iframe ("Sandbox
 * restrictions", developer.atlassian.com/platform/forge/custom-ui/iframe):
 * no `allow-popups`, no `allow-top-navigation`, so a plain link cannot leave
 * the frame; `router.open` / `router.navigate` ask the host page instead.
 */
export const FORGE_SANDBOX = [
  'allow-downloads',
  'allow-forms',
  'allow-modals',
  'allow-pointer-lock',
  'allow-same-origin',
  'allow-scripts',
] as const;

/** Granted when `permissions.external.fetch.client` allows every address ("*"): documented in the permissions reference. */
const POPUP_TOKENS = ['allow-popups', 'allow-popups-to-escape-sandbox'];

/** What `permissions.sandbox` may add (the permissions reference lists this one value). */
const OPT_IN_SANDBOX = new Set(['allow-storage-access-by-user-activation']);

/** The iframe's feature policy (the same page's "Feature policies"). */
export const FORGE_FRAME_ALLOW = 'camera; clipboard-write; display-capture; fullscreen; microphone';

const recordOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

function allowsEveryClientFetch(permissions: ManifestPermissions): boolean {
  const client = recordOf(recordOf(recordOf(permissions.external).fetch)).client;
  return Array.isArray(client) && client.some((entry) => entry === '*' || recordOf(entry).address === '*');
}

/** The iframe's `sandbox` attribute for this manifest. */
export function sandboxOf(permissions: ManifestPermissions): string {
  const tokens: string[] = [...FORGE_SANDBOX];
  if (allowsEveryClientFetch(permissions)) tokens.push(...POPUP_TOKENS);
  const optIn = Array.isArray(permissions.sandbox) ? permissions.sandbox : [];
  for (const token of optIn) if (typeof token === 'string' && OPT_IN_SANDBOX.has(token)) tokens.push(token);
  return tokens.join(' ');
}

const quietLogger = { info: () => undefined };

/**
 * The Content-Security-Policy header Forge serves this resource's index.html
 * with: inline `<script>` blocks of the deployed HTML hashed into script-src
 * (unless `content.scripts` allows unsafe-inline), `content.styles`, and the
 * `external` egress as the directives' sources.
 */
export function resourceCsp(indexHtml: string, permissions: ManifestPermissions, siteUrl: string): string {
  // `@forge/csp` types its arguments with @forge/manifest's Permissions; the manifest is passed as written, as Forge does.
  const processing = new CSPProcessingService(quietLogger, load);
  const details = processing.getCspDetails(indexHtml, permissions);
  const directives = new CSPInjectionService().getInjectableCSP({ existingCSPDetails: details, microsEnv: 'prod', hostname: siteUrl });
  return directives.map((d) => (d.startsWith('report-uri ') ? `report-uri ${siteUrl}${CSP_REPORT_PATH}` : d)).join('; ');
}

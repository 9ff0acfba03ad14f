/** Switches of a running site, changed from tests, over HTTP or on the settings page. */

export interface SiteSettings {
  /**
   * How `asUser()` Jira calls from Confluence modules fare: 'granted', or
   * 'needs-auth' (Forge refuses them as when the user has not granted the
   * app's scopes: @forge/api throws NeedsAuthenticationError).
   */
  confluenceAsUserJira: 'granted' | 'needs-auth';
  /**
   * Whether Confluence, an optional Atlassian app of the manifest's `app.compatibility`, is connected
   * on the site (an admin added the app to it). When false, a Confluence module's calls to Jira are
   * refused as Forge refuses them: `RequestProductNotAllowedError` (REQUEST_EGRESS_ALLOWLIST_ERR).
   */
  confluenceConnected: boolean;
}

export const DEFAULT_SETTINGS: SiteSettings = { confluenceAsUserJira: 'granted', confluenceConnected: true };

/**
 * Applies settings from a JSON body or a form (strings): every known key, checked. Returns an error
 * message for a bad value, or null.
 */
export function applySettings(settings: SiteSettings, body: Record<string, unknown>): string | null {
  const asUser = body.confluenceAsUserJira;
  if (asUser !== undefined) {
    if (asUser !== 'granted' && asUser !== 'needs-auth') return 'confluenceAsUserJira must be "granted" or "needs-auth".';
    settings.confluenceAsUserJira = asUser;
  }
  const connected = body.confluenceConnected;
  if (connected !== undefined) {
    if (connected !== true && connected !== false && connected !== 'true' && connected !== 'false')
      return 'confluenceConnected must be true or false.';
    settings.confluenceConnected = connected === true || connected === 'true';
  }
  return null;
}

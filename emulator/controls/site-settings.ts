/** Switches of a running site, changed from tests, over HTTP or on the settings page. */

export interface SiteSettings {
  /**
   * How `asUser()` Jira calls from Confluence modules fare: 'granted', or
   * 'needs-auth' (Forge refuses them as when the user has not granted the
   * app's scopes: @forge/api throws NeedsAuthenticationError).
   */
  confluenceAsUserJira: 'granted' | 'needs-auth';
}

export const DEFAULT_SETTINGS: SiteSettings = { confluenceAsUserJira: 'granted' };

/** Facts of the Jira site that differ from site to site, looked up once and cached. */
export interface SiteFactsPort {
  /** The site's base URL (`https://example.atlassian.net`), for links that leave Jira; null when unknown. */
  siteUrl(): Promise<string | null>;
  /** The id of Jira Software's Sprint field (`customfield_NNNNN`, different per site); null without Jira Software. */
  sprintFieldId(): Promise<string | null>;
}

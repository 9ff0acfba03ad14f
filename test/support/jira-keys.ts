/** Jira's own answer on the local site, for a person and a JQL written in a test: the issue keys, every page. */
import type { LocalSite } from '../../emulator';

export async function jiraKeysFor(site: Pick<LocalSite, 'requestJira'>, as: string, jql: string): Promise<string[]> {
  const keys: string[] = [];
  let nextPageToken: string | undefined;
  do {
    const res = await site.requestJira(
      as,
      'POST',
      '/rest/api/3/search/jql',
      JSON.stringify({ jql, fields: ['key'], maxResults: 100, nextPageToken }),
    );
    const body = res.body as { issues: Array<{ key: string }>; nextPageToken?: string };
    keys.push(...body.issues.map((i) => i.key));
    nextPageToken = body.nextPageToken;
  } while (nextPageToken);
  return keys;
}

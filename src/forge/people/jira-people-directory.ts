import { route } from '@forge/api';
import type { PeopleDirectoryPort } from '../../ports/people/people-directory.port';
import { callJira, jiraAs, JSON_HEADERS, type Actor } from '../platform/jira-client';

interface BulkUsers {
  values?: Array<{ accountId?: unknown; displayName?: unknown }>;
}

/** One bulk lookup (`/rest/api/3/user/bulk`) for up to PEOPLE_PER_LOOKUP people (see src/contract/limits.ts). */
export class JiraPeopleDirectory implements PeopleDirectoryPort {
  constructor(private readonly actor: Actor = 'user') {}

  async displayNames(accountIds: readonly string[]): Promise<Record<string, string>> {
    if (accountIds.length === 0) return {};
    const query = new URLSearchParams({ maxResults: String(accountIds.length) });
    for (const accountId of accountIds) query.append('accountId', accountId);
    const { body } = await callJira({ subject: "people's names" }, () =>
      jiraAs(this.actor).requestJira(route`/rest/api/3/user/bulk?${query}`, { method: 'GET', headers: JSON_HEADERS }),
    );
    const names: Record<string, string> = {};
    for (const user of (body as BulkUsers | undefined)?.values ?? []) {
      if (typeof user.accountId === 'string' && typeof user.displayName === 'string') names[user.accountId] = user.displayName;
    }
    return names;
  }
}

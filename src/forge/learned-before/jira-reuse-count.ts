/**
 * The reuse count as an issue property of the earlier issue, written as the app: the person who
 * marked "This helped" on their ticket may not edit the earlier one (Jira asks Edit issues of the
 * caller for `PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}`, scope write:jira-work).
 */
import { route } from '@forge/api';
import { REUSE_PROPERTY_KEY, reuseProperty } from '../../domain/learned-before/reuse-count';
import type { ReuseCountPort } from '../../ports/learned-before/reuse-count.port';
import { callJira, jiraAs, JSON_BODY_HEADERS } from '../platform/jira-client';

export class JiraReuseCount implements ReuseCountPort {
  async set(issueId: string, count: number): Promise<void> {
    await callJira({ subject: `the reuse count of issue ${issueId}` }, () =>
      jiraAs('app').requestJira(route`/rest/api/3/issue/${issueId}/properties/${REUSE_PROPERTY_KEY}`, {
        method: 'PUT',
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify(reuseProperty(count)),
      }),
    );
  }
}

/**
 * The learnings' texts property, rewritten as the app: the scheduled rebuild runs without a user
 * (`PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}`, scope write:jira-work).
 */
import { route } from '@forge/api';
import { LEARNING_TEXT_PROPERTY_KEY, type StoredLearningText } from '../../domain/record/text-index';
import type { SearchableTextPort } from '../../ports/record/searchable-text.port';
import { callJira, jiraAs, JSON_BODY_HEADERS } from '../platform/jira-client';

export class JiraSearchableText implements SearchableTextPort {
  async set(issueId: string, value: StoredLearningText): Promise<void> {
    await callJira({ subject: `the searchable text of issue ${issueId}'s learnings` }, () =>
      jiraAs('app').requestJira(route`/rest/api/3/issue/${issueId}/properties/${LEARNING_TEXT_PROPERTY_KEY}`, {
        method: 'PUT',
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify(value),
      }),
    );
  }
}

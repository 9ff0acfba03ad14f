/**
 * The learnings' texts property, rewritten as the app: the scheduled rebuild runs without a user
 * (`PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}`, scope write:jira-work), from the
 * record read again just before (`GET /rest/api/3/issue/{issueIdOrKey}`, as the app).
 */
import { route } from '@forge/api';
import { LEARNING_TEXT_PROPERTY_KEY, type StoredLearningText } from '../../domain/record/text-index';
import type { SearchableTextPort } from '../../ports/record/searchable-text.port';
import { callJira, jiraAs, JSON_BODY_HEADERS } from '../platform/jira-client';
import { JiraIssueLearnings } from './jira-issue-learnings';

export class JiraSearchableText implements SearchableTextPort {
  private readonly records = new JiraIssueLearnings('app');

  currentRecord(issueId: string): Promise<unknown> {
    return this.records.readProperty(issueId);
  }

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

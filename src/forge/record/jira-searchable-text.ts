/**
 * The learnings' texts property, rewritten as the app: the scheduled rebuild runs without a user. The
 * record is read again just before, and the texts written, through the same adapter the panel uses
 * (`GET /rest/api/3/issue/{issueIdOrKey}`, `PUT …/properties/{propertyKey}`, scope write:jira-work).
 */
import type { StoredLearningText } from '../../domain/record/text-index';
import type { SearchableTextPort } from '../../ports/record/searchable-text.port';
import { JiraIssueLearnings } from './jira-issue-learnings';

export class JiraSearchableText implements SearchableTextPort {
  private readonly records = new JiraIssueLearnings('app');

  currentRecord(issueId: string): Promise<unknown> {
    return this.records.readProperty(issueId);
  }

  set(issueId: string, value: StoredLearningText): Promise<void> {
    return this.records.writeText(issueId, value);
  }
}

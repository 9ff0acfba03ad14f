import type { IssueSummary } from '../../contract/resolvers';
import type { IssueFields } from '../../domain/insights/issue-facts';
import type { StoredLearningProperty } from '../../domain/record/stored-format';
import type { StoredLearningText } from '../../domain/record/text-index';

export interface IssueForPanel {
  issue: IssueSummary;
  /** The raw property value as Jira holds it; undefined when absent. */
  property: unknown;
  canEdit: boolean;
}

/** The learning record on its Jira issue, read and written as the person using the app. */
export interface IssueLearningsPort {
  /** One call: the issue, its property and whether the person may edit it. */
  loadForPanel(issueKey: string): Promise<IssueForPanel>;
  /** The raw property value; undefined when absent. Fails with NOT_FOUND when the person cannot browse the issue. */
  readProperty(issueKey: string): Promise<unknown>;
  /** The same, with the issue's summary (in the same call) and, when asked, the fields insights count. */
  readIssue(
    issueKey: string,
    insight?: { sprintFieldId: string | null },
  ): Promise<{ summary: string; property: unknown; fields?: IssueFields }>;
  /** Whether the person holds Edit issues on the issue (what the property write needs besides Browse). */
  mayEdit(issueKey: string): Promise<boolean>;
  writeProperty(issueKey: string, value: StoredLearningProperty): Promise<void>;
  /** The learnings' texts for JQL (`learningText`), in their own property, after the record. */
  writeText(issueKey: string, value: StoredLearningText): Promise<void>;
}

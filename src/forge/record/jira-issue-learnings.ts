import { route } from '@forge/api';
import { AppError } from '../../contract/errors';
import { LEARNING_PROPERTY_KEY } from '../../domain/record/learning-record';
import type { StoredLearningProperty } from '../../domain/record/stored-format';
import { LEARNING_TEXT_PROPERTY_KEY, type StoredLearningText } from '../../domain/record/text-index';
import type { IssueForPanel, IssueLearningsPort } from '../../ports/record/issue-learnings.port';
import type { IssueFields } from '../../domain/insights/issue-facts';
import { INSIGHT_FIELDS, insightFieldsOf } from '../insights/jira-insight-fields';
import { callJira, jiraAs, JSON_BODY_HEADERS, JSON_HEADERS, type Actor } from '../platform/jira-client';

interface IssueBody {
  id?: unknown;
  key?: unknown;
  fields?: { summary?: unknown };
  properties?: Record<string, unknown>;
}

interface MyPermissions {
  permissions?: Record<string, { havePermission?: unknown } | undefined>;
}

/** Names the issue in error messages, so a person knows which call failed. */
const theIssue = (issueKey: string) => ({ subject: `the issue ${issueKey}` });

/** The learning record as a Jira issue property, read and written as the person (Jira checks Browse/Edit). */
export class JiraIssueLearnings implements IssueLearningsPort {
  constructor(private readonly actor: Actor = 'user') {}

  /**
   * One round of two calls: the issue with its property, and whether the person holds
   * Edit issues there. Not `editmeta`: it is also empty where the workflow status is not
   * editable (Done, Closed), while the property write needs only Browse + Edit issues.
   */
  async loadForPanel(issueKey: string): Promise<IssueForPanel> {
    const [issue, canEdit] = await Promise.all([this.readIssue(issueKey), this.mayEdit(issueKey)]);
    return { issue: { id: issue.id, key: issue.key, summary: issue.summary }, property: issue.property, canEdit };
  }

  async readProperty(issueKey: string): Promise<unknown> {
    // Through the issue, not the property endpoint: a 404 there means "no
    // such issue or no Browse permission", never just "no property yet", so
    // history is never shown for an issue the person cannot see.
    return (await this.readIssue(issueKey)).property;
  }

  async writeProperty(issueKey: string, value: StoredLearningProperty): Promise<void> {
    await callJira(
      {
        subject: `the learnings of ${issueKey}`,
        forbidden:
          'Jira did not let you save learnings on this issue: it needs the Edit issues permission. Ask a project admin for Edit access.',
      },
      () =>
        jiraAs(this.actor).requestJira(route`/rest/api/3/issue/${issueKey}/properties/${LEARNING_PROPERTY_KEY}`, {
          method: 'PUT',
          headers: JSON_BODY_HEADERS,
          body: JSON.stringify(value),
        }),
    );
  }

  async writeText(issueIdOrKey: string, value: StoredLearningText): Promise<void> {
    await callJira({ subject: `the searchable text of ${issueIdOrKey}'s learnings` }, () =>
      jiraAs(this.actor).requestJira(route`/rest/api/3/issue/${issueIdOrKey}/properties/${LEARNING_TEXT_PROPERTY_KEY}`, {
        method: 'PUT',
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify(value),
      }),
    );
  }

  /** With `insight`, the same call also reads the fields insights count (see domain/insights/issue-facts.ts). */
  async readIssue(
    issueKey: string,
    insight?: { sprintFieldId: string | null },
  ): Promise<{ id: string; key: string; summary: string; property: unknown; fields?: IssueFields }> {
    const fields = insight
      ? ['summary', ...INSIGHT_FIELDS, ...(insight.sprintFieldId ? [insight.sprintFieldId] : [])].join(',')
      : 'summary';
    const { body } = await callJira(theIssue(issueKey), () =>
      jiraAs(this.actor).requestJira(route`/rest/api/3/issue/${issueKey}?fields=${fields}&properties=${LEARNING_PROPERTY_KEY}`, {
        method: 'GET',
        headers: JSON_HEADERS,
      }),
    );
    // Not JSON: the property holds text that is not JSON. Read the issue without it and hand
    // the text on as found, so it reads as unreadable and is kept in history before any save.
    if (typeof body === 'string') return { ...(await this.readIssueOnly(issueKey)), property: body };
    const issue = issueOf(body);
    const insightFields = insight ? insightFieldsOf(body, insight.sprintFieldId) : null;
    return {
      ...issue,
      property: (body as IssueBody).properties?.[LEARNING_PROPERTY_KEY],
      ...(insightFields ? { fields: insightFields } : {}),
    };
  }

  private async readIssueOnly(issueKey: string): Promise<{ id: string; key: string; summary: string }> {
    const { body } = await callJira(theIssue(issueKey), () =>
      jiraAs(this.actor).requestJira(route`/rest/api/3/issue/${issueKey}?fields=summary`, { method: 'GET', headers: JSON_HEADERS }),
    );
    return issueOf(body);
  }

  async mayEdit(issueKey: string): Promise<boolean> {
    const { body } = await callJira(theIssue(issueKey), () =>
      jiraAs(this.actor).requestJira(route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=EDIT_ISSUES`, {
        method: 'GET',
        headers: JSON_HEADERS,
      }),
    );
    return (body as MyPermissions | undefined)?.permissions?.EDIT_ISSUES?.havePermission === true;
  }
}

function issueOf(body: unknown): { id: string; key: string; summary: string } {
  const issue = (body ?? {}) as IssueBody;
  if (typeof issue.id !== 'string' || typeof issue.key !== 'string') {
    throw new AppError('JIRA_UNAVAILABLE', 'Jira sent an issue we could not read. Try again in a moment.');
  }
  return { id: issue.id, key: issue.key, summary: typeof issue.fields?.summary === 'string' ? issue.fields.summary : '' };
}

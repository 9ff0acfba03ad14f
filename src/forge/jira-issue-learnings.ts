import { route } from '@forge/api';
import { AppError } from '../contract/errors';
import { LEARNING_PROPERTY_KEY, type StoredLearningProperty } from '../domain/learning-record';
import type { IssueForPanel, IssueLearningsPort } from '../ports/issue-learnings.port';
import { requestJira, type Actor } from './jira-client';

interface IssueBody {
  id?: unknown;
  key?: unknown;
  fields?: { summary?: unknown };
  properties?: Record<string, unknown>;
  editmeta?: { fields?: Record<string, unknown> };
}

/** The learning record as a Jira issue property, read and written as the person (Jira checks Browse/Edit). */
export class JiraIssueLearnings implements IssueLearningsPort {
  constructor(private readonly actor: Actor = 'user') {}

  async loadForPanel(issueKey: string): Promise<IssueForPanel> {
    // One call: the property comes with the issue, and `editmeta` lists the
    // fields the person may edit (empty without Edit permission).
    const { body } = await requestJira(
      this.actor,
      route`/rest/api/3/issue/${issueKey}?fields=summary&properties=${LEARNING_PROPERTY_KEY}&expand=editmeta`,
    );
    if (typeof body === 'string') return this.loadWithUnreadableProperty(issueKey, body);
    const issue = (body ?? {}) as IssueBody;
    if (typeof issue.id !== 'string' || typeof issue.key !== 'string') {
      throw new AppError('JIRA_UNAVAILABLE', 'Jira sent an issue we could not read. Try again in a moment.');
    }
    return {
      issue: { id: issue.id, key: issue.key, summary: typeof issue.fields?.summary === 'string' ? issue.fields.summary : '' },
      property: issue.properties?.[LEARNING_PROPERTY_KEY],
      canEdit: Object.keys(issue.editmeta?.fields ?? {}).length > 0,
    };
  }

  async readProperty(issueKey: string): Promise<unknown> {
    // Through the issue, not the property endpoint: a 404 there means "no
    // such issue or no Browse permission", never just "no property yet", so
    // history is never shown for an issue the person cannot see.
    const { body } = await requestJira(this.actor, route`/rest/api/3/issue/${issueKey}?fields=summary&properties=${LEARNING_PROPERTY_KEY}`);
    // Not JSON: the property holds text that is not JSON. Hand the text on as found, so it
    // reads as unreadable and is kept in history before anything replaces it.
    if (typeof body === 'string') return body;
    return (body as IssueBody | undefined)?.properties?.[LEARNING_PROPERTY_KEY];
  }

  /** The issue answered with text that is not JSON (a broken property): read the issue without it. */
  private async loadWithUnreadableProperty(issueKey: string, text: string): Promise<IssueForPanel> {
    const { body } = await requestJira(this.actor, route`/rest/api/3/issue/${issueKey}?fields=summary&expand=editmeta`);
    const issue = (body ?? {}) as IssueBody;
    if (typeof issue.id !== 'string' || typeof issue.key !== 'string') {
      throw new AppError('JIRA_UNAVAILABLE', 'Jira sent an issue we could not read. Try again in a moment.');
    }
    return {
      issue: { id: issue.id, key: issue.key, summary: typeof issue.fields?.summary === 'string' ? issue.fields.summary : '' },
      property: text,
      canEdit: Object.keys(issue.editmeta?.fields ?? {}).length > 0,
    };
  }

  async writeProperty(issueKey: string, value: StoredLearningProperty): Promise<void> {
    await requestJira(this.actor, route`/rest/api/3/issue/${issueKey}/properties/${LEARNING_PROPERTY_KEY}`, {
      method: 'PUT',
      body: value,
    });
  }
}

/** The rebuild's reading: every issue with a learning record, as the app, 100 a page with its fields and record. */
import { route } from '@forge/api';
import { LEARNING_PROPERTY_KEY } from '../../domain/record/learning-record';
import type { InsightsSourcePage, InsightsSourcePort } from '../../ports/insights/insights-store.port';
import { callJira, jiraAs, JSON_BODY_HEADERS } from '../platform/jira-client';
import { INSIGHT_FIELDS, insightFieldsOf } from './jira-insight-fields';

/** Every issue whose record the index holds (each record has a learning count, 0 included). */
export const ISSUES_WITH_A_RECORD_JQL = 'learningCount >= 0 ORDER BY key ASC';
/** Jira's largest page when fields and properties are asked. */
const PAGE_SIZE = 100;

interface SearchBody {
  issues?: Array<{ properties?: Record<string, unknown> }>;
  nextPageToken?: unknown;
}

export class JiraInsightsSource implements InsightsSourcePort {
  async page(sprintFieldId: string | null, pageToken: string | null): Promise<InsightsSourcePage> {
    const body = {
      jql: ISSUES_WITH_A_RECORD_JQL,
      maxResults: PAGE_SIZE,
      fields: [...INSIGHT_FIELDS, ...(sprintFieldId ? [sprintFieldId] : [])],
      properties: [LEARNING_PROPERTY_KEY],
      ...(pageToken ? { nextPageToken: pageToken } : {}),
    };
    const { body: answer } = await callJira({ subject: 'the insights rebuild' }, () =>
      jiraAs('app').requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: JSON_BODY_HEADERS, body: JSON.stringify(body) }),
    );
    const page = (answer ?? {}) as SearchBody;
    return {
      issues: (page.issues ?? []).flatMap((issue) => {
        const fields = insightFieldsOf(issue, sprintFieldId);
        return fields ? [{ fields, property: issue.properties?.[LEARNING_PROPERTY_KEY] }] : [];
      }),
      nextPageToken: typeof page.nextPageToken === 'string' ? page.nextPageToken : null,
    };
  }
}

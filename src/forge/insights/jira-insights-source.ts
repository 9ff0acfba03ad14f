/**
 * The rebuild's reading, as the app, 100 a page: every issue with a learning record (its fields,
 * record, reuse count and searchable texts), then the resolved issues without one in the projects that hold records (fields
 * only): coverage's denominator.
 */
import { route } from '@forge/api';
import type { IssueFields } from '../../domain/insights/issue-facts';
import { REUSE_PROPERTY_KEY, reuseCountOf } from '../../domain/learned-before/reuse-count';
import { LEARNING_PROPERTY_KEY } from '../../domain/record/learning-record';
import { LEARNING_TEXT_PROPERTY_KEY, storedTextOf } from '../../domain/record/text-index';
import { quoteJqlValue } from '../../domain/search/jql-text';
import type { InsightsSourcePage, InsightsSourcePort } from '../../ports/insights/insights-store.port';
import { callJira, jiraAs, JSON_BODY_HEADERS } from '../platform/jira-client';
import { INSIGHT_FIELDS, insightFieldsOf } from './jira-insight-fields';

/** Every issue whose record the index holds (each record has a learning count, 0 included). */
export const ISSUES_WITH_A_RECORD_JQL = 'learningCount >= 0 ORDER BY key ASC';
/** Resolved (done, or with a resolution) and no record, in the projects that hold records. */
export const resolvedWithoutRecordJql = (projectKeys: readonly string[]): string =>
  `project in (${projectKeys.map(quoteJqlValue).join(', ')}) AND learningCount IS EMPTY AND (statusCategory = Done OR resolution IS NOT EMPTY) ORDER BY key ASC`;
/** Jira's largest page when fields and properties are asked. */
const PAGE_SIZE = 100;

interface SearchBody {
  issues?: Array<{ properties?: Record<string, unknown> }>;
  nextPageToken?: unknown;
}

export class JiraInsightsSource implements InsightsSourcePort {
  async page(sprintFieldId: string | null, pageToken: string | null, withTexts = false): Promise<InsightsSourcePage> {
    const keys = [LEARNING_PROPERTY_KEY, REUSE_PROPERTY_KEY, ...(withTexts ? [LEARNING_TEXT_PROPERTY_KEY] : [])];
    const page = await search(ISSUES_WITH_A_RECORD_JQL, sprintFieldId, pageToken, keys);
    return {
      issues: (page.issues ?? []).flatMap((issue) => {
        const fields = insightFieldsOf(issue, sprintFieldId);
        const properties = issue.properties ?? {};
        return fields
          ? [
              {
                fields,
                property: properties[LEARNING_PROPERTY_KEY],
                reuses: reuseCountOf(properties[REUSE_PROPERTY_KEY]),
                ...(withTexts ? { text: storedTextOf(properties[LEARNING_TEXT_PROPERTY_KEY]) } : {}),
              },
            ]
          : [];
      }),
      nextPageToken: nextTokenOf(page),
    };
  }

  async resolvedWithoutRecord(
    projectKeys: readonly string[],
    sprintFieldId: string | null,
    pageToken: string | null,
  ): Promise<{ issues: IssueFields[]; nextPageToken: string | null }> {
    const page = await search(resolvedWithoutRecordJql(projectKeys), sprintFieldId, pageToken, []);
    return {
      issues: (page.issues ?? []).flatMap((issue) => insightFieldsOf(issue, sprintFieldId) ?? []),
      nextPageToken: nextTokenOf(page),
    };
  }
}

const nextTokenOf = (page: SearchBody): string | null => (typeof page.nextPageToken === 'string' ? page.nextPageToken : null);

async function search(jql: string, sprintFieldId: string | null, pageToken: string | null, properties: string[]): Promise<SearchBody> {
  const body = {
    jql,
    maxResults: PAGE_SIZE,
    fields: [...INSIGHT_FIELDS, ...(sprintFieldId ? [sprintFieldId] : [])],
    ...(properties.length > 0 ? { properties } : {}),
    ...(pageToken ? { nextPageToken: pageToken } : {}),
  };
  const { body: answer } = await callJira({ subject: 'the insights rebuild' }, () =>
    jiraAs('app').requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: JSON_BODY_HEADERS, body: JSON.stringify(body) }),
  );
  return answer ?? {};
}

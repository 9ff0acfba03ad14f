import { route } from '@forge/api';
import { REUSE_PROPERTY_KEY, reuseCountOf } from '../../domain/learned-before/reuse-count';
import { LEARNING_PROPERTY_KEY } from '../../domain/record/learning-record';
import {
  MAX_BULK_READ,
  type BrowsePermissionPort,
  type BulkRead,
  type IssueBulkReadPort,
  type IssueIdSearchPort,
  type IssuePart,
  type IssueSearchPort,
  type LearningHit,
  type SearchPage,
  type SearchRequest,
} from '../../ports/search/issue-search.port';
import { callJira, jiraAs, JSON_BODY_HEADERS, type Actor } from '../platform/jira-client';
import { RECONCILE_ISSUES_LIMIT } from '../../contract/limits';

/** What every card shows, besides the property; other fields only when asked for (see `IssuePart`). */
export const CARD_FIELDS = ['summary'];
const PART_FIELDS: Record<IssuePart, string> = { project: 'project', parent: 'parent', status: 'status', created: 'created' };
/** Jira caps a page that asks for fields at 100 issues. */
export const MAX_PAGE_SIZE = 100;
/** And one that asks for ids only at 5,000 (the API reference of POST /rest/api/3/search/jql, `maxResults`). */
export const MAX_IDS_PAGE_SIZE = 5000;

type Named = { name?: unknown; key?: unknown; id?: unknown; state?: unknown };

interface SearchBody {
  issues?: Array<{
    id?: unknown;
    key?: unknown;
    fields?: Record<string, unknown>;
    properties?: Record<string, unknown>;
  }>;
  nextPageToken?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Only a count above 0 travels: most issues were never reused. */
function reusesOf(value: unknown): { reuses?: number } {
  const count = reuseCountOf(value);
  return count > 0 ? { reuses: count } : {};
}

function hitOf(issue: NonNullable<SearchBody['issues']>[number], sprintField: string | null): LearningHit | null {
  const id = text(issue.id);
  const key = text(issue.key);
  if (!id || !key) return null;
  const fields = issue.fields ?? {};
  const project = (fields.project ?? {}) as Named;
  const parent = fields.parent as { key?: unknown; fields?: { summary?: unknown } } | undefined;
  const parentKey = text(parent?.key);
  const sprintValue = sprintField ? fields[sprintField] : undefined;
  const sprints = Array.isArray(sprintValue) ? (sprintValue as Named[]) : [];
  return {
    id,
    key,
    summary: text(fields.summary) ?? '',
    project: { key: text(project.key) ?? key.slice(0, key.lastIndexOf('-')), name: text(project.name) ?? '' },
    status: text((fields.status as Named | undefined)?.name),
    parent: parentKey ? { key: parentKey, summary: text(parent?.fields?.summary) ?? '' } : null,
    sprints: sprints
      .filter((s) => typeof s.id === 'number' && typeof s.name === 'string')
      .map((s) => ({ id: s.id as number, name: s.name as string, state: text(s.state) ?? '' })),
    created: text(fields.created),
    ...reusesOf(issue.properties?.[REUSE_PROPERTY_KEY]),
    property: issue.properties?.[LEARNING_PROPERTY_KEY],
  };
}

const reconcileOf = (ids: readonly string[] | undefined) =>
  ids?.length ? { reconcileIssues: ids.slice(0, RECONCILE_ISSUES_LIMIT).map(Number) } : {};

export class JiraIssueSearch implements IssueSearchPort, IssueIdSearchPort, IssueBulkReadPort {
  constructor(private readonly actor: Actor) {}

  async searchIds(input: { jql: string; max: number; reconcileIssueIds?: readonly string[] }): Promise<string[]> {
    const body = {
      jql: input.jql,
      maxResults: Math.min(input.max, MAX_IDS_PAGE_SIZE),
      fields: ['id'],
      ...reconcileOf(input.reconcileIssueIds),
    };
    const { body: answer } = await callJira({ subject: 'the search', invalid: 'Jira could not run this JQL' }, () =>
      jiraAs(this.actor).requestJira(route`/rest/api/3/search/jql`, {
        method: 'POST',
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify(body),
      }),
    );
    return ((answer ?? {}) as SearchBody).issues?.map((issue) => text(issue.id)).filter((id): id is string => id !== null) ?? [];
  }

  async search(input: SearchRequest): Promise<SearchPage> {
    const sprintField = input.sprintFieldId ?? null;
    const body = {
      jql: input.jql,
      maxResults: Math.min(input.pageSize, MAX_PAGE_SIZE),
      fields: [...CARD_FIELDS, ...(input.parts ?? []).map((part) => PART_FIELDS[part]), ...(sprintField ? [sprintField] : [])],
      properties: [LEARNING_PROPERTY_KEY, REUSE_PROPERTY_KEY],
      ...(input.pageToken ? { nextPageToken: input.pageToken } : {}),
      ...reconcileOf(input.reconcileIssueIds),
    };
    const { body: answer } = await callJira({ subject: 'the search', invalid: 'Jira could not run this JQL' }, () =>
      jiraAs(this.actor).requestJira(route`/rest/api/3/search/jql`, {
        method: 'POST',
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify(body),
      }),
    );
    const page = (answer ?? {}) as SearchBody;
    return {
      hits: (page.issues ?? []).map((issue) => hitOf(issue, sprintField)).filter((hit): hit is LearningHit => hit !== null),
      nextPageToken: text(page.nextPageToken),
    };
  }

  async readByIds(issueIds: readonly string[]): Promise<BulkRead> {
    if (issueIds.length === 0) return { hits: [], failedIds: [] };
    if (issueIds.length > MAX_BULK_READ) throw new RangeError(`Jira's bulk fetch takes at most ${MAX_BULK_READ} issues.`);
    const body = { issueIdsOrKeys: [...issueIds], fields: CARD_FIELDS, properties: [LEARNING_PROPERTY_KEY, REUSE_PROPERTY_KEY] };
    const { body: answer } = await callJira({ subject: 'the search' }, () =>
      jiraAs(this.actor).requestJira(route`/rest/api/3/issue/bulkfetch`, {
        method: 'POST',
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify(body),
      }),
    );
    const { issues, issueErrors } = (answer ?? {}) as SearchBody & { issueErrors?: Array<{ id?: unknown }> };
    return {
      hits: issues?.map((issue) => hitOf(issue, null)).filter((hit): hit is LearningHit => hit !== null) ?? [],
      failedIds: (issueErrors ?? []).flatMap((error) => (typeof error.id === 'string' ? [error.id] : [])),
    };
  }

  async validate(jql: string): Promise<string[]> {
    const { body } = await callJira({ subject: 'the JQL check' }, () =>
      jiraAs(this.actor).requestJira(route`/rest/api/3/jql/parse?validation=strict`, {
        method: 'POST',
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify({ queries: [jql] }),
      }),
    );
    const first = (body as { queries?: Array<{ errors?: unknown }> } | undefined)?.queries?.[0];
    return Array.isArray(first?.errors) ? first.errors.filter((e): e is string => typeof e === 'string') : [];
  }

  async approximateCount(jql: string): Promise<number> {
    const { body } = await callJira({ subject: 'the count' }, () =>
      jiraAs(this.actor).requestJira(route`/rest/api/3/search/approximate-count`, {
        method: 'POST',
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify({ jql }),
      }),
    );
    const count = (body as { count?: unknown } | undefined)?.count;
    return typeof count === 'number' ? count : 0;
  }
}

/** Another person's Browse permission, asked as the app (`/rest/api/3/permissions/check`). */
export class JiraBrowsePermissions implements BrowsePermissionPort {
  async browsableIssueIds(accountId: string, issueIds: readonly string[]): Promise<Set<string>> {
    if (issueIds.length === 0) return new Set();
    const body = { accountId, projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: issueIds.map(Number) }] };
    const { body: answer } = await callJira({ subject: "another person's permissions" }, () =>
      jiraAs('app').requestJira(route`/rest/api/3/permissions/check`, {
        method: 'POST',
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify(body),
      }),
    );
    const granted =
      (answer as { projectPermissions?: Array<{ permission?: unknown; issues?: unknown[] }> } | undefined)?.projectPermissions ?? [];
    const browse = granted.find((p) => p.permission === 'BROWSE_PROJECTS');
    return new Set((browse?.issues ?? []).map((id) => String(id)));
  }
}

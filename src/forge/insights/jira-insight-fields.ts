/** The Jira fields insights count, read from an issue as Jira answers it (the issue GET and search hits alike). */
import type { IssueFields, IssueSprint } from '../../domain/insights/issue-facts';

/** Asked besides the summary; the site's Sprint field (its id differs per site) is added when known. */
export const INSIGHT_FIELDS = ['project', 'status', 'created', 'updated', 'resolutiondate'] as const;

interface FieldsBody {
  id?: unknown;
  key?: unknown;
  fields?: Record<string, unknown>;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function sprintsOf(value: unknown): IssueSprint[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const sprint = (item ?? {}) as { id?: unknown; name?: unknown; startDate?: unknown };
    return typeof sprint.id === 'number'
      ? [{ id: sprint.id, name: text(sprint.name) ?? `Sprint ${sprint.id}`, startDate: text(sprint.startDate) }]
      : [];
  });
}

/** Null when Jira left out what insights need (then the update waits for the rebuild). */
export function insightFieldsOf(body: unknown, sprintFieldId: string | null): IssueFields | null {
  const issue = (body ?? {}) as FieldsBody;
  const fields = issue.fields ?? {};
  const project = (fields.project ?? {}) as { id?: unknown };
  const status = (fields.status ?? {}) as { statusCategory?: { key?: unknown } };
  const created = text(fields.created);
  const updated = text(fields.updated);
  if (typeof issue.id !== 'string' || typeof issue.key !== 'string' || typeof project.id !== 'string' || !created || !updated) return null;
  return {
    issueId: issue.id,
    issueKey: issue.key,
    projectId: project.id,
    created,
    updated,
    resolutionDate: text(fields.resolutiondate),
    done: status.statusCategory?.key === 'done',
    sprints: sprintFieldId ? sprintsOf(fields[sprintFieldId]) : [],
  };
}

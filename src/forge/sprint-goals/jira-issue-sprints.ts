import { route } from '@forge/api';
import type { IssueSprint, IssueSprintsPort } from '../../ports/sprint-goals/issue-sprints.port';
import { callJira, jiraAs, JSON_HEADERS } from '../platform/jira-client';

interface IssueFields {
  fields?: Record<string, unknown>;
}

/** GET issue with only the Sprint field (getIssue: `read:jira-work`, held), as the person. */
export class JiraIssueSprints implements IssueSprintsPort {
  async sprintsOf(issueKey: string, sprintFieldId: string): Promise<IssueSprint[]> {
    const { body } = await callJira({ subject: 'the issue' }, () =>
      jiraAs('user').requestJira(route`/rest/api/3/issue/${issueKey}?fields=${sprintFieldId}`, { method: 'GET', headers: JSON_HEADERS }),
    );
    const value = (body as IssueFields | null)?.fields?.[sprintFieldId];
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown): IssueSprint[] => {
      const sprint = item as { id?: unknown; name?: unknown; state?: unknown } | null;
      if (!sprint || typeof sprint.id !== 'number' || typeof sprint.name !== 'string') return [];
      return [{ id: sprint.id, name: sprint.name, state: typeof sprint.state === 'string' ? sprint.state : '' }];
    });
  }
}

import { route } from '@forge/api';
import { SPRINT_GOALS_PROPERTY_KEY, type SprintGoalsDocument } from '../../domain/sprint-goals/goals-document';
import type { SprintGoalsPort } from '../../ports/sprint-goals/sprint-goals.port';
import { AppError } from '../../contract/errors';
import { callJira, jiraAs, JSON_BODY_HEADERS, JSON_HEADERS } from '../platform/jira-client';

interface MyPermissions {
  permissions?: Record<string, { havePermission?: boolean } | undefined>;
}

const NOT_VISIBLE = 'This sprint does not exist, or you do not have permission to see it.';

/** The goals live on the sprint (Jira Software's sprint properties), read and written as the person. */
export class JiraSprintGoals implements SprintGoalsPort {
  async read(sprintId: number): Promise<unknown> {
    const { status, body } = await callJira({ subject: "the sprint's learning goals", accept: [403, 404] }, () =>
      jiraAs('user').requestJira(route`/rest/agile/1.0/sprint/${sprintId}/properties/${SPRINT_GOALS_PROPERTY_KEY}`, {
        method: 'GET',
        headers: JSON_HEADERS,
      }),
    );
    // The spec documents 403 for a sprint the person may not view; Jira also answers 404 for it.
    if (status === 403) throw new AppError('NOT_FOUND', NOT_VISIBLE);
    if (status === 404) return undefined; // no property yet (the sprint itself was checked by the caller)
    return (body as { value?: unknown } | null)?.value;
  }

  async write(sprintId: number, document: SprintGoalsDocument): Promise<void> {
    await callJira(
      {
        subject: "the sprint's learning goals",
        forbidden: 'Jira did not let you change the goals of this sprint: it needs the Manage sprints permission in the project.',
      },
      () =>
        jiraAs('user').requestJira(route`/rest/agile/1.0/sprint/${sprintId}/properties/${SPRINT_GOALS_PROPERTY_KEY}`, {
          method: 'PUT',
          headers: JSON_BODY_HEADERS,
          body: JSON.stringify(document),
        }),
    );
  }

  async canManageSprints(projectKey: string): Promise<boolean> {
    const { status, body } = await callJira({ subject: 'your permissions in the project', accept: [404] }, () =>
      jiraAs('user').requestJira(route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=MANAGE_SPRINTS_PERMISSION`, {
        method: 'GET',
        headers: JSON_HEADERS,
      }),
    );
    if (status === 404) return false;
    return (body as MyPermissions | null)?.permissions?.MANAGE_SPRINTS_PERMISSION?.havePermission === true;
  }
}

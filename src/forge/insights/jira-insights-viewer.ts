/** What insights ask Jira: the viewer's own count of a project's issues (and the app's, to compare), and whether they are a Jira admin. */
import { route } from '@forge/api';
import { callJira, jiraAs, JSON_BODY_HEADERS, JSON_HEADERS } from '../platform/jira-client';

interface MyPermissions {
  permissions?: Record<string, { havePermission?: unknown } | undefined>;
}

export class JiraInsightsViewer {
  /** `POST /rest/api/3/search/approximate-count` as the person (Jira counts only what they may browse), or as the app. */
  async count(jql: string, as: 'user' | 'app' = 'user'): Promise<number> {
    const { body } = await callJira({ subject: as === 'user' ? 'your count of the project' : "the app's count of the project" }, () =>
      jiraAs(as).requestJira(route`/rest/api/3/search/approximate-count`, {
        method: 'POST',
        headers: JSON_BODY_HEADERS,
        body: JSON.stringify({ jql }),
      }),
    );
    const count = (body as { count?: unknown } | undefined)?.count;
    return typeof count === 'number' ? count : 0;
  }

  /** The ADMINISTER global permission ("Administer Jira"), which the rebuild asks for. */
  async isJiraAdmin(): Promise<boolean> {
    const { body } = await callJira({ subject: 'your global permissions' }, () =>
      jiraAs('user').requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`, { method: 'GET', headers: JSON_HEADERS }),
    );
    return (body as MyPermissions | undefined)?.permissions?.ADMINISTER?.havePermission === true;
  }
}

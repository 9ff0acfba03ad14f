import { route } from '@forge/api';
import { PROJECT_KEY_PATTERN } from '../../domain/record/identifiers';
import type { LibraryProject } from '../../contract/library';
import type { ProjectDirectoryPort } from '../../ports/library/project-directory.port';
import { callJira, jiraAs, JSON_HEADERS } from '../platform/jira-client';

interface ProjectPage {
  values?: Array<{ key?: unknown; name?: unknown }>;
}

/**
 * `GET /rest/api/3/project/search?action=browse` as the person: Jira lists only the projects they
 * may browse (scope `read:jira-work`, already granted). One call, one page.
 */
export class JiraProjectDirectory implements ProjectDirectoryPort {
  async browsable(limit: number): Promise<LibraryProject[]> {
    const maxResults = String(limit);
    const { body } = await callJira({ subject: 'the projects you may browse' }, () =>
      jiraAs('user').requestJira(route`/rest/api/3/project/search?action=browse&orderBy=name&maxResults=${maxResults}`, {
        method: 'GET',
        headers: JSON_HEADERS,
      }),
    );
    const values = (body as ProjectPage | undefined)?.values;
    return (Array.isArray(values) ? values : []).flatMap((project) =>
      typeof project.key === 'string' && PROJECT_KEY_PATTERN.test(project.key) && typeof project.name === 'string'
        ? [{ key: project.key, name: project.name }]
        : [],
    );
  }
}

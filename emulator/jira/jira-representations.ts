/** Jira's representations of users, projects and issue fields, as GET /issue and the search render them. */
import type { LocalStore } from '../store/local-store';
import type { IssueRow, ProjectRow, UserRow } from '../store/rows';
import { listParam } from './jira-http';
import { WORKFLOW } from './workflow';

const ISSUE_TYPES: Record<IssueRow['issueType'], { id: string; hierarchyLevel: number; description: string }> = {
  Epic: { id: '10000', hierarchyLevel: 1, description: 'A big user story that needs to be broken down.' },
  Story: { id: '10001', hierarchyLevel: 0, description: 'Functionality or a feature expressed as a user goal.' },
  Task: { id: '10002', hierarchyLevel: 0, description: 'A small, distinct piece of work.' },
  Bug: { id: '10003', hierarchyLevel: 0, description: 'A problem or error.' },
};

export const issueTypeIdOf = (type: IssueRow['issueType']): string => ISSUE_TYPES[type].id;

/**
 * The Sprint field's id on this site. Jira Software's Sprint is a custom field whose id differs
 * from site to site (10020 is common, not given): deliberately not 10020 here, so an app that
 * hard-codes it fails locally as it would on many real sites. Found through GET /rest/api/3/field.
 */
export const SPRINT_FIELD_ID = 'customfield_10104';

export const NAVIGABLE_FIELDS = [
  'summary',
  'status',
  'description',
  'project',
  'issuetype',
  'assignee',
  'reporter',
  'labels',
  'created',
  'updated',
  'priority',
  SPRINT_FIELD_ID,
] as const;
export type FieldName = (typeof NAVIGABLE_FIELDS)[number];
export const FIELD_NAMES: Record<FieldName, string> = {
  summary: 'Summary',
  status: 'Status',
  description: 'Description',
  project: 'Project',
  issuetype: 'Issue Type',
  assignee: 'Assignee',
  reporter: 'Reporter',
  labels: 'Labels',
  created: 'Created',
  updated: 'Updated',
  priority: 'Priority',
  [SPRINT_FIELD_ID]: 'Sprint',
};

/** Jira's timestamp format: 2026-11-16T10:00:00.000+0000. */
export const jiraTime = (iso: string): string => iso.replace(/Z$/, '+0000');

/** Plain text as Atlassian Document Format: one paragraph per blank-line-separated block. */
export function adfOf(text: string): Record<string, unknown> {
  return {
    type: 'doc',
    version: 1,
    content: text
      .split(/\n{2,}/)
      .filter((p) => p.trim() !== '')
      .map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  };
}

export class JiraRepresentations {
  constructor(
    private readonly store: LocalStore,
    private readonly siteUrl: () => string,
  ) {}

  userJson(user: UserRow): Record<string, unknown> {
    const site = this.siteUrl();
    const avatar = `${site}/__local/avatar/${user.handle}.svg`;
    return {
      self: `${site}/rest/api/3/user?accountId=${user.accountId}`,
      accountId: user.accountId,
      accountType: 'atlassian',
      emailAddress: user.email,
      avatarUrls: { '48x48': avatar, '24x24': avatar, '16x16': avatar, '32x32': avatar },
      displayName: user.displayName,
      active: true,
      timeZone: user.timeZone,
      locale: 'en_US',
    };
  }

  projectJson(project: ProjectRow): Record<string, unknown> {
    const site = this.siteUrl();
    return {
      self: `${site}/rest/api/3/project/${project.id}`,
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: 'software',
      simplified: false,
      avatarUrls: { '48x48': `${site}/__local/avatar/project-${project.key.toLowerCase()}.svg` },
    };
  }

  fieldValue(issue: IssueRow, field: FieldName): unknown {
    const site = this.siteUrl();
    const userOrNull = (accountId: string | null) => {
      const user = accountId ? this.store.getUser(accountId) : undefined;
      return user ? this.userJson(user) : null;
    };
    switch (field) {
      case 'summary':
        return issue.summary;
      case 'description':
        return adfOf(issue.description);
      case 'status': {
        const status = WORKFLOW[issue.status];
        return {
          self: `${site}/rest/api/3/status/${status.id}`,
          id: status.id,
          name: issue.status,
          statusCategory: { self: `${site}/rest/api/3/statuscategory/${status.category.id}`, ...status.category },
        };
      }
      case 'project': {
        const project = this.store.getProject(issue.projectKey);
        return project ? this.projectJson(project) : null;
      }
      case 'issuetype': {
        const type = ISSUE_TYPES[issue.issueType];
        return {
          self: `${site}/rest/api/3/issuetype/${type.id}`,
          id: type.id,
          name: issue.issueType,
          description: type.description,
          subtask: false,
          hierarchyLevel: type.hierarchyLevel,
        };
      }
      case 'assignee':
        return userOrNull(issue.assigneeAccountId);
      case 'reporter':
        return userOrNull(issue.reporterAccountId);
      case 'labels':
        return issue.labels;
      case 'created':
        return jiraTime(issue.created);
      case 'updated':
        return jiraTime(issue.updated);
      case 'priority':
        return { self: `${site}/rest/api/3/priority/3`, id: '3', name: 'Medium' };
      case SPRINT_FIELD_ID: {
        if (issue.sprintId === null) return null;
        const sprint = this.store.listSprints(issue.projectKey).find((s) => s.id === issue.sprintId);
        return sprint
          ? [
              {
                id: sprint.id,
                name: sprint.name,
                state: sprint.state,
                boardId: Number(this.store.getProject(issue.projectKey)?.id ?? 0),
                startDate: sprint.startDate,
                endDate: sprint.endDate,
              },
            ]
          : null;
      }
    }
  }

  /** Jira's `fields` parameter: a list, `*all`, `*navigable`, and `-field` exclusions. Default: all. */
  selectedFields(url: URL): FieldName[] {
    const asked = listParam(url, 'fields') ?? ['*all'];
    const chosen = new Set<FieldName>();
    for (const item of asked) {
      if (item === '*all' || item === '*navigable') NAVIGABLE_FIELDS.forEach((f) => chosen.add(f));
      else if ((NAVIGABLE_FIELDS as readonly string[]).includes(item)) chosen.add(item as FieldName);
    }
    for (const item of asked) if (item.startsWith('-')) chosen.delete(item.slice(1) as FieldName);
    return NAVIGABLE_FIELDS.filter((f) => chosen.has(f));
  }

  selectedProperties(url: URL, issue: IssueRow): string[] {
    const asked = listParam(url, 'properties') ?? [];
    const stored = this.store.listPropertyKeys(issue.id);
    const chosen = new Set<string>();
    for (const item of asked) {
      if (item === '*all') stored.forEach((k) => chosen.add(k));
      else if (!item.startsWith('-')) chosen.add(item);
    }
    for (const item of asked) if (item.startsWith('-')) chosen.delete(item.slice(1));
    return [...chosen];
  }
}

/**
 * The Jira and Confluence operations Learning Loop calls (or is about to), as the app writes them,
 * each with the operation Atlassian's specs give it, read by hand from emulator/specs.
 */
import type { AppCall } from '../../contract';

export interface ExpectedCall extends AppCall {
  pathTemplate: string;
  operationId: string;
  /** Read by hand: the `Current` scopes (or `security` OAuth2 scopes where there is no extension)… */
  current: string[];
  /** …and the `Beta` (granular) alternative, if any. */
  beta: string[];
}

export const APP_CALLS: ExpectedCall[] = [
  {
    product: 'jira', method: 'GET', path: '/rest/api/3/issue/LL-1?fields=summary&properties=learning-loop.learning',
    pathTemplate: '/rest/api/3/issue/{issueIdOrKey}', operationId: 'getIssue',
    current: ['read:jira-work'],
    beta: ['read:issue-meta:jira', 'read:issue-security-level:jira', 'read:issue.vote:jira', 'read:issue.changelog:jira', 'read:avatar:jira', 'read:issue:jira', 'read:status:jira', 'read:user:jira', 'read:field-configuration:jira'],
  },
  {
    product: 'jira', method: 'PUT', path: '/rest/api/3/issue/LL-1/properties/learning-loop.learning',
    pathTemplate: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', operationId: 'setIssueProperty',
    current: ['write:jira-work'], beta: ['write:issue.property:jira'],
  },
  {
    product: 'jira', method: 'GET', path: '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES',
    pathTemplate: '/rest/api/3/mypermissions', operationId: 'getMyPermissions',
    current: ['read:jira-work'], beta: ['read:permission:jira'],
  },
  {
    product: 'jira', method: 'POST', path: '/rest/api/3/permissions/check',
    pathTemplate: '/rest/api/3/permissions/check', operationId: 'getBulkPermissions',
    current: [], beta: ['read:permission:jira'],
  },
  {
    product: 'jira', method: 'GET', path: '/rest/api/3/user/bulk?accountId=a1&accountId=a2',
    pathTemplate: '/rest/api/3/user/bulk', operationId: 'bulkGetUsers',
    current: ['read:jira-user'], beta: ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira'],
  },
  {
    product: 'jira', method: 'GET', path: '/rest/api/3/myself',
    pathTemplate: '/rest/api/3/myself', operationId: 'getCurrentUser',
    current: ['read:jira-user'], beta: ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira'],
  },
  {
    product: 'jira', method: 'POST', path: '/rest/api/3/search/jql',
    pathTemplate: '/rest/api/3/search/jql', operationId: 'searchAndReconsileIssuesUsingJqlPost',
    current: ['read:jira-work'], beta: ['read:issue-details:jira', 'read:field.default-value:jira', 'read:field.option:jira', 'read:field:jira', 'read:group:jira'],
  },
  {
    product: 'jira', method: 'GET', path: '/rest/api/3/search/jql?jql=project%20%3D%20LL&fields=summary',
    pathTemplate: '/rest/api/3/search/jql', operationId: 'searchAndReconsileIssuesUsingJql',
    current: ['read:jira-work'], beta: ['read:issue-details:jira', 'read:audit-log:jira', 'read:avatar:jira', 'read:field-configuration:jira', 'read:issue-meta:jira'],
  },
  {
    product: 'jira', method: 'POST', path: '/rest/api/3/jql/parse?validation=strict',
    pathTemplate: '/rest/api/3/jql/parse', operationId: 'parseJqlQueries',
    current: ['read:jira-work'], beta: ['read:field:jira', 'validate:jql:jira', 'read:jql:jira'],
  },
  {
    product: 'jira', method: 'POST', path: '/rest/api/3/search/approximate-count',
    pathTemplate: '/rest/api/3/search/approximate-count', operationId: 'countIssues',
    current: ['read:jira-work'], beta: ['read:issue-details:jira', 'read:field.default-value:jira', 'read:field.option:jira', 'read:field:jira', 'read:group:jira'],
  },
  {
    product: 'jira', method: 'GET', path: '/rest/api/3/field',
    pathTemplate: '/rest/api/3/field', operationId: 'getFields',
    current: ['read:jira-work'], beta: ['read:field:jira', 'read:avatar:jira', 'read:project-category:jira', 'read:project:jira', 'read:field-configuration:jira'],
  },
  {
    product: 'jira', method: 'GET', path: '/rest/agile/1.0/board?projectKeyOrId=LL',
    pathTemplate: '/rest/agile/1.0/board', operationId: 'getAllBoards',
    current: ['read:board-scope:jira-software', 'read:project:jira'], beta: [],
  },
  {
    product: 'jira', method: 'GET', path: '/rest/agile/1.0/board/7/sprint?state=active',
    pathTemplate: '/rest/agile/1.0/board/{boardId}/sprint', operationId: 'getAllSprints',
    current: ['read:sprint:jira-software'], beta: [],
  },
  {
    product: 'jira', method: 'GET', path: '/rest/agile/1.0/sprint/42',
    pathTemplate: '/rest/agile/1.0/sprint/{sprintId}', operationId: 'getSprint',
    current: ['read:sprint:jira-software'], beta: [],
  },
  {
    product: 'jira', method: 'GET', path: '/rest/agile/1.0/sprint/42/properties/learning-loop.retro',
    pathTemplate: '/rest/agile/1.0/sprint/{sprintId}/properties/{propertyKey}', operationId: 'getProperty',
    current: ['read:sprint:jira-software'], beta: [],
  },
  {
    product: 'jira', method: 'PUT', path: '/rest/agile/1.0/sprint/42/properties/learning-loop.retro',
    pathTemplate: '/rest/agile/1.0/sprint/{sprintId}/properties/{propertyKey}', operationId: 'setProperty',
    current: ['write:sprint:jira-software'], beta: [],
  },
  {
    product: 'confluence', method: 'GET', path: '/wiki/api/v2/pages/123?body-format=atlas_doc_format',
    pathTemplate: '/wiki/api/v2/pages/{id}', operationId: 'getPageById',
    current: ['read:page:confluence'], beta: [],
  },
  {
    product: 'confluence', method: 'GET', path: '/wiki/api/v2/spaces?keys=LL',
    pathTemplate: '/wiki/api/v2/spaces', operationId: 'getSpaces',
    current: ['read:space:confluence'], beta: [],
  },
];

/** Responses against the operations' documented statuses and schemas (expected values read by hand from emulator/specs). */
import { loadContracts, type Problem } from '../../contract';

const contracts = loadContracts();
const op = (product: 'jira' | 'confluence', method: string, path: string) => {
  const found = contracts.match(product, method, path);
  if (!found) throw new Error(`no operation for ${method} ${path}`);
  return found;
};
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => p.message);
const SITE = 'https://learning-loop.atlassian.net';

describe('GET /rest/api/3/issue/{issueIdOrKey} (IssueBean)', () => {
  const getIssue = op('jira', 'GET', '/rest/api/3/issue/LL-1');
  const issue = {
    id: '10001',
    key: 'LL-1',
    self: `${SITE}/rest/api/3/issue/10001`,
    fields: { summary: 'Faster search' },
    properties: { 'learning-loop.learning': { hypothesis: 'x' } },
  };

  it('a minimal valid body passes', () => {
    expect(contracts.validateResponse(getIssue, 200, issue)).toEqual([]);
  });

  it('a wrong type fails, named with the operation and the place', () => {
    expect(contracts.validateResponse(getIssue, 200, { ...issue, id: 10001 })).toEqual([
      {
        severity: 'error',
        location: 'response',
        operation: 'GET /rest/api/3/issue/{issueIdOrKey}',
        message: 'GET /rest/api/3/issue/{issueIdOrKey}: response 200 body at /id must be string',
      },
    ]);
    expect(errors(contracts.validateResponse(getIssue, 200, { ...issue, fields: [] }))).toEqual([
      'GET /rest/api/3/issue/{issueIdOrKey}: response 200 body at /fields must be object',
    ]);
  });

  it('an undocumented property fails (IssueBean is closed: additionalProperties false)', () => {
    expect(errors(contracts.validateResponse(getIssue, 200, { ...issue, issueKey: 'LL-1' }))).toEqual([
      'GET /rest/api/3/issue/{issueIdOrKey}: response 200 body at /issueKey is not allowed (the schema has no such property)',
    ]);
  });

  it('a format is checked: self is a uri', () => {
    expect(errors(contracts.validateResponse(getIssue, 200, { ...issue, self: '/rest/api/3/issue/10001' }))).toEqual([
      'GET /rest/api/3/issue/{issueIdOrKey}: response 200 body at /self must match format "uri"',
    ]);
  });

  it('an undocumented status fails', () => {
    expect(contracts.validateResponse(getIssue, 500, { errorMessages: ['boom'] })).toEqual([
      {
        severity: 'error',
        location: 'status',
        operation: 'GET /rest/api/3/issue/{issueIdOrKey}',
        message: 'GET /rest/api/3/issue/{issueIdOrKey}: status 500 is not documented (documented: 200, 401, 404)',
      },
    ]);
    expect(errors(contracts.validateResponse(getIssue, 403, {}))).toHaveLength(1);
  });

  it('an error body where the spec documents none is a warning (404 has a description only)', () => {
    expect(contracts.validateResponse(getIssue, 404, { errorMessages: ['Issue does not exist'], errors: {} })).toEqual([
      expect.objectContaining({ severity: 'warning', location: 'response' }),
    ]);
    expect(contracts.validateResponse(getIssue, 404, undefined)).toEqual([]);
  });

  it('a documented JSON body that is missing fails', () => {
    expect(errors(contracts.validateResponse(getIssue, 200, undefined))).toEqual([
      'GET /rest/api/3/issue/{issueIdOrKey}: status 200 documents a JSON body, but none was returned',
    ]);
  });
});

describe('other operations the app calls', () => {
  it('PUT issue property: 200 and 201 document `schema: {}` and Jira answers with no body', () => {
    const put = op('jira', 'PUT', '/rest/api/3/issue/LL-1/properties/k');
    expect(contracts.validateResponse(put, 200, undefined)).toEqual([]);
    expect(contracts.validateResponse(put, 201, undefined)).toEqual([]);
    expect(errors(contracts.validateResponse(put, 204, undefined))).toHaveLength(1);
  });

  it('GET /rest/agile/1.0/board: a page of boards', () => {
    const boards = op('jira', 'GET', '/rest/agile/1.0/board');
    const page = {
      startAt: 0,
      maxResults: 50,
      total: 1,
      isLast: true,
      values: [{ id: 7, self: `${SITE}/rest/agile/1.0/board/7`, name: 'LL board', type: 'scrum' }],
    };
    expect(contracts.validateResponse(boards, 200, page)).toEqual([]);
    expect(errors(contracts.validateResponse(boards, 200, { ...page, values: [{ ...page.values[0], id: '7' }] }))).toEqual([
      'GET /rest/agile/1.0/board: response 200 body at /values/0/id must be integer',
    ]);
  });

  it('GET /rest/api/3/user/bulk: a page of users', () => {
    const bulk = op('jira', 'GET', '/rest/api/3/user/bulk');
    const page = {
      startAt: 0,
      maxResults: 10,
      total: 1,
      isLast: true,
      values: [{ accountId: 'a1', displayName: 'Ada', active: true, accountType: 'atlassian' }],
    };
    expect(contracts.validateResponse(bulk, 200, page)).toEqual([]);
    expect(errors(contracts.validateResponse(bulk, 200, { ...page, values: [{ accountId: 'a1', accountType: 'robot' }] }))).toEqual([
      'GET /rest/api/3/user/bulk: response 200 body at /values/0/accountType must be one of "atlassian", "app", "customer", "unknown"',
    ]);
  });

  it('GET /rest/agile/1.0/sprint/{sprintId}: the Agile spec documents no schema, only an example, so the body is not checked', () => {
    const sprint = op('jira', 'GET', '/rest/agile/1.0/sprint/42');
    expect(contracts.validateResponse(sprint, 200, { anything: true })).toEqual([]);
    const documented = contracts.documentedResponse(sprint, 200);
    expect(documented?.schema).toBeUndefined();
    expect(documented?.example).toMatchObject({ id: 37, state: 'closed', name: 'sprint 1', originBoardId: 5 });
  });

  it('Confluence v2: `nullable` is honoured (PageSingle.position and ownerId are nullable)', () => {
    const page = op('confluence', 'GET', '/wiki/api/v2/pages/123');
    const body = {
      id: '123',
      status: 'current',
      title: 'Retro',
      spaceId: '9',
      position: null,
      ownerId: null,
      createdAt: '2026-11-29T10:00:00.000Z',
    };
    expect(contracts.validateResponse(page, 200, body)).toEqual([]);
    expect(errors(contracts.validateResponse(page, 200, { ...body, title: null }))).toEqual([
      'GET /wiki/api/v2/pages/{id}: response 200 body at /title must be string',
    ]);
    expect(errors(contracts.validateResponse(page, 200, { ...body, status: 'gone' }))).toHaveLength(1);
  });

  it('POST /rest/api/3/jql/parse: a parsed clause is accepted although JqlQueryClause says `additionalProperties: false` with no properties', () => {
    const parse = op('jira', 'POST', '/rest/api/3/jql/parse');
    const body = {
      queries: [
        {
          query: 'project = LL',
          structure: {
            where: { field: { name: 'project', encodedName: 'project' }, operator: '=', operand: { value: 'LL', encodedValue: 'LL' } },
          },
        },
      ],
    };
    expect(contracts.validateResponse(parse, 200, body)).toEqual([]);
    expect(contracts.quirks.some((q) => q.includes('#/components/schemas/JqlQueryClause'))).toBe(true);
    expect(errors(contracts.validateResponse(parse, 200, { queries: [{ structure: {} }] }))).toEqual([
      'POST /rest/api/3/jql/parse: response 200 body at /queries/0/query is required',
    ]);
  });
});

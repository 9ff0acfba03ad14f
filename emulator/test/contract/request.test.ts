/** Requests against the operations' parameters and request bodies (expected values read by hand from emulator/specs). */
import { loadContracts, type Problem } from '../../contract';

const contracts = loadContracts();
const op = (product: 'jira' | 'confluence', method: string, path: string) => {
  const found = contracts.match(product, method, path);
  if (!found) throw new Error(`no operation for ${method} ${path}`);
  return found;
};
const query = (path: string) => new URLSearchParams(path.split('?')[1] ?? '');
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => p.message);
const check = (product: 'jira' | 'confluence', method: string, path: string, body?: unknown) =>
  contracts.validateRequest(op(product, method, path), { query: query(path), body });

describe('good requests, as the app makes them, have no problem', () => {
  it.each([
    ['GET', '/rest/api/3/issue/LL-1?fields=summary&properties=learning-loop.learning', undefined],
    ['GET', '/rest/api/3/issue/LL-1?fields=summary&expand=editmeta', undefined],
    ['PUT', '/rest/api/3/issue/LL-1/properties/learning-loop.learning', { hypothesis: 'x', learned: null }],
    [
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'project = LL', fields: ['summary'], properties: ['learning-loop.learning'], maxResults: 50, nextPageToken: 'abc' },
    ],
    ['POST', '/rest/api/3/jql/parse?validation=strict', { queries: ['project = LL'] }],
    ['POST', '/rest/api/3/search/approximate-count', { jql: 'project = LL' }],
    [
      'POST',
      '/rest/api/3/permissions/check',
      { accountId: 'a1', projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [10001, 10002] }] },
    ],
    ['GET', '/rest/api/3/user/bulk?accountId=a1&accountId=a2&maxResults=2', undefined],
    ['GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES&issueKey=LL-1', undefined],
    ['GET', '/rest/agile/1.0/board?projectKeyOrId=LL&startAt=0&maxResults=50', undefined],
    ['GET', '/rest/agile/1.0/board/7/sprint?state=active', undefined],
    ['GET', '/rest/agile/1.0/sprint/42', undefined],
    ['PUT', '/rest/agile/1.0/sprint/42/properties/learning-loop.retro', { notes: [] }],
  ] as const)('%s %s', (method, path, body) => {
    expect(check('jira', method, path, body)).toEqual([]);
  });

  it('Confluence v2', () => {
    expect(check('confluence', 'GET', '/wiki/api/v2/pages/123?body-format=atlas_doc_format&include-labels=true')).toEqual([]);
    expect(check('confluence', 'GET', '/wiki/api/v2/spaces?keys=LL&keys=XX&limit=25')).toEqual([]);
  });
});

describe('parameters', () => {
  it('a query parameter of the wrong type, named with its operation', () => {
    expect(check('jira', 'GET', '/rest/api/3/issue/LL-1?fieldsByKeys=maybe')).toEqual([
      {
        severity: 'error',
        location: 'query',
        operation: 'GET /rest/api/3/issue/{issueIdOrKey}',
        message: 'GET /rest/api/3/issue/{issueIdOrKey}: query parameter "fieldsByKeys" must be boolean',
      },
    ]);
    expect(errors(check('jira', 'GET', '/rest/agile/1.0/board?maxResults=ten'))).toEqual([
      'GET /rest/agile/1.0/board: query parameter "maxResults" must be integer',
    ]);
  });

  it('a value outside the enum', () => {
    expect(errors(check('jira', 'GET', '/rest/agile/1.0/board?orderBy=size'))).toEqual([
      'GET /rest/agile/1.0/board: query parameter "orderBy" must be one of "name", "-name", "+name"',
    ]);
    expect(errors(check('jira', 'POST', '/rest/api/3/jql/parse?validation=loose', { queries: ['x'] }))).toEqual([
      'POST /rest/api/3/jql/parse: query parameter "validation" must be one of "strict", "warn", "none"',
    ]);
    expect(errors(check('confluence', 'GET', '/wiki/api/v2/pages/123?body-format=html'))).toEqual([
      'GET /wiki/api/v2/pages/{id}: query parameter "body-format" must be one of "storage", "atlas_doc_format", "view", "export_view", "anonymous_export_view", "styled_view", "editor"',
    ]);
  });

  it('a missing required query parameter', () => {
    expect(errors(check('jira', 'POST', '/rest/api/3/jql/parse', { queries: ['x'] }))).toEqual([
      'POST /rest/api/3/jql/parse: query parameter "validation" is required',
    ]);
    expect(errors(check('jira', 'GET', '/rest/api/3/user/bulk'))).toEqual([
      'GET /rest/api/3/user/bulk: query parameter "accountId" is required',
    ]);
  });

  it('limits', () => {
    expect(errors(check('confluence', 'GET', '/wiki/api/v2/spaces?limit=500'))).toEqual([
      'GET /wiki/api/v2/spaces: query parameter "limit" must be <= 250',
    ]);
  });

  it('array items, split on commas only where the description says the parameter takes a comma-separated list', () => {
    // getIssue `fields`: "This parameter accepts a comma-separated list".
    // spaces `ids` (int64 items): "Multiple IDs can be specified as a comma-separated list".
    // user/bulk `accountId`: "To specify multiple users, pass multiple `accountId` parameters" (not split).
    expect(check('jira', 'GET', '/rest/api/3/issue/LL-1?fields=summary,status')).toEqual([]);
    expect(errors(check('confluence', 'GET', '/wiki/api/v2/spaces?ids=1&ids=two'))).toEqual([
      'GET /wiki/api/v2/spaces: query parameter "ids" item 1 must be integer',
    ]);
    expect(errors(check('confluence', 'GET', '/wiki/api/v2/spaces?ids=1,two'))).toEqual([
      'GET /wiki/api/v2/spaces: query parameter "ids" item 1 must be integer',
    ]);
    const bulk = op('jira', 'GET', '/rest/api/3/user/bulk');
    // maxLength 128 per item: a comma-joined list of two 100-character ids is one 201-character id.
    const long = 'a'.repeat(100);
    expect(contracts.validateRequest(bulk, { query: new URLSearchParams(`accountId=${long}&accountId=${long}`) })).toEqual([]);
    expect(errors(contracts.validateRequest(bulk, { query: new URLSearchParams(`accountId=${long},${long}`) }))).toEqual([
      'GET /rest/api/3/user/bulk: query parameter "accountId" item 0 must NOT have more than 128 characters',
    ]);
  });

  it('a path parameter of the wrong type', () => {
    expect(errors(check('jira', 'GET', '/rest/agile/1.0/sprint/abc'))).toEqual([
      'GET /rest/agile/1.0/sprint/{sprintId}: path parameter "sprintId" must be integer',
    ]);
    expect(errors(check('confluence', 'GET', '/wiki/api/v2/pages/LL-1'))).toEqual([
      'GET /wiki/api/v2/pages/{id}: path parameter "id" must be integer',
    ]);
  });

  it('an undocumented query parameter is a warning: Jira ignores it, so it is most likely a typo', () => {
    const problems = check('jira', 'GET', '/rest/api/3/issue/LL-1?feilds=summary');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        location: 'query',
        message: expect.stringContaining('query parameter "feilds" is not documented'),
      }),
    ]);
  });

  it('a scalar parameter given twice is a warning', () => {
    expect(check('jira', 'GET', '/rest/agile/1.0/board?projectKeyOrId=LL&projectKeyOrId=XX')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: 'GET /rest/agile/1.0/board: query parameter "projectKeyOrId" is given 2 times but takes one value',
      }),
    ]);
  });

  it('takes a plain object for the query, too', () => {
    const get = op('jira', 'GET', '/rest/api/3/user/bulk');
    expect(contracts.validateRequest(get, { query: { accountId: ['a1', 'a2'], maxResults: 2 } })).toEqual([]);
    expect(errors(contracts.validateRequest(get, { query: { accountId: 'a1', maxResults: 'x' } }))).toHaveLength(1);
  });

  it('does not ask for the Authorization header, which Forge adds', () => {
    const dev = op('jira', 'GET', '/rest/devinfo/0.10/repository/r1');
    expect(dev.parameters.some((p) => p.in === 'header' && p.name === 'Authorization' && p.required)).toBe(true);
    expect(contracts.validateRequest(dev, {})).toEqual([]);
  });

  it('lists a query parameter the spec types as an object (Agile `state`) as a quirk instead of refusing it', () => {
    check('jira', 'GET', '/rest/agile/1.0/board/7/sprint?state=active');
    expect(contracts.quirks).toContain(
      'GET /rest/agile/1.0/board/{boardId}/sprint: query parameter "state" is typed as an object in the spec, which no query string can be: not checked',
    );
  });
});

describe('bodies', () => {
  it('a required body that is missing', () => {
    expect(errors(check('jira', 'POST', '/rest/api/3/permissions/check'))).toEqual([
      'POST /rest/api/3/permissions/check: a request body is required',
    ]);
    expect(errors(check('jira', 'PUT', '/rest/api/3/issue/LL-1/properties/k'))).toEqual([
      'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}: a request body is required',
    ]);
  });

  it('a body that does not match the schema', () => {
    expect(
      errors(check('jira', 'POST', '/rest/api/3/permissions/check', { projectPermissions: [{ permissions: 'BROWSE_PROJECTS' }] })),
    ).toEqual(['POST /rest/api/3/permissions/check: request body at /projectPermissions/0/permissions must be array']);
    expect(errors(check('jira', 'POST', '/rest/api/3/permissions/check', { projectPermissions: [{ issues: [1] }] }))).toEqual([
      'POST /rest/api/3/permissions/check: request body at /projectPermissions/0/permissions is required',
    ]);
    expect(errors(check('jira', 'POST', '/rest/api/3/search/jql', { jql: 'project = LL', maxResults: '50' }))).toEqual([
      'POST /rest/api/3/search/jql: request body at /maxResults must be integer',
    ]);
    expect(errors(check('jira', 'POST', '/rest/api/3/search/approximate-count', { jql: 'x', maxResults: 1 }))).toEqual([
      'POST /rest/api/3/search/approximate-count: request body at /maxResults is not allowed (the schema has no such property)',
    ]);
    expect(errors(check('jira', 'POST', '/rest/api/3/jql/parse?validation=strict', { queries: [''] }))).toEqual([
      'POST /rest/api/3/jql/parse: request body at /queries/0 must NOT have fewer than 1 characters',
    ]);
  });

  it('a body for an operation that takes none is a warning', () => {
    expect(check('jira', 'GET', '/rest/api/3/myself', { x: 1 })).toEqual([
      expect.objectContaining({
        severity: 'warning',
        location: 'body',
        message: 'GET /rest/api/3/myself: the operation documents no request body',
      }),
    ]);
  });
});

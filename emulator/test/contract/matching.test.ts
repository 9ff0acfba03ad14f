/** Method + path -> operation, against templates and operationIds read by hand from emulator/specs. */
import { loadContracts } from '../../contract';
import { APP_CALLS } from './app-calls';

const contracts = loadContracts();

describe('every operation the app calls is in the specs', () => {
  it.each(APP_CALLS.map((c) => [`${c.method} ${c.path}`, c] as const))('%s', (_name, call) => {
    const op = contracts.match(call.product, call.method, call.path);
    expect(op).not.toBeNull();
    expect(op!.pathTemplate).toBe(call.pathTemplate);
    expect(op!.operationId).toBe(call.operationId);
    expect(op!.method).toBe(call.method);
  });
});

describe('matching', () => {
  it('gives the path parameters as they appear, and strips the query', () => {
    const op = contracts.match('jira', 'PUT', '/rest/api/3/issue/LL-1/properties/learning-loop.learning?x=1')!;
    expect(op.pathParams).toEqual({ issueIdOrKey: 'LL-1', propertyKey: 'learning-loop.learning' });
    expect(op.path).toBe('/rest/api/3/issue/LL-1/properties/learning-loop.learning');
    expect(op.specFile).toBe('jira-platform.swagger-v3.json');
  });

  it('takes lower-case methods', () => {
    expect(contracts.match('jira', 'get', '/rest/api/3/myself')?.operationId).toBe('getCurrentUser');
  });

  it('prefers a literal segment to a parameter: /issue/picker is not /issue/{issueIdOrKey}', () => {
    expect(contracts.match('jira', 'GET', '/rest/api/3/issue/picker?query=x')?.operationId).toBe('getIssuePickerResource');
    expect(contracts.match('jira', 'GET', '/rest/api/3/issue/createmeta')?.operationId).toBe('getCreateIssueMeta');
    expect(contracts.match('jira', 'GET', '/rest/api/3/issue/PICKER-1')?.operationId).toBe('getIssue');
  });

  it('prefers the template whose first parameter comes later', () => {
    // /rest/agile/1.0/board/{boardId}/epic/none/issue (literal "none") vs …/epic/{epicId}/issue
    expect(contracts.match('jira', 'GET', '/rest/agile/1.0/board/7/epic/none/issue')?.operationId).toBe('getIssuesWithoutEpicForBoard');
    expect(contracts.match('jira', 'GET', '/rest/agile/1.0/board/7/epic/3/issue')?.operationId).toBe('getBoardIssuesForEpic');
  });

  it('finds Confluence v2 operations under the server prefix the spec keeps in `servers`', () => {
    expect(contracts.match('confluence', 'GET', '/wiki/api/v2/pages/123')?.operationId).toBe('getPageById');
    expect(contracts.match('confluence', 'GET', '/wiki/api/v2/pages/123')?.specPath).toBe('/pages/{id}');
    expect(contracts.match('confluence', 'GET', '/pages/123')).toBeNull();
  });

  it('accepts one trailing slash, as @forge/lint does', () => {
    expect(contracts.match('jira', 'GET', '/rest/api/3/myself/')?.operationId).toBe('getCurrentUser');
  });

  it('returns null for an unknown path', () => {
    expect(contracts.match('jira', 'GET', '/rest/api/3/nothing-here')).toBeNull();
    expect(contracts.match('jira', 'GET', '/rest/api/2/issue/LL-1')).toBeNull(); // v2 is not vendored
    expect(contracts.match('jira', 'GET', '/rest/api/3/issue/')).toBeNull(); // an empty parameter
    expect(contracts.match('jira', 'GET', '/rest/api/3/issue/LL-1/properties/a/b')).toBeNull();
  });

  it('returns null for a method the path does not offer, and says which ones it does', () => {
    expect(contracts.match('jira', 'DELETE', '/rest/api/3/myself')).toBeNull();
    expect(contracts.match('jira', 'POST', '/rest/agile/1.0/sprint/42/properties/k')).toBeNull();
    expect(contracts.methodsAt('jira', '/rest/api/3/myself')).toEqual(['GET']);
    expect(contracts.methodsAt('jira', '/rest/agile/1.0/sprint/42/properties/k').sort()).toEqual(['DELETE', 'GET', 'PUT']);
    expect(contracts.methodsAt('jira', '/rest/api/3/nothing-here')).toEqual([]);
  });

  it('keeps the products apart', () => {
    expect(contracts.match('confluence', 'GET', '/rest/api/3/myself')).toBeNull();
    expect(contracts.match('jira', 'GET', '/wiki/api/v2/pages/123')).toBeNull();
  });
});

describe('loading', () => {
  it('loads once per directory', () => {
    expect(loadContracts()).toBe(contracts);
  });

  it('has every operation of the three specs', () => {
    // Counted from the raw files, independently of the module.
    const count = (file: string) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const spec = require(`../../specs/${file}`) as { paths: Record<string, Record<string, unknown>> };
      return Object.values(spec.paths).reduce(
        (n, item) => n + Object.keys(item).filter((k) => ['get', 'put', 'post', 'delete', 'patch'].includes(k)).length,
        0,
      );
    };
    expect(contracts.operations.filter((o) => o.specKey === 'jira-platform')).toHaveLength(count('jira-platform.swagger-v3.json'));
    expect(contracts.operations.filter((o) => o.specKey === 'jira-software')).toHaveLength(count('jira-software.openapi.json'));
    expect(contracts.operations.filter((o) => o.specKey === 'confluence-v2')).toHaveLength(count('confluence-v2.openapi.json'));
    expect(contracts.prefixes.get('confluence-v2')).toBe('/wiki/api/v2');
    expect(contracts.prefixes.get('jira-platform')).toBe('');
  });
});

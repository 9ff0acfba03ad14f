/** The scope table the README prints: each call the app makes, its operation, its scopes, and whether manifest.yml grants them. */
import path from 'node:path';
import { formatScopeTable, loadContracts, readManifestScopes, scopeTable } from '../../contract';
import { APP_CALLS } from './app-calls';

const contracts = loadContracts();
const MANIFEST = path.resolve(__dirname, '../../../manifest.yml');

describe('scopeTable', () => {
  const manifest = [
    'read:jira-work',
    'write:jira-work',
    'read:jira-user',
    'storage:app',
    'read:sprint:jira-software',
    'read:board-scope:jira-software',
    'read:project:jira',
  ];
  const rows = scopeTable(contracts, APP_CALLS, manifest);

  it('has one row per call, with the operation read by hand from the specs', () => {
    expect(rows.map((r) => [r.method, r.pathTemplate, r.operationId])).toEqual(
      APP_CALLS.map((c) => [c.method, c.pathTemplate, c.operationId]),
    );
    expect(rows.map((r) => [r.current, r.beta])).toEqual(APP_CALLS.map((c) => [c.current, c.beta]));
  });

  it('says what the manifest grants, and what it misses', () => {
    const refused = rows.filter((r) => !r.granted).map((r) => `${r.method} ${r.pathTemplate}: ${r.missing.join(' ')}`);
    expect(refused).toEqual([
      'PUT /rest/agile/1.0/sprint/{sprintId}/properties/{propertyKey}: write:sprint:jira-software',
      'GET /wiki/api/v2/pages/{id}: read:page:confluence',
      'GET /wiki/api/v2/spaces: read:space:confluence',
    ]);
    expect(rows.find((r) => r.operationId === 'getBulkPermissions')).toMatchObject({ granted: true, grantedBy: 'none-required' });
  });

  it('marks a call that is not in the specs', () => {
    const [row] = scopeTable(contracts, [{ product: 'jira', method: 'GET', path: '/rest/api/2/issue/LL-1' }], manifest);
    expect(row).toMatchObject({ pathTemplate: null, operationId: null, granted: false });
    expect(formatScopeTable([row!])).toContain("| `GET /rest/api/2/issue/LL-1` | not in Atlassian's specs | — | no |");
  });

  it('prints as Markdown', () => {
    const table = formatScopeTable(rows).split('\n');
    expect(table[0]).toBe('| call | operation | scopes (one alternative suffices) | granted |');
    expect(table).toContain(
      '| `GET /rest/agile/1.0/board` | `getAllBoards` | `read:board-scope:jira-software` `read:project:jira` | yes |',
    );
    expect(table).toContain(
      '| `PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}` | `setIssueProperty` | `write:jira-work` or all of `write:issue.property:jira` | yes |',
    );
    expect(table).toContain('| `POST /rest/api/3/permissions/check` | `getBulkPermissions` | none | yes (none needed) |');
    const granular = formatScopeTable(
      scopeTable(
        contracts,
        [{ product: 'jira', method: 'GET', path: '/rest/api/3/myself' }],
        ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira'],
      ),
    );
    expect(granular).toContain('| yes (by the Beta set) |');
    expect(table).toContain(
      '| `GET /wiki/api/v2/spaces` | `getSpaces` | `read:space:confluence` | **no**: missing `read:space:confluence` |',
    );
  });
});

describe("the repository's manifest.yml", () => {
  const scopes = readManifestScopes(MANIFEST);
  const rows = scopeTable(contracts, APP_CALLS, scopes);
  const refusedTemplates = rows.filter((r) => !r.granted).map((r) => `${r.method} ${r.pathTemplate}`);

  it('is read as @forge/manifest reads it', () => {
    expect(scopes).toEqual(expect.arrayContaining(['read:jira-work', 'write:jira-work', 'read:jira-user', 'storage:app']));
  });

  it('grants every Jira platform operation the app calls', () => {
    expect(refusedTemplates.filter((t) => t.includes('/rest/api/3/'))).toEqual([]);
  });

  // getAllBoards needs read:project:jira besides read:board-scope:jira-software (Jira Software spec,
  // getAllBoards `security`); manifest.yml once had only the latter.
  it('grants GET /rest/agile/1.0/board (needs read:project:jira)', () => {
    expect(refusedTemplates).not.toContain('GET /rest/agile/1.0/board');
  });
});

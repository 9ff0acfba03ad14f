/**
 * Scopes, decided the way @forge/lint 6.3.1 decides them (product-verifier.js getRequiredScopes /
 * getBetaScopes, and @forge/manifest's getMissingScopes): the manifest must grant every `Current`
 * scope, or every `Beta` scope. Expected values are read by hand from emulator/specs.
 */
import { loadContracts, requiredScopesOf, scopesGranted } from '../../contract';
import { APP_CALLS } from './app-calls';

const contracts = loadContracts();
const op = (product: 'jira' | 'confluence', method: string, path: string) => {
  const found = contracts.match(product, method, path);
  if (!found) throw new Error(`no operation for ${method} ${path}`);
  return found;
};

describe('the scopes of the operations the app calls', () => {
  it.each(APP_CALLS.map((c) => [`${c.method} ${c.pathTemplate}`, c] as const))('%s', (_name, call) => {
    const required = op(call.product, call.method, call.path).requiredScopes;
    expect(required.current).toEqual(call.current);
    expect(required.beta).toEqual(call.beta);
  });
});

describe('scopesGranted', () => {
  const boards = () => op('jira', 'GET', '/rest/agile/1.0/board?projectKeyOrId=LL');

  it('GET /rest/agile/1.0/board needs read:board-scope:jira-software AND read:project:jira (getAllBoards security)', () => {
    const verdict = contracts.scopesGranted(boards(), ['read:board-scope:jira-software', 'read:sprint:jira-software']);
    expect(verdict.ok).toBe(false);
    expect(verdict.missing).toEqual(['read:project:jira']);
    expect(boards().requiredScopes.source).toBe('security');
    expect(contracts.scopesGranted(boards(), ['read:board-scope:jira-software', 'read:project:jira'])).toMatchObject({
      ok: true,
      grantedBy: 'current',
    });
  });

  it('the classic scope grants a Jira platform operation: PUT issue property with write:jira-work', () => {
    const put = op('jira', 'PUT', '/rest/api/3/issue/LL-1/properties/k');
    expect(contracts.scopesGranted(put, ['write:jira-work'])).toMatchObject({ ok: true, missing: [], grantedBy: 'current' });
  });

  it('so does the whole granular set, but not part of it', () => {
    const get = op('jira', 'GET', '/rest/api/3/user/bulk?accountId=a');
    expect(
      contracts.scopesGranted(get, ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira']),
    ).toMatchObject({ ok: true, grantedBy: 'beta' });
    const partial = contracts.scopesGranted(get, ['read:user:jira', 'read:avatar:jira']);
    expect(partial.ok).toBe(false);
    // Cheapest alternative: the classic scope (1 missing) rather than the granular set (2 missing).
    expect(partial.missing).toEqual(['read:jira-user']);
    expect(partial.alternatives.map((a) => [a.kind, a.missing])).toEqual([
      ['current', ['read:jira-user']],
      ['beta', ['read:application-role:jira', 'read:group:jira']],
    ]);
  });

  it('names the granular scopes when they are the cheaper way', () => {
    const put = op('jira', 'PUT', '/rest/api/3/issue/LL-1/properties/k');
    const verdict = contracts.scopesGranted(put, ['read:jira-work']);
    // One missing either way: the classic (`current`) alternative wins the tie.
    expect(verdict.missing).toEqual(['write:jira-work']);
    const get = op('jira', 'GET', '/rest/api/3/myself');
    expect(contracts.scopesGranted(get, ['read:application-role:jira', 'read:group:jira', 'read:user:jira']).missing).toEqual([
      'read:jira-user',
    ]);
  });

  it('an operation with granular scopes only is not granted by the classic scopes (the Agile API)', () => {
    const sprint = op('jira', 'GET', '/rest/agile/1.0/sprint/42');
    expect(sprint.requiredScopes.alternatives).toEqual([{ kind: 'current', scopes: ['read:sprint:jira-software'] }]);
    const verdict = contracts.scopesGranted(sprint, ['read:jira-work', 'write:jira-work']);
    expect(verdict).toMatchObject({ ok: false, missing: ['read:sprint:jira-software'] });
    expect(
      contracts.scopesGranted(op('jira', 'PUT', '/rest/agile/1.0/sprint/42/properties/k'), ['read:sprint:jira-software']).missing,
    ).toEqual(['write:sprint:jira-software']);
  });

  it('Confluence v2 asks granular scopes', () => {
    const page = op('confluence', 'GET', '/wiki/api/v2/pages/123');
    expect(contracts.scopesGranted(page, ['read:jira-work', 'read:confluence-content.all'])).toMatchObject({
      ok: false,
      missing: ['read:page:confluence'],
    });
    expect(contracts.scopesGranted(page, ['read:page:confluence']).ok).toBe(true);
  });

  it('refuses a planted mistake: a manifest without read:jira-user calling GET /rest/api/3/user/bulk', () => {
    const manifest = ['read:jira-work', 'write:jira-work', 'storage:app', 'read:sprint:jira-software', 'read:board-scope:jira-software'];
    const verdict = contracts.scopesGranted(op('jira', 'GET', '/rest/api/3/user/bulk?accountId=a'), manifest);
    expect(verdict).toMatchObject({ ok: false, missing: ['read:jira-user'], grantedBy: null });
  });

  it('an operation whose Current scopes are empty asks none (POST /rest/api/3/permissions/check), as @forge/lint reads it', () => {
    const check = op('jira', 'POST', '/rest/api/3/permissions/check');
    expect(check.requiredScopes.requiresNone).toBe(true);
    expect(contracts.scopesGranted(check, [])).toMatchObject({ ok: true, grantedBy: 'none-required' });
  });

  it('a Beta-only operation asks none either (GET /rest/api/3/user/email): getMissingScopes returns [] for empty current', () => {
    const email = op('jira', 'GET', '/rest/api/3/user/email?accountId=a');
    expect(email.requiredScopes).toMatchObject({ current: [], beta: ['read:email-address:jira'], requiresNone: true });
  });

  it('an empty manifest misses the Current scopes', () => {
    expect(contracts.scopesGranted(op('jira', 'GET', '/rest/api/3/issue/LL-1'), []).missing).toEqual(['read:jira-work']);
  });

  it('reads `security` when there is no x-atlassian-oauth2-scopes, joining its OAuth2 entries and ignoring basicAuth and {}', () => {
    const required = requiredScopesOf({
      security: [{ basicAuth: [] }, { OAuth2: ['a:x'] }, { oAuthDefinitions: ['b:x'] }, {}],
    });
    expect(required).toMatchObject({ source: 'security', current: ['a:x', 'b:x'], beta: [], requiresNone: false });
    expect(scopesGranted(required, ['a:x']).missing).toEqual(['b:x']);
  });

  it('prefers x-atlassian-oauth2-scopes over security, and joins several Current entries into one alternative', () => {
    const required = requiredScopesOf({
      security: [{ OAuth2: ['ignored:x'] }],
      'x-atlassian-oauth2-scopes': [
        { state: 'Current', scheme: 'OAuth2', scopes: ['a:x'] },
        { state: 'Current', scheme: 'OAuth2', scopes: ['b:x'] },
        { state: 'Beta', scheme: 'OAuth2', scopes: ['c:x'] },
        { state: 'Deprecated', scheme: 'OAuth2', scopes: ['d:x'] },
      ],
    });
    expect(required).toMatchObject({ source: 'x-atlassian-oauth2-scopes', current: ['a:x', 'b:x'], beta: ['c:x'] });
    expect(scopesGranted(required, ['a:x']).ok).toBe(false);
    expect(scopesGranted(required, ['c:x']).ok).toBe(true);
    expect(scopesGranted(required, ['d:x']).ok).toBe(false);
  });
});

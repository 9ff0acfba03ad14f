/**
 * Atlassian's own linter (`@forge/lint`, what `forge lint` and `forge deploy` run), offline:
 * planted mistakes are caught, correct scopes pass, and the app itself lints clean.
 * The app test lints the built app: run `npm run build` first (as for test/manifest).
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatSeenCalls, lintForgeApp, type ForgeLintRun, type SeenProductCall } from '../../scripts/forge-lint/lint-app';

/**
 * Which of the app's TypeScript files under src/ @forge/lint parses. Today 'none': tsconfig.json's
 * `include` lists bare directories ("src"), and `lint()` keeps a .ts file only if its exact path is
 * in the glob expansion of `include` ("src" expands to the directory itself, not its files), so
 * `forge lint` and `forge deploy` check none of the app's code. Set it to 'all' once tsconfig.json
 * lists globs ("src/**
 * Every product call site in src/ (each `requestJira(` / `requestConfluence(` in the text), which the
 * permission linter must see: it finds a call only by its shape (a function or method named
 * `requestJira` whose first argument is a string, a template or a `route` tagged template, and whose
 * second argument, if any, is an object literal), so a wrapper taking anything else first hides it.
 */
function productCallSitesInSource(): string[] {
  const sites: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name)) {
        fs.readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/\brequest(Jira|Confluence)\(/.test(line) && !/^\s*(\*|\/\/)/.test(line))
              sites.push(`${path.relative(REPO_ROOT, file)}:${i + 1}`);
          });
      }
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  return sites;
}

const fixture = (name: string) => path.resolve(__dirname, '../fixtures/forge-lint', name);
const REPO_ROOT = path.resolve(__dirname, '../..');

/** Every run must be offline and complete: no linter may have failed (@forge/lint only logs that). */
function expectCleanRun(run: ForgeLintRun) {
  expect(run.networkAttempts).toEqual([]);
  expect(run.linterFailures).toEqual([]);
}

const scopeErrors = (run: ForgeLintRun) =>
  run.errors.map(({ file, line, message, reference, metadata }) => ({
    file: path.relative(run.appDir, file),
    line,
    message,
    reference,
    missingPermission: metadata?.missingPermission as unknown,
  }));

const callsOf = (calls: SeenProductCall[]) => calls.map(({ file, line, method, specPath }) => ({ file, line, method, specPath }));

// The first run compiles @forge/manifest's 2.3 MB schema (about 6 s); later runs reuse it.
jest.setTimeout(120_000);

describe('Atlassian’s linter (@forge/lint, client-side linters), offline', () => {
  describe('a planted mistake is caught', () => {
    it('flags a Jira platform call whose scope is not declared, naming the scope', async () => {
      const run = await lintForgeApp(fixture('missing-scope'));
      expectCleanRun(run);
      expect(scopeErrors(run)).toEqual([
        {
          file: 'src/index.ts',
          line: 5,
          message: 'Jira endpoint: GET /rest/api/3/user/bulk requires "read:jira-user" scope',
          reference: 'permission-scope-required',
          missingPermission: 'read:jira-user',
        },
      ]);
      expect(run.report).toMatch(
        /5:50 +error +Jira endpoint: GET \/rest\/api\/3\/user\/bulk requires "read:jira-user" scope +permission-scope-required/,
      );
    });

    it('flags an Agile API call that has only one of the two scopes it needs (GET /rest/agile/1.0/board)', async () => {
      // The Jira Software spec lists both scopes as one OAuth2 requirement: with
      // read:board-scope:jira-software alone, the linter asks for read:project:jira (and only that).
      const run = await lintForgeApp(fixture('missing-scope-agile'));
      expectCleanRun(run);
      expect(scopeErrors(run)).toEqual([
        {
          file: 'src/index.ts',
          line: 5,
          message: 'Jira endpoint: GET /rest/agile/1.0/board requires "read:project:jira" scope',
          reference: 'permission-scope-required',
          missingPermission: 'read:project:jira',
        },
      ]);
      expect(run.warnings).toEqual([]);
    });
  });

  it('passes the same calls when the manifest declares their scopes', async () => {
    const run = await lintForgeApp(fixture('correct-scopes'));
    expectCleanRun(run);
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.report).toContain('No issues found.');
    // Both calls were seen and matched to a spec operation, so "no error" means "checked and fine".
    expect(callsOf(run.seenCalls)).toEqual([
      { file: 'src/index.ts', line: 5, method: 'GET', specPath: '/rest/api/3/user/bulk' },
      { file: 'src/index.ts', line: 6, method: 'GET', specPath: '/rest/agile/1.0/board' },
    ]);
  });

  describe('what hides a call from it', () => {
    it('lints no TypeScript file when tsconfig.json includes a bare directory ("src" rather than "src/**/*")', async () => {
      const run = await lintForgeApp(fixture('bare-directory-include'));
      expectCleanRun(run);
      expect(run.filesListed).toEqual(['src/index.ts']);
      expect(run.filesLinted).toEqual([]);
      expect(run.errors).toEqual([]); // the missing-scope mistake, unseen
    });

    it('does not see a call made through a wrapper whose first argument is not the path', async () => {
      const run = await lintForgeApp(fixture('hidden-by-wrapper'));
      expectCleanRun(run);
      expect(run.filesLinted).toEqual(['src/index.ts']);
      expect(run.seenCalls).toEqual([]);
      expect(run.errors).toEqual([]); // read:jira-user is missing, unseen
    });
  });

  describe('the app itself', () => {
    let run: ForgeLintRun;
    beforeAll(async () => {
      run = await lintForgeApp(REPO_ROOT);
    });

    it('has no errors (nor approvals), offline', () => {
      expectCleanRun(run);
      expect(run.errors).toEqual([]);
      expect(run.approvals).toEqual([]);
    });

    it("parses every one of the app's TypeScript files", () => {
      const sources = run.filesListed.filter((file) => /\.(tsx?|jsx?)$/.test(file));
      expect(sources.length).toBeGreaterThan(0);
      expect(run.filesLinted).toEqual(sources);
    });

    it('sees every product call site in src/, each matched to a spec operation', () => {
      console.log(
        `@forge/lint saw ${run.seenCalls.length} product call sites in the app` +
          (run.seenCalls.length ? `:\n${formatSeenCalls(run.seenCalls)}` : '.'),
      );
      const inSource = productCallSitesInSource();
      expect(inSource.length).toBeGreaterThanOrEqual(12);
      expect(run.seenCalls.map((call) => `${call.file}:${call.line}`).sort()).toEqual([...inSource].sort());
      // A call matched to no spec operation is seen but never checked.
      expect(callsOf(run.seenCalls.filter((call) => call.specPath === null))).toEqual([]);
    });
  });
});

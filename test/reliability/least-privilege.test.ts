/**
 * Least privilege: every product endpoint the code calls, found statically
 * (every route`…` template in src/forge/*.ts, every @forge/kvs use) and
 * dynamically (the local site's accounting while every resolver runs a
 * representative scenario), mapped to the scopes Atlassian's OpenAPI specs give it (read as
 * @forge/lint reads them, emulator/contract); the manifest must
 * declare exactly the scopes used: none unused, none missing.
 *
 * And the code never logs payloads or learning text: every console call in
 * src/ logs a fixed string and at most an error's name; a scenario with the
 * console spied (including an unexpected failure) prints no learning text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadContracts } from '../../emulator';
import { srcFiles, staticEndpoints } from '../support/app-product-calls';
import { globalPageContextFor, macroContextFor, projectPageContextFor } from '../support/invoke-contexts';
import { startAppSite, type AppSite } from '../support/app-site';
import type { PanelView, RetroView } from '../../src/contract/resolvers';
import { draftOf } from '../../src/domain/record/learning-record';
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { resolverKeys } from '../../src/resolvers';
import { aSprintGoal } from '../support/valid-requests';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');

const contracts = loadContracts();

/**
 * The scopes an endpoint ("GET /rest/api/3/issue/{issueIdOrKey}") needs, read from Atlassian's
 * OpenAPI specs as @forge/lint reads them: the alternative the manifest uses (the classic scope, or
 * the granular set), or every scope of the cheapest one when none is granted. KVS needs storage:app.
 */
function scopesOf(endpoint: string): { scopes: string[]; granted: boolean; operation: string } {
  if (endpoint.startsWith('KVS'))
    return { scopes: ['storage:app'], granted: declaredScopes().includes('storage:app'), operation: 'Forge KVS' };
  // Atlassian's Personal data reporting API (api.atlassian.com): the user privacy guide names no scope, and no OpenAPI spec is published.
  if (/^POST \/app\/report-accounts\/?$/.test(endpoint))
    return { scopes: [], granted: true, operation: 'Personal data reporting API (user privacy guide)' };
  const [method, template] = endpoint.split(' ') as [string, string];
  const op = contracts.match('jira', method, template);
  if (!op) throw new Error(`${endpoint} is no operation of Atlassian's published Jira specs (emulator/specs).`);
  const verdict = contracts.scopesGranted(op, declaredScopes());
  const used =
    verdict.grantedBy === 'none-required'
      ? []
      : (op.requiredScopes.alternatives.find((a) => a.kind === verdict.grantedBy)?.scopes ?? verdict.missing);
  return { scopes: used, granted: verdict.ok, operation: `${op.operationId} (${op.label})` };
}

const declaredScopes = (): string[] => {
  const manifest = parseYaml(fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')) as { permissions?: { scopes?: string[] } };
  return [...(manifest.permissions?.scopes ?? [])].sort();
};

let site: AppSite;

beforeAll(async () => {
  site = await startAppSite({ port: 0 });
});

afterAll(async () => {
  site.reset();
  site.settings.confluenceAsUserJira = 'granted';
  await site.close();
});

/** Every resolver once or more, as a person would use it, collecting the endpoints it calls. */
async function representativeScenario(): Promise<{ endpoints: Set<string>; keysRun: Set<string> }> {
  site.reset();
  const endpoints = new Set<string>();
  const keysRun = new Set<string>();
  const run = async (
    functionKey: string,
    payload: unknown,
    where: { issueKey?: string; context?: Record<string, unknown> },
    as = 'alice',
  ) => {
    const { result, calls } = await site.invoke({ functionKey, as, payload, ...where });
    keysRun.add(functionKey);
    for (const c of calls) endpoints.add(c.provider === 'kvs' ? `KVS ${c.endpoint}` : c.endpoint);
    return result as { ok: boolean; value?: unknown; error?: { code: string } };
  };
  const issue = { issueKey: 'FLEX-112' };
  const view = (await run('learning/get', {}, issue)).value as PanelView;
  const draft = draftOf(view.record!);
  draft.learnings.push({ id: 'lp1', text: 'Least privilege scenario.', surprise: false });
  await run('learning/save', { baseRevision: view.record!.revision, draft }, issue);
  await run('history/list', {}, issue);
  await run('goals/forIssue', {}, { issueKey: 'FLEX-105' });
  await run('history/restore', { revision: view.record!.revision, baseRevision: view.record!.revision + 1 }, issue);
  await run('people/lookup', { accountIds: [site.user('bob').accountId] }, issue);
  await run('macro/list', {}, { context: macroContextFor(site, DEFAULT_MACRO_CONFIG) });
  await run('jql/check', { jql: 'learningTags = pricing' }, { context: macroContextFor(site, DEFAULT_MACRO_CONFIG, true) });
  await run('macro/count', {}, { context: macroContextFor(site, DEFAULT_MACRO_CONFIG) });
  await run('macro/findEpics', { text: 'refunds' }, { context: macroContextFor(site, DEFAULT_MACRO_CONFIG, true) });
  await run('macro/findBoards', { text: 'FLEX' }, { context: macroContextFor(site, DEFAULT_MACRO_CONFIG, true) });
  await run('macro/listSprints', { sprintId: 106 }, { context: macroContextFor(site, DEFAULT_MACRO_CONFIG, true) });
  const retro = (await run('retro/open', {}, { context: projectPageContextFor(site, 'FLEX') })).value as RetroView;
  const surprise = retro.cards.flatMap((c) =>
    c.record.learnings.filter((e) => e.surprise).map((e) => ({ issueId: c.issue.id, entryId: e.id })),
  )[0]!;
  await run(
    'retro/open',
    { boardId: retro.board!.id, sprintId: retro.previousSprint?.id ?? retro.sprint!.id },
    { context: projectPageContextFor(site, 'FLEX') },
  );
  await run(
    'retro/saveNote',
    { boardId: retro.board!.id, sprintId: retro.sprint!.id, ...surprise, discussed: true, note: 'Talk to Legal.' },
    { context: projectPageContextFor(site, 'FLEX') },
  );
  await run('retro/export', { boardId: retro.board!.id, sprintId: retro.sprint!.id }, { context: projectPageContextFor(site, 'FLEX') });
  const goalsPage = { context: projectPageContextFor(site, 'FLEX') };
  const [previousSprint, activeSprint] = [retro.previousSprint!.id, retro.sprint!.id];
  await run('goals/open', { sprintId: previousSprint }, goalsPage);
  const goal = aSprintGoal();
  await run('goals/save', { sprintId: previousSprint, base: { revision: 0, goals: [] }, goals: [goal] }, goalsPage);
  await run('goals/carryOver', { fromSprintId: previousSprint, toSprintId: activeSprint, goalIds: ['g1'] }, goalsPage);
  await run('learnedBefore/find', { text: 'refund option labels', tags: ['pricing'] }, issue);
  await run('learnedBefore/markHelped', { sourceIssueKey: 'FLEX-105' }, issue);
  await run('learnedBefore/listReuses', {}, { issueKey: 'FLEX-105' });
  const library = { context: globalPageContextFor(site) };
  const filters = { text: 'refund', projects: ['FLEX'], tags: [], outcomes: [], surprisesOnly: false, period: 'any', author: '' };
  await run('library/list', { filters }, library);
  await run('library/count', { filters }, library);
  await run('library/projects', {}, library);
  await run('insights/rebuild', {}, goalsPage);
  await run('insights/open', {}, goalsPage);
  return { endpoints, keysRun };
}

describe('least privilege', () => {
  it('maps every endpoint the code names (route`…` in src/forge) to a scope the manifest declares', () => {
    const found = staticEndpoints();
    expect(found.filter((e) => e.startsWith('UNREVIEWED'))).toEqual([]);
    const scopes = found.map((e) => [e, scopesOf(e)] as const);
    console.log(
      `Endpoints in src/forge:\n${scopes.map(([e, s]) => `  ${e} → ${s.operation}: ${s.scopes.join(' + ') || 'no scope'}`).join('\n')}`,
    );
    expect(scopes.filter(([, s]) => !s.granted).map(([e]) => e)).toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(10);
  });

  it('declares exactly the scopes the resolvers use while running every one of them', async () => {
    site.contract.reset();
    const { endpoints, keysRun } = await representativeScenario();
    // The runtime enforces the same reading of the specs (emulator/runtime/contract-gate.ts): it refused
    // none of the scenario's calls, and none drew a warning (an undocumented parameter, say).
    const { refusals, warnings, operations } = site.contract.summary();
    expect({ refusals, requestWarnings: warnings.filter((w) => w.side === 'request') }).toEqual({ refusals: [], requestWarnings: [] });
    expect(Object.keys(operations).sort()).toEqual([...endpoints].filter((e) => !e.startsWith('KVS')).sort());
    expect(Object.values(operations).filter((o) => o.appRequests !== o.requests)).toEqual([]);
    expect([...resolverKeys].filter((k) => !keysRun.has(k))).toEqual([]);
    const used = new Map<string, string[]>();
    for (const e of endpoints) {
      const needed = scopesOf(e);
      expect({ endpoint: e, granted: needed.granted }).toEqual({ endpoint: e, granted: true });
      for (const scope of needed.scopes) used.set(scope, [...(used.get(scope) ?? []), e]);
    }
    const table = [...used.entries()].map(([scope, list]) => `| ${scope} | ${list.sort().join('<br>')} |`);
    console.log(`Scopes used by a run of every resolver:\n| scope | endpoints |\n|---|---|\n${table.join('\n')}`);
    const usedScopes = [...used.keys()].sort();
    const declared = declaredScopes();
    expect({
      unused: declared.filter((s) => !usedScopes.includes(s)),
      undeclared: usedScopes.filter((s) => !declared.includes(s)),
    }).toEqual({ unused: [], undeclared: [] });
  });
});

describe('no payloads or learning text in logs', () => {
  it('every console call in src/ logs a fixed string and at most an error name', () => {
    const offenders: string[] = [];
    let count = 0;
    for (const file of srcFiles(path.join(ROOT, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/console\.(\w+)\s*\(([^;]*)\)\s*;/g)) {
        count++;
        const args = m[2]!.trim();
        const allowed = /^'[^'$`]*'(\s*,\s*error instanceof Error \? error\.name : typeof error)?$/;
        if (!allowed.test(args)) offenders.push(`${path.relative(ROOT, file)}: console.${m[1]}(${args})`);
      }
      if (/\bconsole\b(?!\.\w+\s*\()/.test(text)) offenders.push(`${path.relative(ROOT, file)}: console used other than as a call`);
    }
    expect(offenders).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(1);
  });

  it('a scenario with every resolver, a failing Jira and an unexpected error prints no learning text', async () => {
    const printed: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      jest
        .spyOn(console, method)
        .mockImplementation(
          (...args: unknown[]) =>
            void printed.push(
              args.map((a) => (typeof a === 'string' ? a : ((JSON.stringify(a) as string | undefined) ?? String(a)))).join(' '),
            ),
        ),
    );
    try {
      await representativeScenario();
      site.faults.serverError(503, { target: 'any', times: null });
      await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112', payload: {} });
      site.faults.clear();
      // An unexpected failure (not an AppError): KVS answers 200 with a body that is not what @forge/kvs expects.
      site.faults.add({ target: 'kvs', status: 200, body: 'Canary-secret-7 not a kvs answer', times: null });
      const secret = 'Canary-secret-7 learned something private';
      const view = (await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112', payload: {} })).result as {
        ok: true;
        value: PanelView;
      };
      const draft = draftOf(view.value.record!);
      draft.learnings.push({ id: 'secret1', text: secret, surprise: false });
      await site.invoke({ functionKey: 'learning/save', as: 'alice', issueKey: 'FLEX-112', payload: { baseRevision: 999, draft } });
      await site.invoke({ functionKey: 'history/list', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    } finally {
      site.faults.clear();
      spies.forEach((s) => {
        s.mockRestore();
      });
    }
    const texts = [
      'Canary-secret-7',
      'Least privilege scenario',
      'Customers in Spain',
      'Labeling matters',
      'Talk to Legal',
      'refund option',
    ];
    expect(printed.filter((line) => texts.some((t) => line.includes(t)))).toEqual([]);
    console.log(
      `Console lines printed during the scenario: ${printed.length}${printed.length ? ` (${[...new Set(printed)].join(' | ')})` : ''}`,
    );
  });
});

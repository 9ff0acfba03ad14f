/**
 * The permissions matrix: every surface the app serves × the demo users
 * (full, browse-only, no browse), through the real handler on the local site.
 *
 *  - 0 leaks: no key, summary or learning text of a GROW issue (carol may not
 *    browse GROW) appears anywhere in any answer carol gets, JSON scanned
 *    whole; a canary learning is planted on GROW-9 so that every search-based
 *    surface would find it if it leaked (shared tag, words, sprint).
 *  - 0 writes without Edit: for a browse-only or no-browse person, no
 *    property PUT succeeds and the stored value is unchanged.
 *  - Payloads never choose the issue, the person or the project: payload-trust.test.ts.
 *
 * The matrix is printed as a table.
 */
import { startAppSite, type AppSite } from '../support/app-site';
import type { CallRecord } from '../../emulator';
import { macroContextFor, projectPageContextFor } from '../support/invoke-contexts';
import type { BoardList, LearningsPage, PanelView, SprintList } from '../../src/contract/resolvers';
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { draftOf } from '../../src/domain/record/learning-record';
import { resolverKeys } from '../../src/resolvers';
import { defined } from '../support/defined';
import { matrixTable, plantCanary, type Cell } from './permissions-canary';
import { findNeedles, storedRecord, storedText, succeededPropertyWrites } from './reliability-support';

jest.setTimeout(120_000);

const USERS = ['alice', 'bob', 'carol', 'dan'] as const;
const TARGETS = ['FLEX-112', 'CHK-42', 'GROW-9', 'SRCH-208'] as const;
/** What the consent check sends where an empty payload is not valid. */
const CONSENT_PAYLOADS = {
  'macro/list': {},
  'macro/count': {},
  'jql/check': { jql: 'key = GROW-9' },
  'macro/findEpics': { text: 'GROW-9' },
  'macro/findBoards': { text: 'GROW' },
};
const CANARY = 'Canary 7f3c: refund labels in growth emails convert twice as well';

let site: AppSite;
let growNeedles: string[];

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

beforeAll(async () => {
  site = await startAppSite({ port: 0 });
});

afterAll(async () => {
  site.reset();
  site.settings.confluenceAsUserJira = 'granted';
  await site.close();
});

const matrix = new Map<string, Map<string, Cell>>();
function cell(surface: string, user: string): Cell {
  if (!matrix.has(surface)) matrix.set(surface, new Map());
  const row = matrix.get(surface)!;
  if (!row.has(user)) row.set(user, { answers: [], leaks: [], writesWithoutEdit: 0 });
  return row.get(user)!;
}

const level = (user: string, issueKey: string) => site.store.permissionLevel(site.user(user).accountId, issueKey.split('-')[0]!);

/** One invocation: records the answer, scans it for GROW data when the user may not browse GROW, counts writes without Edit. */
async function probe(
  surface: string,
  user: string,
  request: { functionKey: string; issueKey?: string; context?: Record<string, unknown>; payload?: unknown },
  opts: { mayEdit?: boolean; issueKey?: string; echo?: string[] } = {},
): Promise<{ result: Envelope; calls: CallRecord[] }> {
  const watched = opts.issueKey ?? request.issueKey;
  const before = watched ? storedText(site, watched) : undefined;
  const { result, calls } = await site.invoke({ ...request, as: user });
  const envelope = result as Envelope;
  const c = cell(surface, user);
  c.answers.push(envelope.ok ? 'ok' : envelope.error.code);
  if (level(user, 'GROW-1') === 'none') {
    // A key the person sent, or the one their own module context carries, is an echo, not a leak.
    const echo = [...(opts.echo ?? []), ...(request.issueKey ? [request.issueKey] : [])];
    const needles = growNeedles.filter((n) => !echo.includes(n));
    const found = findNeedles(envelope, needles);
    c.leaks.push(...found.map((f) => `${request.functionKey}: ${f}`));
  }
  if (watched && opts.mayEdit === false) {
    const after = storedText(site, watched);
    if (succeededPropertyWrites(calls).length > 0 || after !== before) c.writesWithoutEdit++;
  }
  return { result: envelope, calls };
}

describe('permissions matrix', () => {
  beforeAll(() => {
    growNeedles = plantCanary(site, CANARY);
  });

  it('covers every resolver the handler serves', () => {
    const covered = [
      'learning/get',
      'learning/save',
      'history/list',
      'history/restore',
      'people/lookup',
      'macro/list',
      'macro/count',
      'macro/findEpics',
      'macro/findBoards',
      'macro/listSprints',
      'jql/check',
      'retro/open',
      'retro/saveNote',
      'retro/export',
      'learnedBefore/find',
      'learnedBefore/markHelped',
      'learnedBefore/listReuses',
    ];
    // goals/*, library/*, insights/*: their own matrices (permissions-matrix-goals, -library, -insights).
    expect(resolverKeys.filter((k) => !covered.includes(k) && !/^(goals|library|insights)\//.test(k))).toEqual([]);
  });

  it.each(USERS)('the issue panel as %s: reads follow Browse, writes follow Edit', async (user) => {
    for (const issueKey of TARGETS) {
      const lvl = level(user, issueKey);
      const mayEdit = lvl === 'edit' || lvl === 'manage-sprints';
      const got = await probe('panel read (learning/get)', user, { functionKey: 'learning/get', issueKey, payload: {} });
      if (lvl === 'none') expect(got.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      else expect(got.result.ok && (got.result.value as PanelView).canEdit).toBe(mayEdit);

      const record = defined(storedRecord(site, issueKey), `the record of ${issueKey}`);
      const draft = draftOf(record);
      draft.learnings.push({ id: `m-${user}`, text: `Written by ${user}.`, surprise: false });
      const saved = await probe(
        'panel write (learning/save)',
        user,
        { functionKey: 'learning/save', issueKey, payload: { baseRevision: record.revision, draft } },
        { mayEdit },
      );
      if (mayEdit) expect(saved.result.ok).toBe(true);
      else expect(saved.result).toMatchObject({ ok: false, error: { code: lvl === 'none' ? 'NOT_FOUND' : 'FORBIDDEN' } });

      const history = await probe('history/list', user, { functionKey: 'history/list', issueKey, payload: {} });
      expect(history.result.ok).toBe(lvl !== 'none');

      const current = defined(storedRecord(site, issueKey), `the record of ${issueKey}`).revision;
      const restored = await probe(
        'history/restore',
        user,
        { functionKey: 'history/restore', issueKey, payload: { revision: 1, baseRevision: current } },
        { mayEdit },
      );
      if (!mayEdit) expect(restored.result.ok).toBe(false);

      await probe('people/lookup', user, {
        functionKey: 'people/lookup',
        issueKey,
        payload: { accountIds: USERS.map((u) => site.user(u).accountId) },
      });
    }
  });

  it.each(USERS)('the macro as %s, read as the viewer (never as the app, even before consent)', async (user) => {
    const everything = { ...DEFAULT_MACRO_CONFIG, jql: '' };
    const surface = 'macro (asUser)';
    for (const config of [
      everything,
      { ...DEFAULT_MACRO_CONFIG, jql: 'project = GROW' },
      { ...DEFAULT_MACRO_CONFIG, jql: `learningText ~ "refund labels"` },
    ]) {
      let pageToken: string | null = null;
      let pages = 0;
      do {
        const { result } = await probe(surface, user, {
          functionKey: 'macro/list',
          context: macroContextFor(site, config),
          payload: pageToken ? { pageToken } : {},
        });
        if (!result.ok) break;
        const page = result.value as LearningsPage;
        if (level(user, 'GROW-1') === 'none') expect(page.cards.some((c) => c.issue.project.key === 'GROW')).toBe(false);
        pageToken = page.nextPageToken;
      } while (pageToken && ++pages < 20);
    }
    // The config view's preview takes a config from the payload: still only what the viewer may browse.
    await probe(surface, user, {
      functionKey: 'macro/list',
      context: macroContextFor(site, DEFAULT_MACRO_CONFIG, true),
      payload: { config: { ...DEFAULT_MACRO_CONFIG, jql: 'project = GROW' } },
    });
    // The total, of the stored query and of a preview: only what the viewer may browse is counted.
    const counted = await probe(surface, user, { functionKey: 'macro/count', context: macroContextFor(site, everything), payload: {} });
    const growCount = await probe(surface, user, {
      functionKey: 'macro/count',
      context: macroContextFor(site, DEFAULT_MACRO_CONFIG, true),
      payload: { config: { ...DEFAULT_MACRO_CONFIG, jql: 'project = GROW' } },
    });
    expect(counted.result.ok).toBe(true);
    // For whoever may not browse GROW, Jira answers as if the project did not exist: the count is refused, nothing counted.
    if (level(user, 'GROW-1') === 'none') expect(growCount.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    else expect(growCount.result.ok && (growCount.result.value as { count: number }).count).toBeGreaterThan(0);
    // The epic picker: only epics the viewer may browse (a GROW epic's key is looked up too).
    const pick = (functionKey: string, payload: unknown) =>
      probe(surface, user, { functionKey, context: macroContextFor(site, DEFAULT_MACRO_CONFIG, true), payload });
    await pick('macro/findEpics', { text: '' });
    await pick('macro/findEpics', { text: 'GROW-1' });
    // The sprint picker: GROW's board and sprints exist only for whoever may browse GROW.
    const mayBrowseGrow = level(user, 'GROW-1') !== 'none';
    const growBoard = Number(site.store.getProject('GROW')!.id);
    const boards = await pick('macro/findBoards', { text: 'GROW' });
    expect(boards.result.ok && (boards.result.value as BoardList).boards.some((b) => b.id === growBoard)).toBe(mayBrowseGrow);
    const pinned = await pick('macro/listSprints', { sprintId: site.store.listSprints('GROW')[0]!.id });
    expect(pinned.result.ok && (pinned.result.value as SprintList).picked !== null).toBe(mayBrowseGrow);
    expect((await pick('macro/listSprints', { boardId: growBoard })).result.ok).toBe(mayBrowseGrow);
    await pick('jql/check', { jql: 'project = GROW' });
    // Before the viewer grants access, the consent error leaves the function and no answer carries data.
    site.settings.confluenceAsUserJira = 'needs-auth';
    for (const [functionKey, payload] of Object.entries({ ...CONSENT_PAYLOADS, 'macro/listSprints': { boardId: growBoard } })) {
      await expect(
        site.invoke({ functionKey, as: user, context: macroContextFor(site, DEFAULT_MACRO_CONFIG, true), payload }),
      ).rejects.toThrow(/Authentication Required/);
    }
    site.settings.confluenceAsUserJira = 'granted';
  });

  it.each(USERS)('the retro view as %s, on every project page', async (user) => {
    for (const projectKey of ['FLEX', 'CHK', 'GROW', 'SRCH']) {
      const context = projectPageContextFor(site, projectKey);
      const opened = await probe('retro view', user, { functionKey: 'retro/open', context, payload: {} });
      if (site.store.permissionLevel(site.user(user).accountId, projectKey) === 'none') expect(opened.result.ok).toBe(false);
      await probe('retro view', user, { functionKey: 'retro/open', context, payload: { jql: 'project = GROW' } });
      const view = opened.result.ok ? (opened.result.value as { board: { id: number } | null; sprint: { id: number } | null }) : null;
      const boardId = view?.board?.id ?? 1;
      const sprintId = view?.sprint?.id ?? 1;
      // A URL naming GROW's sprint on this board (as a sprint, or as the active one last seen): searched at once, shown never.
      const growSprint = site.store.listSprints('GROW')[0]!.id;
      await probe('retro view', user, { functionKey: 'retro/open', context, payload: { boardId, sprintId: growSprint } });
      await probe('retro view', user, { functionKey: 'retro/open', context, payload: { boardId, activeSprintId: growSprint } });
      await probe('retro view', user, { functionKey: 'retro/export', context, payload: { boardId, sprintId } });
      await probe('retro view', user, { functionKey: 'retro/export', context, payload: { boardId, sprintId, jql: 'project = GROW' } });
      const growIssue = site.store.getIssue('GROW-9')!;
      await probe('retro view', user, {
        functionKey: 'retro/saveNote',
        context,
        payload: { boardId, sprintId, issueId: growIssue.id, entryId: 'canary', discussed: true, note: 'seen' },
      });
    }
  });

  it.each(USERS)('"learned before" as %s', async (user) => {
    for (const issueKey of TARGETS) {
      const lvl = level(user, issueKey);
      await probe('learned before', user, {
        functionKey: 'learnedBefore/find',
        issueKey,
        payload: { text: 'refund labels growth emails convert', tags: ['pricing', 'refunds'] },
      });
      // GROW-9 as the source only for whoever cannot browse it (it must be refused); "This helped"
      // with a GROW source by someone who may see it is the known gap below.
      for (const source of level(user, 'GROW-9') === 'none' ? ['GROW-9', 'FLEX-105'] : ['FLEX-105']) {
        if (source === issueKey) continue;
        const helped = await probe(
          'learned before',
          user,
          { functionKey: 'learnedBefore/markHelped', issueKey, payload: { sourceIssueKey: source } },
          { mayEdit: lvl === 'edit' || lvl === 'manage-sprints', echo: [source] },
        );
        if (level(user, source) === 'none' || lvl === 'none') expect(helped.result.ok).toBe(false);
      }
      await probe('learned before', user, { functionKey: 'learnedBefore/listReuses', issueKey, payload: {} });
    }
  });

  /**
   * "This helped" stores a link to the earlier issue in the current issue's record; a reader
   * who cannot browse the earlier issue sees a placeholder instead (and saving keeps the link).
   */
  it('"This helped" does not show an earlier issue\'s key or summary where its readers cannot browse it', async () => {
    const helped = await site.invoke({
      functionKey: 'learnedBefore/markHelped',
      as: 'alice',
      issueKey: 'FLEX-110',
      payload: { sourceIssueKey: 'GROW-9' },
    });
    expect(helped.result.ok).toBe(true);
    const { result } = await site.invoke({ functionKey: 'learning/get', as: 'carol', issueKey: 'FLEX-110', payload: {} });
    expect(findNeedles(result, growNeedles)).toEqual([]);
  });

  afterAll(() => {
    console.log(matrixTable(site, matrix, [...USERS]));
  });

  it('found 0 leaks and 0 writes without Edit in the whole matrix', () => {
    const leaks = [...matrix.values()].flatMap((row) => [...row.values()].flatMap((c) => c.leaks));
    const writes = [...matrix.values()].flatMap((row) => [...row.values()].map((c) => c.writesWithoutEdit)).reduce((a, b) => a + b, 0);
    expect(leaks).toEqual([]);
    expect(writes).toBe(0);
    // A row per surface probed here (payload trust has its own file: payload-trust.test.ts).
    expect(matrix.size).toBeGreaterThanOrEqual(8);
  });
});

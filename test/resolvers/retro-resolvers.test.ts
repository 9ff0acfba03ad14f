/**
 * The retro view's resolvers end to end: the real handler, the real
 * @forge/api and @forge/kvs, against the local site's Jira, Agile and KVS
 * stand-ins, with a jira:projectPage context.
 */
import { JastBuilder } from '@atlaskit/jql-ast';
import { validator } from '@atlaskit/adf-utils/validator';
import type { CallRecord } from '../../emulator';
import type { RetroExport, RetroView, SavedRetroNote } from '../../src/contract/retro';
import { surprisesOf } from '../../src/domain/retro/retro-surprises';
import { instantKvsQueries, jiraCalls, useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });

function projectPage(key: string) {
  const project = site.store.getProject(key)!;
  return {
    cloudId: 'local',
    siteUrl: site.url,
    moduleKey: 'retro',
    extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: 'software' } },
  };
}

const byKind = (calls: CallRecord[]) => calls.map((c) => `${c.provider} ${c.endpoint}`);

async function open(as: string, key: string, payload: unknown = {}) {
  const { result, calls } = await site.invoke({ functionKey: 'retro/open', as, context: projectPage(key), payload });
  return { result, calls };
}

async function view(as: string, key: string, payload: unknown = {}): Promise<{ view: RetroView; calls: CallRecord[] }> {
  const { result, calls } = await open(as, key, payload);
  if (!result.ok) throw new Error(`retro/open failed: ${JSON.stringify(result)}`);
  return { view: result.value, calls };
}

describe('retro/open', () => {
  it("opens on the active sprint of the project's board with its learnings, figures and the previous sprint: 8 Jira calls, no per-issue call", async () => {
    const { view: v, calls } = await view('alice', 'FLEX');
    expect(v.board?.name).toBe('FLEX board');
    expect(v.sprint?.state).toBe('active');
    expect(v.previousSprint?.state).toBe('closed');
    expect(v.sprints.some((s) => s.state === 'future')).toBe(true);
    expect(v.query?.surprisesJql).toBe(`sprint = ${v.sprint!.id} AND learningSurprise = "true"`);
    expect(v.cards.length).toBeGreaterThan(0);
    expect(v.cards.every((c) => site.store.getIssue(c.issue.key)?.sprintId === v.sprint!.id)).toBe(true);
    expect(surprisesOf(v.cards).length).toBe(v.figures!.current.surprises);
    expect(v.figures!.previous).not.toBeNull();
    expect(Object.keys(v.names).length).toBeGreaterThan(0);
    for (const jql of [v.query!.surprisesJql, v.query!.everythingJql, ...v.query!.sent])
      expect(new JastBuilder().build(jql).errors).toEqual([]);
    expect(byKind(calls)).toEqual([
      'user GET /rest/agile/1.0/board', // no board named: the project's boards, beside the two reads below
      'kvs POST /api/v1/get', // what this person's retro remembers (nothing yet)
      'kvs POST /api/v1/get', // the person's recent writes, reconciled in the searches
      'user GET /rest/agile/1.0/board/{boardId}/sprint',
      'user GET /rest/agile/1.0/board/{boardId}/sprint',
      // Per sprint, its first page and its ids at once (the ids read the later pages by id in one round, when there are any).
      'user POST /rest/api/3/search/jql',
      'user POST /rest/api/3/search/jql',
      'user POST /rest/api/3/search/jql',
      'user POST /rest/api/3/search/jql',
      'kvs POST /api/v1/query',
      'kvs POST /api/v1/get', // the person's own notes of the last minutes, over the eventually consistent list
      'user GET /rest/api/3/user/bulk',
      'kvs POST /api/v1/set', // the boards, sprints and the previous sprint's figures, remembered
    ]);
    expect(calls.filter((c) => c.endpoint.includes('/issue/'))).toEqual([]);
    // Opened again with nothing named: the boards (asked beside the memory, not needed this time), the sprint's search
    // (first page and ids) and the names; no sprint list, nothing of the previous sprint.
    const again = await view('alice', 'FLEX');
    expect(again.view.figures).toEqual(v.figures);
    expect(jiraCalls(again.calls).map((c) => c.endpoint)).toEqual([
      'GET /rest/agile/1.0/board',
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/search/jql',
      'GET /rest/api/3/user/bulk',
    ]);
  });

  it("switches to the last closed sprint: its search and the previous sprint's, boards and sprints remembered", async () => {
    const { view: first } = await view('alice', 'FLEX');
    const lastClosed = first.sprints.find((s) => s.state === 'closed')!;
    const { view: v, calls } = await view('alice', 'FLEX', { boardId: first.board!.id, sprintId: lastClosed.id });
    expect(v.sprint?.id).toBe(lastClosed.id);
    expect(v.previousSprint?.id).not.toBe(lastClosed.id);
    expect(jiraCalls(calls).filter((c) => c.endpoint.includes('/agile/'))).toEqual([]);
    // Two searches (the sprint's and the previous one's), each its first page and its ids.
    expect(jiraCalls(calls).filter((c) => c.endpoint.endsWith('/search/jql')).length).toBeLessThanOrEqual(4);
  });

  it("runs a person's JQL as one more search, and answers bad JQL with INVALID_INPUT", async () => {
    const { view: first } = await view('alice', 'FLEX');
    const jql = `sprint = ${first.sprint!.id} AND learningOutcome = inconclusive`;
    const { view: v, calls } = await view('alice', 'FLEX', { sprintId: first.sprint!.id, jql });
    expect(v.query?.customJql).toBe(jql);
    expect(v.cards.every((c) => c.record.outcome === 'inconclusive')).toBe(true);
    // The sprint's search and the typed one (each its first page and its ids); the previous sprint's figures are remembered.
    expect(calls.filter((c) => c.endpoint.endsWith('/search/jql'))).toHaveLength(4);
    const bad = await open('alice', 'FLEX', { jql: 'sprint = = 1' });
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('never shows carol a surprise from GROW, which she cannot browse', async () => {
    const { result, calls } = await open('carol', 'GROW');
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(jiraCalls(calls)).toHaveLength(1);
    // From a project she can browse, JQL that reaches across projects still returns nothing of GROW.
    const { view: v } = await view('carol', 'FLEX', { jql: 'learningSurprise = "true"' });
    expect(v.cards.length).toBeGreaterThan(0);
    expect(v.cards.some((c) => c.issue.key.startsWith('GROW-'))).toBe(false);
    const { view: alice } = await view('alice', 'FLEX', { jql: 'learningSurprise = "true"' });
    expect(alice.cards.some((c) => c.issue.key.startsWith('GROW-'))).toBe(true);
  });

  it("shows carol nothing of GROW's sprint when her page's URL names it on FLEX's board", async () => {
    const growSprint = site.store.listSprints('GROW')[0]!.id;
    const { view: flex } = await view('carol', 'FLEX');
    const boardId = flex.board!.id;
    expect((await open('carol', 'FLEX', { boardId, sprintId: growSprint })).result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const { view: v } = await view('carol', 'FLEX', { boardId, activeSprintId: growSprint });
    expect(v.sprint?.id).toBe(flex.sprint?.id);
    expect(v.cards.some((c) => c.issue.key.startsWith('GROW-'))).toBe(false);
    const growIds = new Set(site.store.listIssues('GROW').map((i) => i.id));
    expect(Object.keys(v.notes).filter((k) => growIds.has(k.split(':')[0]!))).toEqual([]);
  });

  it('refuses a board of another project, unknown fields, and any context but a project page', async () => {
    const grow = site.store.getProject('GROW')!;
    expect((await open('alice', 'FLEX', { boardId: Number(grow.id) })).result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await open('alice', 'FLEX', { projectKey: 'GROW' })).result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await open('alice', 'FLEX', { sprintId: -1 })).result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const { result } = await site.invoke({ functionKey: 'retro/open', as: 'alice', issueKey: 'FLEX-112', payload: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('retro/saveNote', () => {
  // The next open (or the export) lists the notes through kvs.query right after the note's write, which Forge does not promise at once.
  instantKvsQueries(site);
  it("keeps a discussed mark and a note per surprise in one KVS write, and the writer's recent list, after one round of checks, and shows it on the next open", async () => {
    const { view: v } = await view('alice', 'FLEX');
    const surprise = surprisesOf(v.cards)[0]!;
    const payload = {
      boardId: v.board!.id,
      sprintId: v.sprint!.id,
      issueId: surprise.card.issue.id,
      entryId: surprise.entry.id,
      discussed: true,
      note: ' Test the label first. ',
    };
    const { result, calls } = await site.invoke({ functionKey: 'retro/saveNote', as: 'bob', context: projectPage('FLEX'), payload });
    expect(result).toMatchObject({ ok: true, value: { key: surprise.key, note: { discussed: true, note: 'Test the label first.' } } });
    expect((result as { value: SavedRetroNote }).value.note?.updatedBy).toBe(site.user('bob').accountId);
    // One round of reads as bob (the board, the sprint, the surprise, the note so far), his Edit permission, one write.
    // First the personal data index (bob's entry read, not written: the demo's data indexed him; his reference to this
    // sprint's notes; the note as the issue's, deleted with it), then the note, then the writer's list of recent notes.
    expect(byKind(calls).filter((c) => c.startsWith('kvs') && c.endsWith('/set'))).toEqual(Array(4).fill('kvs POST /api/v1/set'));
    expect(
      byKind(calls)
        .filter((c) => c.startsWith('user'))
        .sort(),
    ).toEqual([
      'user GET /rest/agile/1.0/board',
      'user GET /rest/agile/1.0/sprint/{sprintId}',
      'user GET /rest/api/3/mypermissions',
      'user POST /rest/api/3/search/jql',
    ]);
    const again = await view('dan', 'FLEX');
    expect(again.view.notes[surprise.key]).toMatchObject({ discussed: true, note: 'Test the label first.' });
    // Another sprint keeps its own notes.
    const closed = v.sprints.find((s) => s.state === 'closed')!;
    expect((await view('alice', 'FLEX', { sprintId: closed.id })).view.notes[surprise.key]).toBeUndefined();
  });

  it("refuses a browse-only reader, a made-up issue and another board's sprint, and keeps the earlier text", async () => {
    const { view: v } = await view('alice', 'FLEX');
    const surprise = surprisesOf(v.cards)[0]!;
    const payload = {
      boardId: v.board!.id,
      sprintId: v.sprint!.id,
      issueId: surprise.card.issue.id,
      entryId: surprise.entry.id,
      discussed: true,
      note: 'First take.',
    };
    await site.invoke({ functionKey: 'retro/saveNote', as: 'alice', context: projectPage('FLEX'), payload });
    const dan = await site.invoke({
      functionKey: 'retro/saveNote',
      as: 'dan',
      context: projectPage('FLEX'),
      payload: { ...payload, discussed: false, note: '' },
    });
    expect(dan.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const wrong of [{ issueId: '99999' }, { entryId: 'made-up' }, { boardId: 99999 }]) {
      const { result } = await site.invoke({
        functionKey: 'retro/saveNote',
        as: 'alice',
        context: projectPage('FLEX'),
        payload: { ...payload, ...wrong },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const changed = await site.invoke({
      functionKey: 'retro/saveNote',
      as: 'bob',
      context: projectPage('FLEX'),
      payload: { ...payload, note: 'Second take.' },
    });
    expect(changed.result).toMatchObject({ ok: true, value: { note: { note: 'Second take.', earlier: [{ note: 'First take.' }] } } });
  });

  it('validates the note strictly', async () => {
    const base = { boardId: 1, sprintId: 1, issueId: '1', entryId: 'e1', discussed: false, note: 'x' };
    for (const payload of [
      { ...base, note: 'x'.repeat(501) },
      { ...base, issueId: 'FLEX-1' },
      { ...base, entryId: 'a:b' },
      { ...base, projectId: '10003' },
      { ...base, discussed: 'yes' },
    ]) {
      const { result, calls } = await site.invoke({ functionKey: 'retro/saveNote', as: 'alice', context: projectPage('FLEX'), payload });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(calls).toHaveLength(0);
    }
  });
});

describe('retro/export', () => {
  // The next open (or the export) lists the notes through kvs.query right after the note's write, which Forge does not promise at once.
  instantKvsQueries(site);
  it("exports the sprint's surprises with notes as ADF valid against adf-schema, and Markdown", async () => {
    const { view: v } = await view('alice', 'FLEX');
    const surprise = surprisesOf(v.cards)[0]!;
    await site.invoke({
      functionKey: 'retro/saveNote',
      as: 'alice',
      context: projectPage('FLEX'),
      payload: {
        boardId: v.board!.id,
        sprintId: v.sprint!.id,
        issueId: surprise.card.issue.id,
        entryId: surprise.entry.id,
        discussed: true,
        note: 'Spain first.',
      },
    });
    const { result, calls } = await site.invoke({
      functionKey: 'retro/export',
      as: 'alice',
      context: projectPage('FLEX'),
      payload: { boardId: v.board!.id, sprintId: v.sprint!.id },
    });
    expect(result.ok).toBe(true);
    const out = (result as { value: RetroExport }).value;
    expect(out.surprises).toBe(v.figures!.current.surprises);
    expect(out.markdown).toContain('> **Take-away:** Spain first.');
    expect(out.markdown).toContain(`/browse/${surprise.card.issue.key}`);
    const errors: string[] = [];
    const quiet = [jest.spyOn(console, 'warn'), jest.spyOn(console, 'error'), jest.spyOn(console, 'log')].map((s) =>
      s.mockImplementation(() => undefined),
    );
    validator()(out.adf as never, (entity, error) => {
      errors.push(error.message);
      return entity;
    });
    quiet.forEach((s) => {
      s.mockRestore();
    });
    expect(errors).toEqual([]);
    // What opening costs, plus the site's address (server info) and fields, once a day (cached in KVS).
    expect(jiraCalls(calls).map((c) => c.endpoint)).toEqual(expect.arrayContaining(['GET /rest/api/3/serverInfo']));
    expect(
      jiraCalls(calls).filter((c) => !c.endpoint.includes('/serverInfo') && !c.endpoint.endsWith('/field')).length,
    ).toBeLessThanOrEqual(6);
  });
});

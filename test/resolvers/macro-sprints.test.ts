/**
 * The config view's sprint picker (`macro/findBoards`, `macro/listSprints`) through the real
 * handler on the local site: boards with sprints found by name or project key as the person, a
 * board's sprints active first, then future, then recent closed, and a page's pinned sprint found
 * again by its id. The JQL a picked sprint fills in runs and collects that sprint's surprises.
 * Expectations are read from the site's own store, never from the app's code.
 */
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { macroContextFor } from '../support/invoke-contexts';
import { jiraCalls, useLocalSite } from '../support/local-site';

const site = useLocalSite();

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function invoke(functionKey: 'macro/findBoards' | 'macro/listSprints', as: string, payload: unknown) {
  return site.invoke({ functionKey, as, context: macroContextFor(site, undefined, true), payload });
}

async function boards(as: string, text: string) {
  const { result: answer, calls } = await invoke('macro/findBoards', as, { text });
  const result = answer as Envelope<{ boards: Array<{ id: number; name: string; projectKey: string | null }> }>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return { boards: result.value.boards, calls };
}

type Listed = {
  boardId: number | null;
  sprints: Array<{ id: number; name: string; state: string }>;
  picked: { id: number; name: string } | null;
};

async function sprints(as: string, payload: { boardId?: number | null; sprintId?: number | null }) {
  const { result: answer, calls } = await invoke('macro/listSprints', as, payload);
  const result = answer as Envelope<Listed>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return { ...result.value, calls };
}

const boardOf = (projectKey: string) => Number(site.store.getProject(projectKey)!.id);
const storedSprints = (projectKey: string) => site.store.listSprints(projectKey);
const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);

describe('macro/findBoards', () => {
  it("lists the site's boards the person may see, and a project's board by its key, as the viewer", async () => {
    const all = await boards('alice', '');
    expect(all.boards.map((b) => b.id).sort()).toEqual(
      site.store
        .listProjects()
        .map((p) => Number(p.id))
        .sort(),
    );
    expect(jiraCalls(all.calls)).toEqual([expect.objectContaining({ provider: 'user', status: 200 })]);
    const flex = await boards('alice', 'flex');
    expect(flex.boards[0]).toMatchObject({ id: boardOf('FLEX'), projectKey: 'FLEX' });
    expect((await boards('alice', 'no such board at all')).boards).toEqual([]);
  });

  it('never offers a board of a project the person may not browse', async () => {
    expect((await boards('carol', '')).boards.some((b) => b.id === boardOf('GROW'))).toBe(false);
    expect((await boards('carol', 'GROW')).boards).toEqual([]);
    expect((await boards('alice', 'GROW')).boards.map((b) => b.id)).toContain(boardOf('GROW'));
  });

  it('refuses too long a text before any call', async () => {
    const { result, calls } = await invoke('macro/findBoards', 'alice', { text: 'x'.repeat(101) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toHaveLength(0);
  });
});

describe('macro/listSprints', () => {
  it("lists a board's sprints: active first, then future (next first), then the recent closed ones (newest first)", async () => {
    const listed = await sprints('alice', { boardId: boardOf('PLAT') });
    const stored = storedSprints('PLAT');
    const states = listed.sprints.map((s) => s.state);
    const firstFuture = states.indexOf('future');
    const firstClosed = states.indexOf('closed');
    expect(states.filter((s) => s === 'active')).toHaveLength(stored.filter((s) => s.state === 'active').length);
    expect(states.slice(0, firstFuture).every((s) => s === 'active')).toBe(true);
    expect(firstFuture).toBeLessThan(firstClosed);
    expect(states.slice(firstClosed).every((s) => s === 'closed')).toBe(true);
    // PLAT has run 214 sprints: only the recent closed ones are offered, the newest first.
    const closed = listed.sprints.slice(firstClosed).map((s) => stored.find((r) => r.id === s.id)!);
    expect(closed.length).toBeGreaterThan(1);
    expect(closed.length).toBeLessThan(stored.filter((s) => s.state === 'closed').length);
    const newestClosed = [...stored].filter((s) => s.state === 'closed').sort((a, b) => time(b.endDate) - time(a.endDate))[0]!;
    expect(closed[0]!.id).toBe(newestClosed.id);
    expect(closed.every((s, i) => i === 0 || time(closed[i - 1]!.endDate) >= time(s.endDate))).toBe(true);
    expect(listed.picked).toBeNull();
  });

  it("finds a page's pinned sprint again by its id, with its board and its neighbours, even an old closed one", async () => {
    const oldest = [...storedSprints('PLAT')].sort((a, b) => time(a.startDate) - time(b.startDate))[0]!;
    const reopened = await sprints('alice', { sprintId: oldest.id });
    expect(reopened.picked).toMatchObject({ id: oldest.id, name: oldest.name });
    expect(reopened.boardId).toBe(boardOf('PLAT'));
    expect(reopened.sprints.map((s) => s.id)).toContain(oldest.id);
    expect(reopened.sprints.some((s) => s.state === 'active')).toBe(true);
  });

  it("tells a sprint the person may not see from one that exists: no name, no board; a hidden board's sprints are refused", async () => {
    const grow = storedSprints('GROW')[0]!;
    const hidden = await sprints('carol', { sprintId: grow.id });
    expect(hidden).toMatchObject({ picked: null, boardId: null, sprints: [] });
    expect(JSON.stringify(hidden)).not.toContain(grow.name);
    expect((await sprints('carol', { sprintId: 999_999 })).picked).toBeNull();
    const refused = await invoke('macro/listSprints', 'carol', { boardId: boardOf('GROW') });
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const payload of [{ boardId: -1 }, { boardId: 1.5 }, { sprintId: '106' }, { boardId: 1, jql: 'x' }]) {
      const { result, calls } = await invoke('macro/listSprints', 'alice', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(calls).toHaveLength(0);
    }
  });

  it("fills JQL that runs and keeps to the picked sprint's surprises", async () => {
    const flex = await sprints('alice', { boardId: boardOf('FLEX') });
    const active = flex.sprints.find((s) => s.state === 'active')!;
    const jql = `sprint = ${active.id} AND learningSurprise = "true"`;
    const { result } = await site.invoke({
      functionKey: 'macro/list',
      as: 'alice',
      context: macroContextFor(site, { ...DEFAULT_MACRO_CONFIG, jql: '' }, true),
      payload: { config: { ...DEFAULT_MACRO_CONFIG, jql } },
    });
    if (!result.ok) throw new Error(result.error.message);
    const keys = result.value.cards.map((c) => c.issue.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => site.store.getIssue(key)?.sprintId === active.id)).toBe(true);
  });
});

/**
 * Sprint learning goals through the real handler on the local site: Jira's sprint property as the
 * person, Manage sprints checked before any write, limits, the merge of concurrent edits, carry-over.
 */
import type { CallRecord } from '../../emulator';
import { instantKvsQueries, useLocalSite } from '../support/local-site';
import { aSprintGoal } from '../support/valid-requests';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });
instantKvsQueries(site);

function projectPage(key: string) {
  const project = site.store.getProject(key)!;
  return {
    cloudId: 'local',
    siteUrl: site.url,
    moduleKey: 'retro',
    extension: { type: 'jira:projectPage', project: { id: project.id, key } },
  };
}
const sprintNamed = (name: string) => site.store.listSprints().find((s) => s.name === name)!.id;

async function call<K extends 'goals/open' | 'goals/save' | 'goals/carryOver'>(
  functionKey: K,
  as: string,
  payload: unknown,
  project = 'FLEX',
) {
  return site.invoke({ functionKey, as, context: projectPage(project), payload });
}
/** The property as Jira holds it, read from the site's own table (not through the app). */
function stored(sprintId: number): { revision: number; goals: Array<Record<string, unknown>> } | undefined {
  const row = site.store.database
    .prepare("SELECT value_text FROM sprint_properties WHERE sprint_id = ? AND key = 'learning-loop-goals'")
    .get(sprintId) as { value_text: string } | undefined;
  return row ? (JSON.parse(row.value_text) as { revision: number; goals: Array<Record<string, unknown>> }) : undefined;
}
const sprintWrites = (calls: CallRecord[]) => calls.filter((c) => /^PUT \/rest\/agile\/1\.0\/sprint\/.*\/properties/.test(c.endpoint));

const goal = aSprintGoal;

describe('goals/open and goals/save', () => {
  it('lets alice (Manage sprints) add a goal linked to FLEX-112 and read its learnings; revision 1 is on the sprint', async () => {
    const sprintId = sprintNamed('FLEX Sprint 24');
    const opened = await call('goals/open', 'alice', { sprintId });
    expect(opened.result).toMatchObject({ ok: true, value: { canEdit: true, document: { revision: 0, goals: [] }, projectKey: 'FLEX' } });

    const saved = await call('goals/save', 'alice', { sprintId, base: { revision: 0, goals: [] }, goals: [goal('g1')] });
    if (!saved.result.ok) throw new Error(JSON.stringify(saved.result));
    expect(saved.result.value.document).toMatchObject({ revision: 1, updatedBy: site.user('alice').accountId });
    expect(saved.result.value.issues['FLEX-112']?.learnings.map((l) => l.text)).toContain('Labeling matters more than refund amount.');
    expect(stored(sprintId)).toMatchObject({ revision: 1, goals: [{ id: 'g1', issueKeys: ['FLEX-112'] }] });
    expect(sprintWrites(saved.calls)).toHaveLength(1);
  });

  it('lets a browse-only person (dan) and one who edits issues but does not manage sprints (bob) read, never save', async () => {
    const sprintId = sprintNamed('FLEX Sprint 24');
    await call('goals/save', 'alice', { sprintId, base: { revision: 0, goals: [] }, goals: [goal('g1')] });
    for (const as of ['dan', 'bob']) {
      const read = await call('goals/open', as, { sprintId });
      expect(read.result).toMatchObject({ ok: true, value: { canEdit: false, document: { revision: 1, goals: [{ id: 'g1' }] } } });
      const refused = await call('goals/save', as, { sprintId, base: { revision: 1, goals: [goal('g1')] }, goals: [] });
      expect(refused.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(sprintWrites(refused.calls)).toEqual([]);
    }
    expect(stored(sprintId)?.revision).toBe(1);
  });

  it('gives nothing to a person who cannot see the project, and refuses a sprint of another project', async () => {
    const grow = site.store.listSprints('GROW').find((s) => s.state === 'active')!.id;
    const hidden = await call('goals/open', 'carol', { sprintId: grow }, 'GROW');
    expect(hidden.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const elsewhere = await call('goals/save', 'alice', { sprintId: grow, base: { revision: 0, goals: [] }, goals: [goal('g1')] });
    expect(elsewhere.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(sprintWrites(elsewhere.calls)).toEqual([]);
  });

  it('shows only the linked tickets the reader may browse: a hidden or unknown key does not hide the others', async () => {
    const sprintId = sprintNamed('FLEX Sprint 24');
    const keys = ['FLEX-112', 'GROW-9', 'FLEX-99999'];
    await call('goals/save', 'alice', { sprintId, base: { revision: 0, goals: [] }, goals: [goal('g1', { issueKeys: keys })] });
    const asCarol = await call('goals/open', 'carol', { sprintId });
    if (!asCarol.result.ok) throw new Error(JSON.stringify(asCarol.result));
    expect(Object.keys(asCarol.result.value.issues)).toEqual(['FLEX-112']);
    const asAlice = await call('goals/open', 'alice', { sprintId });
    if (!asAlice.result.ok) throw new Error(JSON.stringify(asAlice.result));
    expect(Object.keys(asAlice.result.value.issues).sort()).toEqual(['FLEX-112', 'GROW-9']);
  });
});

describe('the demo', () => {
  it("shows FLEX's previous sprint with one goal answered and one carried over to the active sprint, with its tickets' learnings", async () => {
    const [previous, active] = [sprintNamed('FLEX Sprint 22'), sprintNamed('FLEX Sprint 23')];
    const { result } = await call('goals/open', 'dan', { sprintId: previous });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.value.document.goals.map((g) => [g.answer, g.carriedTo?.sprintId ?? null])).toEqual([
      ['answered', null],
      ['not-answered', active],
    ]);
    expect(result.value.issues['FLEX-112']?.learnings.length).toBeGreaterThan(0);
    expect(result.value.names[site.user('bob').accountId]).toBe('Bob Okafor');
  });
});

describe('limits, checked before the write', () => {
  const sprintId = () => sprintNamed('FLEX Sprint 24');
  it.each([
    ['a sixth goal', ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => goal(id))],
    ['a question of 301 characters', [goal('a', { question: 'q'.repeat(301) })]],
    ['a partly answered goal without what was learned instead', [goal('a', { answer: 'partly' })]],
    ['eleven linked tickets', [goal('a', { issueKeys: Array.from({ length: 11 }, (_, i) => `FLEX-${i + 1}`) })]],
    ['a sprint id that is text', 'text'],
  ])('refuses %s (INVALID_INPUT), writing nothing', async (_name, goals) => {
    const payload =
      goals === 'text'
        ? { sprintId: '102', base: { revision: 0, goals: [] }, goals: [] }
        : { sprintId: sprintId(), base: { revision: 0, goals: [] }, goals };
    const { result, calls } = await call('goals/save', 'alice', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(sprintWrites(calls)).toEqual([]);
  });

  it('refuses goals over 32,768 bytes as Jira would store them (LEARNING_TOO_LARGE with the size), writing nothing', async () => {
    // JSON writes a control character as six bytes (\u0001): each goal is within its character limits.
    const junk = (n: number) => '\u0001'.repeat(n);
    const goals = ['a', 'b', 'c', 'd', 'e'].map((id) => goal(id, { question: junk(300), answer: 'partly', answerNote: junk(1000) }));
    const { result, calls } = await call('goals/save', 'alice', { sprintId: sprintId(), base: { revision: 0, goals: [] }, goals });
    expect(result).toMatchObject({ ok: false, error: { code: 'LEARNING_TOO_LARGE', details: { size: { limit: 32_768 } } } });
    if (result.ok || result.error.code !== 'LEARNING_TOO_LARGE') throw new Error('expected LEARNING_TOO_LARGE');
    expect(result.error.details.size.used).toBeGreaterThan(5 * 1300 * 6);
    expect(sprintWrites(calls)).toEqual([]);
  });
});

describe('concurrent edits', () => {
  it('merges two edits of different fields made from the same revision; history keeps the earlier revisions, newest first', async () => {
    const sprintId = sprintNamed('FLEX Sprint 24');
    await call('goals/save', 'alice', { sprintId, base: { revision: 0, goals: [] }, goals: [goal('g1')] });
    const base = { revision: 1, goals: [goal('g1')] };
    await call('goals/save', 'alice', { sprintId, base, goals: [goal('g1', { question: 'Is it the label?' })] });
    const second = await call('goals/save', 'alice', { sprintId, base, goals: [goal('g1', { answer: 'answered' }), goal('g2')] });
    if (!second.result.ok) throw new Error(JSON.stringify(second.result));
    expect(stored(sprintId)).toMatchObject({
      revision: 3,
      goals: [{ id: 'g1', question: 'Is it the label?', answer: 'answered' }, { id: 'g2' }],
    });
    expect(second.result.value.history.map((h) => h.revision)).toEqual([2, 1]);
  });

  it('answers CONFLICT with both values when both changed the same field, and writes nothing', async () => {
    const sprintId = sprintNamed('FLEX Sprint 24');
    await call('goals/save', 'alice', { sprintId, base: { revision: 0, goals: [] }, goals: [goal('g1')] });
    const base = { revision: 1, goals: [goal('g1')] };
    await call('goals/save', 'alice', { sprintId, base, goals: [goal('g1', { question: 'Mine?' })] });
    const clash = await call('goals/save', 'alice', { sprintId, base, goals: [goal('g1', { question: 'Theirs?' })] });
    expect(clash.result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: { goalConflicts: [{ goalId: 'g1', field: 'question', mine: 'Theirs?', theirs: 'Mine?' }], current: { revision: 2 } },
      },
    });
    expect(sprintWrites(clash.calls)).toEqual([]);
    expect(stored(sprintId)?.revision).toBe(2);
  });
});

describe('goals/carryOver', () => {
  it('copies the unanswered goals to the next sprint with carriedFrom, marks the sources, keeps the source revision', async () => {
    const [from, to] = [sprintNamed('FLEX Sprint 21'), sprintNamed('FLEX Sprint 24')];
    const goals = [goal('done', { answer: 'answered' }), goal('half', { answer: 'partly', answerNote: 'Only in Spain.' })];
    await call('goals/save', 'alice', { sprintId: from, base: { revision: 0, goals: [] }, goals });
    const { result } = await call('goals/carryOver', 'alice', { fromSprintId: from, toSprintId: to, goalIds: ['done', 'half'] });
    expect(result).toMatchObject({ ok: true, value: { carried: ['half'] } });
    expect(stored(to)?.goals).toEqual([
      expect.objectContaining({ answer: 'open', answerNote: '', carriedFrom: { sprintId: from, goalId: 'half' }, carriedTo: null }),
    ]);
    expect(stored(from)).toMatchObject({
      revision: 2,
      goals: [
        { id: 'done', carriedTo: null },
        { id: 'half', carriedTo: { sprintId: to } },
      ],
    });
    const opened = await call('goals/open', 'alice', { sprintId: from });
    if (!opened.result.ok) throw new Error(JSON.stringify(opened.result));
    expect(opened.result.value.history.map((h) => h.revision)).toEqual([1]);
  });

  it('refuses a browse-only person, and a carry-over to a closed sprint', async () => {
    const [older, from, to] = [sprintNamed('FLEX Sprint 20'), sprintNamed('FLEX Sprint 21'), sprintNamed('FLEX Sprint 24')];
    await call('goals/save', 'alice', { sprintId: from, base: { revision: 0, goals: [] }, goals: [goal('g1')] });
    const dan = await call('goals/carryOver', 'dan', { fromSprintId: from, toSprintId: to, goalIds: ['g1'] });
    expect(dan.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const closed = await call('goals/carryOver', 'alice', { fromSprintId: from, toSprintId: older, goalIds: ['g1'] });
    expect(closed.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect([...sprintWrites(dan.calls), ...sprintWrites(closed.calls)]).toEqual([]);
  });
});

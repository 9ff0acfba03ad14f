/**
 * Every answer that carries a learning record passes the reader's visibility rule: a "This
 * helped" link to an issue the reader cannot browse shows as a placeholder, in every resolver's
 * answer (not only learning/get). FLEX-112 (carol may browse and edit FLEX) gets a link to GROW-9
 * (carol may not browse GROW); then carol uses every surface that can carry FLEX-112's record,
 * and every answer's JSON is scanned for GROW-9's key, summary and link.
 */
import type { ConflictDetails, PanelView, SavedView } from '../../src/contract/resolvers';
import { linkedIssueLinkId } from '../../src/domain/record/evidence-visibility';
import { draftOf } from '../../src/domain/record/learning-record';
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { macroContextFor, projectPageContextFor } from '../support/invoke-contexts';
import { useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });

interface Answer {
  surface: string;
  json: string;
}

function secretsOf(): string[] {
  const grow = site.store.getIssue('GROW-9')!;
  return ['GROW-9', grow.summary, `/browse/GROW-9`];
}

async function plantLink(): Promise<PanelView> {
  const grow = site.store.getIssue('GROW-9')!;
  const open = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112' });
  if (!open.result.ok || !open.result.value.record) throw new Error('FLEX-112 has a record');
  const draft = draftOf(open.result.value.record);
  draft.evidence.push({
    id: linkedIssueLinkId(grow.id),
    url: `${site.url}/browse/GROW-9`,
    title: `Learned before: GROW-9 ${grow.summary}`,
  });
  const saved = await site.invoke({
    functionKey: 'learning/save',
    as: 'alice',
    issueKey: 'FLEX-112',
    payload: { baseRevision: open.result.value.record.revision, draft },
  });
  if (!saved.result.ok) throw new Error(JSON.stringify(saved.result.error));
  const view = await site.invoke({ functionKey: 'learning/get', as: 'carol', issueKey: 'FLEX-112' });
  if (!view.result.ok) throw new Error('carol may open FLEX-112');
  return view.result.value;
}

describe('every answer carrying a record hides links to issues the reader cannot browse', () => {
  it('learning/get, save, CONFLICT, history, restore, macro, retro, export: 0 leaks', async () => {
    const carolView = await plantLink();
    const answers: Answer[] = [];
    const run = async (surface: string, request: Parameters<typeof site.invoke>[0]) => {
      const { result } = await site.invoke(request);
      answers.push({ surface, json: JSON.stringify(result) });
      return result;
    };
    const record = carolView.record!;
    await run('learning/get', { functionKey: 'learning/get', as: 'carol', issueKey: 'FLEX-112' });
    const saved = await run('learning/save', {
      functionKey: 'learning/save',
      as: 'carol',
      issueKey: 'FLEX-112',
      payload: { baseRevision: record.revision, draft: { ...draftOf(record), hypothesis: `${record.hypothesis} (carol)` } },
    });
    expect((saved as { ok: boolean }).ok).toBe(true);
    const afterCarol = (saved as { ok: true; value: SavedView }).value.record;
    // Alice changes the hypothesis; carol, still on her revision, changes it differently: a CONFLICT with both sides.
    const alice = await site.invoke({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112' });
    if (!alice.result.ok || !alice.result.value.record) throw new Error('alice may open FLEX-112');
    await site.invoke({
      functionKey: 'learning/save',
      as: 'alice',
      issueKey: 'FLEX-112',
      payload: {
        baseRevision: alice.result.value.record.revision,
        draft: { ...draftOf(alice.result.value.record), hypothesis: 'Alice rewrote it.' },
      },
    });
    const conflict = await run('learning/save (CONFLICT)', {
      functionKey: 'learning/save',
      as: 'carol',
      issueKey: 'FLEX-112',
      payload: { baseRevision: afterCarol.revision, draft: { ...draftOf(afterCarol), hypothesis: 'Carol rewrote it too.' } },
    });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const current = (conflict as { ok: false; error: { details: ConflictDetails } }).error.details.current;
    await run('history/list', { functionKey: 'history/list', as: 'carol', issueKey: 'FLEX-112' });
    await run('history/restore', {
      functionKey: 'history/restore',
      as: 'carol',
      issueKey: 'FLEX-112',
      payload: { revision: record.revision, baseRevision: current.revision },
    });
    await run('macro/list', {
      functionKey: 'macro/list',
      as: 'carol',
      context: macroContextFor(site, { ...DEFAULT_MACRO_CONFIG, jql: 'key = FLEX-112' }),
      payload: {},
    });
    const retro = await run('retro/open', {
      functionKey: 'retro/open',
      as: 'carol',
      context: projectPageContextFor(site, 'FLEX'),
      payload: { jql: 'key = FLEX-112' },
    });
    const view = (retro as { ok: true; value: { board: { id: number }; sprint: { id: number } } }).value;
    await run('retro/export', {
      functionKey: 'retro/export',
      as: 'carol',
      context: projectPageContextFor(site, 'FLEX'),
      payload: { boardId: view.board.id, sprintId: view.sprint.id, jql: 'key = FLEX-112' },
    });

    const secrets = secretsOf();
    const leaks = answers.flatMap((a) => secrets.filter((s) => a.json.includes(s)).map((s) => `${a.surface}: ${s}`));
    expect(leaks).toEqual([]);
    // The answers did carry the record (and its placeholder), so the scan looked at something.
    expect(answers.filter((a) => a.json.includes('An earlier issue you cannot view')).map((a) => a.surface)).toEqual(
      expect.arrayContaining(['learning/get', 'learning/save', 'learning/save (CONFLICT)', 'history/restore', 'macro/list', 'retro/open']),
    );
    // What is stored still holds the link: hiding it lost nothing.
    expect(site.store.getProperty(site.store.getIssue('FLEX-112')!.id, 'learning-loop')?.valueText).toContain('/browse/GROW-9');
  });
});

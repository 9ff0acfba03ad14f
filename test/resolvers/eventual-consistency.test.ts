/**
 * The app on a site as eventually consistent as Jira and Forge are: Jira's search index lags
 * behind property writes ("pass reconcileIssues to see one's own writes at once", search/jql),
 * and Forge KVS queries lag behind sets ("kvs.query is eventually consistent ... kvs.get is
 * strictly consistent", storage-reference/kvs). Each test sets a long lag itself, so that
 * nothing here depends on how fast the machine runs.
 */
import type { LearningsPage } from '../../src/contract/macro';
import type { RetroExport, RetroView } from '../../src/contract/retro';
import type { HistoryList, PanelView } from '../../src/contract/panel';
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { draftOf } from '../../src/domain/record/learning-record';
import { surprisesOf } from '../../src/domain/retro/retro-surprises';
import { macroContextFor, projectPageContextFor } from '../support/invoke-contexts';
import { aDraft, anEntry } from '../support/learning-mother';
import { useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });
const LAG_MS = 60_000;

let defaults = { searchIndexDelayMs: 0, kvsQueryDelayMs: 0 };
beforeEach(() => {
  defaults = { searchIndexDelayMs: site.jira.search.settings.indexDelayMs, kvsQueryDelayMs: site.kvs.settings.queryDelayMs };
});
afterEach(() => {
  site.jira.search.setIndexDelay(defaults.searchIndexDelayMs);
  site.kvs.settings.queryDelayMs = defaults.kvsQueryDelayMs;
});

async function ok<T>(request: Parameters<typeof site.invoke>[0]): Promise<T> {
  const { result } = (await site.invoke(request)) as { result: { ok: true; value: T } | { ok: false } };
  if (!result.ok) throw new Error(`${request.functionKey} failed: ${JSON.stringify(result)}`);
  return result.value;
}

const retro = (as: string, payload: unknown = {}) =>
  ok<RetroView>({ functionKey: 'retro/open', as, context: projectPageContextFor(site, 'FLEX'), payload });
const macro = (as: string, jql: string) =>
  ok<LearningsPage>({ functionKey: 'macro/list', as, context: macroContextFor(site, { ...DEFAULT_MACRO_CONFIG, jql }) });
const searchKeys = async (as: string, jql: string) =>
  (
    (await site.requestJira(as, 'POST', '/rest/api/3/search/jql', JSON.stringify({ jql, fields: ['key'] }))).body as {
      issues: Array<{ key: string }>;
    }
  ).issues.map((i) => i.key);

describe("Jira's search index lags behind a save", () => {
  it('shows the writer their new learning at once in the retro view and the macro, though a search without reconcile does not find it yet', async () => {
    expect(defaults.searchIndexDelayMs).toBeGreaterThan(0); // the site's default is eventual
    site.jira.search.setIndexDelay(LAG_MS);
    const draft = aDraft().withHypothesis('A dashboard nobody opens will not move uptake.').withTags('just-learned').build();
    draft.learnings.push(anEntry('Only the weekly review opened it.', true));
    await ok({ functionKey: 'learning/save', as: 'bob', issueKey: 'FLEX-111', payload: { baseRevision: 0, draft } });

    const { sprint } = await retro('bob');
    expect(await searchKeys('bob', `sprint = ${sprint!.id} AND learningSurprise = "true"`)).not.toContain('FLEX-111');
    expect(await searchKeys('bob', 'learningTags = just-learned')).toEqual([]);

    const mine = await retro('bob');
    expect(surprisesOf(mine.cards).map((s) => s.card.issue.key)).toContain('FLEX-111');
    expect((await macro('bob', 'learningTags = just-learned')).cards.map((c) => c.issue.key)).toEqual(['FLEX-111']);
    // Others see it once Jira's index has it.
    expect((await macro('alice', 'learningTags = just-learned')).cards).toEqual([]);
    site.jira.search.setIndexDelay(0);
    expect((await macro('alice', 'learningTags = just-learned')).cards.map((c) => c.issue.key)).toEqual(['FLEX-111']);
  });
});

describe('KVS queries lag behind a set: what the app reads back through kvs.query', () => {
  // History is read from one index value per issue (kvs.get), never a query: a save's own revision is listed at once.
  it('lists, right after a save, the revision that save kept in history', async () => {
    site.kvs.settings.queryDelayMs = LAG_MS;
    const { record } = await ok<PanelView>({ functionKey: 'learning/get', as: 'alice', issueKey: 'FLEX-112' });
    const draft = draftOf(record!);
    draft.learnings.push(anEntry('History should show what this replaced.'));
    await ok({ functionKey: 'learning/save', as: 'alice', issueKey: 'FLEX-112', payload: { baseRevision: record!.revision, draft } });
    const history = await ok<HistoryList>({ functionKey: 'history/list', as: 'alice', issueKey: 'FLEX-112' });
    expect(history.items.map((i) => i.revision)).toContain(record!.revision);
  });

  // The writer's own notes of the last minutes are read with kvs.get and laid over the eventually consistent list.
  it('exports, right after a note, the take-away the person has just written', async () => {
    site.kvs.settings.queryDelayMs = LAG_MS;
    const v = await retro('alice');
    const surprise = surprisesOf(v.cards)[0]!;
    const note = {
      boardId: v.board!.id,
      sprintId: v.sprint!.id,
      issueId: surprise.card.issue.id,
      entryId: surprise.entry.id,
      discussed: true,
      note: 'Spain first.',
    };
    await ok({ functionKey: 'retro/saveNote', as: 'alice', context: projectPageContextFor(site, 'FLEX'), payload: note });
    const out = await ok<RetroExport>({
      functionKey: 'retro/export',
      as: 'alice',
      context: projectPageContextFor(site, 'FLEX'),
      payload: { boardId: v.board!.id, sprintId: v.sprint!.id },
    });
    expect(out.markdown).toContain('Spain first.');
  });

  // Reuses are one key per (earlier issue, helped ticket) pair, listed by a query: the count catches up after the lag.
  it("counts a new reuse on the earlier issue's panel once KVS queries have it, not in the moment after the save", async () => {
    site.kvs.settings.queryDelayMs = LAG_MS;
    const link = await ok<{ link: { id: string; url: string; title: string } }>({
      functionKey: 'learnedBefore/markHelped',
      as: 'alice',
      issueKey: 'CHK-990',
      payload: { sourceIssueKey: 'FLEX-112' },
    });
    const draft = aDraft().withHypothesis('A refund option lowers drop-off.').build();
    draft.evidence.push(link.link);
    await ok({ functionKey: 'learning/save', as: 'alice', issueKey: 'CHK-990', payload: { baseRevision: 0, draft } });
    const reuses = () => ok<{ total: number }>({ functionKey: 'learnedBefore/listReuses', as: 'dan', issueKey: 'FLEX-112', payload: {} });
    expect((await reuses()).total).toBe(0);
    site.kvs.settings.queryDelayMs = 0;
    expect((await reuses()).total).toBe(1);
  });
});

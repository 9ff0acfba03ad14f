/**
 * The "Learning insights" Confluence macro's calls through the real handler, from the macro's
 * own context: `insights/open` with the config's projects and periods, as the page's viewer
 * (carol never gets GROW, even when the page names it), and `library/projects` for its config
 * view (the projects the person may browse, checked against the site's grants).
 */
import type { InsightsView } from '../../src/contract/insights';
import { recountInsights, shownPeriods } from '../lifecycle/insights-recount';
import { globalPageContextFor, insightsMacroContextFor, projectPageContextFor } from '../support/invoke-contexts';
import { jiraCalls, useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data-and-calls' });
jest.setTimeout(60_000);

const PAGE_CONFIG = { projects: ['FLEX', 'GROW'], periods: 3 };

async function openFromMacro(as: string, payload: unknown) {
  const { result } = await site.invoke({ functionKey: 'insights/open', as, context: insightsMacroContextFor(site, PAGE_CONFIG), payload });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  const view: InsightsView = result.value;
  return view;
}

let queryDelayMs = 0;
beforeEach(async () => {
  // The rebuild ran a day before the page is viewed: KVS queries have caught up with its writes.
  queryDelayMs = site.kvs.settings.queryDelayMs;
  site.kvs.settings.queryDelayMs = 0;
  const { result } = await site.runScheduledTrigger('insights-rebuild-schedule');
  expect(result).toMatchObject({ statusCode: 204 });
});
afterEach(() => {
  site.kvs.settings.queryDelayMs = queryDelayMs;
});

describe('insights/open from the Learning insights macro', () => {
  it("answers the configured projects' last periods, as a recount of the raw data gives them", async () => {
    const view = await openFromMacro('alice', PAGE_CONFIG);
    expect(view.projects.map((p) => p.projectKey)).toEqual(['FLEX', 'GROW']);
    const recount = recountInsights(site);
    for (const project of view.projects) {
      const expected = shownPeriods(site, recount, project.projectKey, 3);
      expect(project.periods.map((p) => p.issues)).toEqual(expected.map((r) => r.issues));
      expect(project.periods.map((p) => p.figures.hypothesisCoverage)).toEqual(
        expected.map((r) => (r.resolved === 0 ? null : r.resolvedWithHypothesis / r.resolved)),
      );
    }
  });

  it('counts as the page viewer: carol gets FLEX and nothing of GROW', async () => {
    const view = await openFromMacro('carol', PAGE_CONFIG);
    expect(view.projects.map((p) => p.projectKey)).toEqual(['FLEX']);
    expect(JSON.stringify(view)).not.toMatch(/GROW/);
  });
});

describe('library/projects from the macro config view', () => {
  it('lists the projects the person may browse, in one Jira call, as from the global page', async () => {
    const browsable = (handle: string) =>
      site.store
        .listProjects()
        .filter((p) => site.store.permissionLevel(site.user(handle).accountId, p.key) !== 'none')
        .map((p) => p.key)
        .sort();
    for (const handle of ['alice', 'carol']) {
      const fromConfig = await site.invoke({
        functionKey: 'library/projects',
        as: handle,
        context: insightsMacroContextFor(site, PAGE_CONFIG, true),
        payload: {},
      });
      if (!fromConfig.result.ok) throw new Error(fromConfig.result.error.message);
      expect(jiraCalls(fromConfig.calls).map((c) => c.endpoint)).toEqual(['GET /rest/api/3/project/search']);
      expect(fromConfig.result.value.projects.map((p) => p.key).sort()).toEqual(browsable(handle));
      const fromGlobalPage = await site.invoke({
        functionKey: 'library/projects',
        as: handle,
        context: globalPageContextFor(site),
        payload: {},
      });
      expect(fromConfig.result).toEqual(fromGlobalPage.result);
    }
  });

  it('still answers nowhere else (a project page)', async () => {
    const context = projectPageContextFor(site, 'FLEX');
    const { result } = await site.invoke({ functionKey: 'library/projects', as: 'alice', context, payload: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

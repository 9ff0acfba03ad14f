/**
 * The demo's "Sprint retro — FLEX Sprint 23" page keeps showing Sprint 23 when the next sprint starts:
 * its macro pins the sprint by id (issue #15, item 4), read through the real macro resolver.
 */
import { buildDemoDataset, demoConfluence } from '../../demo';
import { macroContextFor } from '../support/invoke-contexts';
import { useLocalSite } from '../support/local-site';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });

function retroPageConfig(): unknown {
  const page = demoConfluence().pages.find((p) => p.title === 'Sprint retro — FLEX Sprint 23');
  const macro = page?.blocks.find((b) => b.type === 'macro');
  if (macro?.type !== 'macro') throw new Error('The retro page has no macro.');
  return macro.config;
}

async function shownSprintNames(): Promise<string[]> {
  const { result } = await site.invoke({
    functionKey: 'macro/list',
    as: 'alice',
    context: macroContextFor(site, retroPageConfig()),
    payload: {},
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  const sprintName = (key: string) => {
    const sprintId = site.store.getIssue(key)?.sprintId;
    return site.store.listSprints('FLEX').find((s) => s.id === sprintId)?.name ?? 'no sprint';
  };
  return [...new Set(result.value.cards.map((c) => sprintName(c.issue.key)))];
}

describe("the demo's retro page", () => {
  it('names no moving sprint function in its query', () => {
    expect(JSON.stringify(retroPageConfig())).not.toMatch(/openSprints|closedSprints|futureSprints/);
  });

  it("shows FLEX Sprint 23's surprises, and still only those once Sprint 23 is closed and Sprint 24 active", async () => {
    expect(await shownSprintNames()).toEqual(['FLEX Sprint 23']);

    const data = buildDemoDataset();
    const state = (name: string) => data.sprints.find((s) => s.name === name)!;
    Object.assign(state('FLEX Sprint 23'), { state: 'closed', completeDate: new Date().toISOString() });
    Object.assign(state('FLEX Sprint 24'), { state: 'active' });
    site.store.replaceAll(data, new Date().toISOString());

    expect(await shownSprintNames()).toEqual(['FLEX Sprint 23']);
  });
});

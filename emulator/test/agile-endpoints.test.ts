/** The Agile API stand-in: boards, sprints, sprint issues, with Browse permission applied. */
import { writeManifestVariant } from '../index';
import { useDemoSite } from './support/demo-site';
import { at } from './support/json-path';

/** The property the demo's records live in (the app's key: the emulator's tests name it, they do not import it). */
const LEARNING_PROPERTY_KEY = 'learning-loop';

// The app reads a sprint's issues through the search, so its manifest lacks the scopes of the Agile
// sprint-issue operations (getIssuesForSprint, getBoardIssuesForSprint); this site's manifest adds them.
const site = useDemoSite({ start: writeManifestVariant({ addScopes: ['read:issue-details:jira', 'read:jql:jira'] }) });
beforeAll(() => {
  site.reset();
});

const get = async (as: string, path: string) => site.requestJira(as, 'GET', path);

describe('Agile API', () => {
  it('lists the scrum board of a project, paged as Jira does', async () => {
    const res = await get('alice', '/rest/agile/1.0/board?projectKeyOrId=FLEX');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      maxResults: 50,
      startAt: 0,
      total: 1,
      isLast: true,
      values: [{ id: 10001, name: 'FLEX board', type: 'scrum', location: { projectKey: 'FLEX', projectId: 10001 } }],
    });
    const all = (await get('alice', '/rest/agile/1.0/board')).body as { values: unknown[] };
    expect(all.values).toHaveLength(5);
    expect(((await get('carol', '/rest/agile/1.0/board')).body as { values: unknown[] }).values).toHaveLength(4);
    expect((await get('carol', '/rest/agile/1.0/board?projectKeyOrId=GROW')).status).toBe(400);
  });

  it('lists sprints by state with dates, goal and origin board', async () => {
    const all = (await get('alice', '/rest/agile/1.0/board/10001/sprint')).body as {
      values: Array<Record<string, unknown>>;
      isLast: boolean;
    };
    expect(all.values.map((s) => s.state)).toEqual(['closed', 'closed', 'closed', 'closed', 'closed', 'active', 'future']);
    expect(all.values.map((s) => s.name)).toEqual([
      'FLEX Sprint 18',
      'FLEX Sprint 19',
      'FLEX Sprint 20',
      'FLEX Sprint 21',
      'FLEX Sprint 22',
      'FLEX Sprint 23',
      'FLEX Sprint 24',
    ]);
    const active = (await get('alice', '/rest/agile/1.0/board/10001/sprint?state=active')).body as {
      values: Array<Record<string, unknown>>;
    };
    expect(active.values).toEqual([
      expect.objectContaining({
        id: 102,
        state: 'active',
        name: 'FLEX Sprint 23',
        originBoardId: 10001,
        goal: expect.any(String),
        startDate: expect.any(String),
        endDate: expect.any(String),
      }),
    ]);
    const closed = (await get('alice', '/rest/agile/1.0/board/10001/sprint?state=closed')).body as {
      values: Array<Record<string, unknown>>;
    };
    expect(closed.values.every((s) => typeof s.completeDate === 'string')).toBe(true);
    expect((await get('alice', '/rest/agile/1.0/board/10001/sprint?state=done')).status).toBe(400);
    expect((await get('carol', '/rest/agile/1.0/board/10003/sprint')).status).toBe(404);
  });

  it('lists the 214 sprints of a long-running board oldest first, 50 a page, with isLast and total as the spec shows', async () => {
    const board = 10005; // PLAT: 212 closed one-week sprints, then one active, then one future
    type SprintPage = {
      isLast: boolean;
      maxResults: number;
      startAt: number;
      total: number;
      values: Array<{ id: number; name: string; state: string }>;
    };
    const sprints = async (query: string) => (await get('alice', `/rest/agile/1.0/board/${board}/sprint?${query}`)).body as SprintPage;
    const first = await sprints('maxResults=500');
    expect(first).toMatchObject({ isLast: false, maxResults: 50, startAt: 0, total: 214 });
    expect(Object.keys(first)).toEqual(['isLast', 'maxResults', 'startAt', 'total', 'values']);
    expect(first.values.map((s) => s.name).slice(0, 2)).toEqual(['PLAT Sprint 1', 'PLAT Sprint 2']);
    expect(first.values.every((s) => s.state === 'closed')).toBe(true);
    // Four pages from the start hold 200 closed sprints and not yet the active one.
    const fourth = await sprints('startAt=150');
    expect(fourth.values.some((s) => s.state === 'active')).toBe(false);
    const last = await sprints('startAt=200');
    expect(last).toMatchObject({ isLast: true, startAt: 200, total: 214 });
    expect(last.values.slice(-2).map((s) => `${s.name} ${s.state}`)).toEqual(['PLAT Sprint 213 active', 'PLAT Sprint 214 future']);
    // The state filter takes a comma-separated list.
    expect((await sprints('state=active,future')).values.map((s) => s.state)).toEqual(['active', 'future']);
    expect((await sprints('state=future&state=active')).values.map((s) => s.state)).toEqual(['active', 'future']);
    const closed = await sprints('state=closed&startAt=162');
    expect(closed).toMatchObject({ isLast: true, total: 212 });
    expect(closed.values.map((s) => s.name).at(-1)).toBe('PLAT Sprint 212');
  });

  it('gets one sprint, hidden from who cannot browse its project', async () => {
    expect((await get('alice', '/rest/agile/1.0/sprint/102')).body).toMatchObject({ id: 102, state: 'active' });
    expect((await get('carol', '/rest/agile/1.0/sprint/122')).status).toBe(404);
    expect((await get('alice', '/rest/agile/1.0/sprint/999')).status).toBe(404);
  });

  it("lists a sprint's issues with fields, properties and an optional jql", async () => {
    const res = await get(
      'alice',
      `/rest/agile/1.0/sprint/102/issue?fields=summary,status&properties=${LEARNING_PROPERTY_KEY}&maxResults=200`,
    );
    expect(res.status).toBe(200);
    const body = res.body as {
      total: number;
      maxResults: number;
      issues: Array<{ key: string; fields: Record<string, unknown>; properties: Record<string, unknown> }>;
    };
    expect(body.maxResults).toBe(100);
    expect(body.issues.map((i) => i.key)).toContain('FLEX-112');
    expect(body.total).toBe(site.store.listIssues('FLEX').filter((i) => i.sprintId === 102).length);
    const flex112 = body.issues.find((i) => i.key === 'FLEX-112')!;
    expect(Object.keys(flex112.fields)).toEqual(['summary', 'status']);
    expect(at(flex112.properties, LEARNING_PROPERTY_KEY, 'hypothesis')).toMatch(/^Presenting Flex/);
    const surprises = (
      await get('alice', `/rest/agile/1.0/board/10001/sprint/102/issue?jql=${encodeURIComponent('learningSurprise = "true"')}`)
    ).body as { issues: Array<{ key: string }> };
    expect(surprises.issues.length).toBeGreaterThanOrEqual(3);
    expect(surprises.issues.map((i) => i.key)).toContain('FLEX-112');
    expect((await get('carol', '/rest/agile/1.0/sprint/122/issue')).status).toBe(404);
    expect(site.accounting.totals()).toMatchObject({
      'GET /rest/agile/1.0/sprint/{sprintId}/issue': expect.any(Number),
      'GET /rest/agile/1.0/board/{boardId}/sprint/{sprintId}/issue': 1,
    });
  });
});

/**
 * A board's backlog and its sprint actions (jira:sprintAction), from a fixture manifest: each active
 * or future sprint has a "..." menu with the manifest's sprint actions; choosing one opens the
 * module's resource in a modal with the sprint action's context; view.close() is granted there only.
 */
import path from 'node:path';
import type { ForgeFunctionHandler } from '../index';
import { useDemoSite } from './support/demo-site';
import { at, postJson } from './support/json-path';

const FIXTURE = path.join(__dirname, 'fixtures', 'probe-app');
const echo: ForgeFunctionHandler = (request) => Promise.resolve({ context: request.context });

const site = useDemoSite({ start: { handler: echo, manifestPath: path.join(FIXTURE, 'manifest.yml'), staticRoot: FIXTURE } });

const page = async (url: string, user = 'alice') => {
  const res = await fetch(`${site.url}${url}`, { headers: { cookie: `ll_user=${user}` } });
  return { status: res.status, html: await res.text() };
};

describe("a board's backlog with its sprint actions", () => {
  it("lists the board's active and future sprints, each with the manifest's sprint actions in its menu, linked from the index and project pages", async () => {
    const flex = site.store.getProject('FLEX')!;
    const backlog = `/jira/software/projects/FLEX/boards/${flex.id}/backlog`;
    expect((await page('/')).html).toContain(`href="${backlog}"`);
    expect((await page('/jira/projects/FLEX/apps/probe-page')).html).toContain(`href="${backlog}"`);

    const { status, html } = await page(backlog);
    expect(status).toBe(200);
    const open = site.store.listSprints('FLEX').filter((s) => s.state !== 'closed');
    const listed = [...html.matchAll(/data-sprint="(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed.sort()).toEqual(open.map((s) => s.id).sort());
    for (const sprint of open) {
      expect(html).toContain(`href="${backlog}?action=probe-sprint-action&amp;sprint=${sprint.id}">Probe sprint action</a>`);
    }
    expect(html).not.toContain('<iframe');
  });

  it('opens the chosen action in a modal with the sprint action context, and grants view.close there only', async () => {
    const flex = site.store.getProject('FLEX')!;
    const active = site.store.listSprints('FLEX').find((s) => s.state === 'active')!;
    const backlog = `/jira/software/projects/FLEX/boards/${flex.id}/backlog`;
    const { html } = await page(`${backlog}?action=probe-sprint-action&sprint=${active.id}`, 'dan');
    expect(html).toMatch(/role="dialog" aria-modal="true"[^>]*data-after="[^"]*backlog" style="width: 800px"/);
    expect(html).toContain('data-role="sprint-action"');
    const token = /data-frame-token="([\w-]+)"/.exec(html)![1]!;
    const { body } = await postJson(`${site.url}/__local/bridge/context`, { token });
    expect(at(body, 'value')).toMatchObject({
      moduleKey: 'probe-sprint-action',
      accountId: site.user('dan').accountId,
      extension: {
        type: 'jira:sprintAction',
        project: { id: flex.id, key: 'FLEX', type: 'software' },
        board: { id: flex.id, type: 'scrum' },
        sprint: { id: String(active.id), state: 'active' },
        location: `${site.url}${backlog}`,
      },
    });
    // The resolver gets the same extension.
    const invoked = await postJson(`${site.url}/__local/bridge/invoke`, { token, functionKey: 'probe', payload: {} });
    expect(at(invoked.body, 'value', 'context', 'extension', 'sprint')).toEqual({ id: String(active.id), state: 'active' });
    expect(at((await postJson(`${site.url}/__local/bridge/close`, { token })).body, 'value')).toBe(true);
    const projectPage = site.hosts.openProjectPage(site.user('dan').accountId, 'FLEX', 'probe-page');
    expect(at((await postJson(`${site.url}/__local/bridge/close`, { token: projectPage.grant.token })).body, 'value')).toBe(false);
  });

  it("refuses a closed sprint, another project's sprint, an unknown action, and a project the person cannot browse", async () => {
    const flex = site.store.getProject('FLEX')!;
    const backlog = `/jira/software/projects/FLEX/boards/${flex.id}/backlog`;
    const closed = site.store.listSprints('FLEX').find((s) => s.state === 'closed')!;
    const srch = site.store.listSprints('SRCH').find((s) => s.state === 'active')!;
    expect((await page(`${backlog}?action=probe-sprint-action&sprint=${closed.id}`)).status).toBe(404);
    expect((await page(`${backlog}?action=probe-sprint-action&sprint=${srch.id}`)).status).toBe(404);
    expect((await page(`${backlog}?action=nope&sprint=${srch.id}`)).status).toBe(404);
    const grow = site.store.getProject('GROW')!;
    expect((await page(`/jira/software/projects/GROW/boards/${grow.id}/backlog`, 'carol')).status).toBe(404);
    expect((await page(`/jira/software/projects/FLEX/boards/999/backlog`)).status).toBe(404);
  });
});

/** Sprint entity properties on the Agile API: Browse to read, "Manage sprints" to write, Jira's 32,768-byte value limit. */
import { writeManifestVariant } from '../index';
import { useDemoSite } from './support/demo-site';

// The app never removes the property (0 goals is a value), so its manifest lacks delete:sprint:jira-software; this site adds it.
const site = useDemoSite({ start: writeManifestVariant({ addScopes: ['delete:sprint:jira-software'] }) });
beforeAll(() => {
  site.reset();
});

const FLEX_ACTIVE_SPRINT = 102;
const path = (sprintId: number | string, key = 'probe-goals') => `/rest/agile/1.0/sprint/${sprintId}/properties/${key}`;
const call = (as: string, method: string, p: string, body?: unknown) =>
  site.requestJira(as, method, p, body === undefined ? null : JSON.stringify(body), { 'content-type': 'application/json' });

async function sprintOf(as: string, project: string, state: string): Promise<number> {
  const boards = (await call(as, 'GET', `/rest/agile/1.0/board?projectKeyOrId=${project}`)).body as { values: Array<{ id: number }> };
  const board = boards.values[0]?.id ?? 0;
  const sprints = (await call(as, 'GET', `/rest/agile/1.0/board/${board}/sprint?state=${state}`)).body as { values: Array<{ id: number }> };
  return sprints.values[0]?.id ?? 0;
}

describe('sprint properties', () => {
  it('creates (201), replaces (200), reads and removes (204) a property for a person who manages sprints', async () => {
    expect((await call('alice', 'GET', path(FLEX_ACTIVE_SPRINT))).status).toBe(404);
    expect((await call('alice', 'PUT', path(FLEX_ACTIVE_SPRINT), { goals: ['a'] })).status).toBe(201);
    expect((await call('alice', 'PUT', path(FLEX_ACTIVE_SPRINT), { goals: ['b'] })).status).toBe(200);
    const read = await call('alice', 'GET', path(FLEX_ACTIVE_SPRINT));
    expect(read).toMatchObject({ status: 200, body: { key: 'probe-goals', value: { goals: ['b'] } } });
    expect((await call('alice', 'DELETE', path(FLEX_ACTIVE_SPRINT))).status).toBe(204);
    expect((await call('alice', 'GET', path(FLEX_ACTIVE_SPRINT))).status).toBe(404);
  });

  it('lets people who browse the project read, and only those who manage its sprints write (403)', async () => {
    expect((await call('alice', 'PUT', path(FLEX_ACTIVE_SPRINT, 'shared'), { v: 1 })).status).toBe(201);
    expect((await call('dan', 'GET', path(FLEX_ACTIVE_SPRINT, 'shared'))).body).toEqual({ key: 'shared', value: { v: 1 } });
    // bob edits FLEX issues but does not manage its sprints; dan only browses.
    expect((await call('bob', 'PUT', path(FLEX_ACTIVE_SPRINT, 'shared'), { v: 2 })).status).toBe(403);
    expect((await call('dan', 'PUT', path(FLEX_ACTIVE_SPRINT, 'shared'), { v: 2 })).status).toBe(403);
    expect((await call('dan', 'DELETE', path(FLEX_ACTIVE_SPRINT, 'shared'))).status).toBe(403);
    expect((await call('dan', 'GET', path(FLEX_ACTIVE_SPRINT, 'shared'))).body).toEqual({ key: 'shared', value: { v: 1 } });
  });

  it('answers 404 for a sprint the person cannot see, and for one that does not exist', async () => {
    const grow = await sprintOf('alice', 'GROW', 'active');
    expect(grow).toBeGreaterThan(0);
    expect((await call('alice', 'PUT', path(grow), { v: 1 })).status).toBe(201);
    expect((await call('carol', 'GET', path(grow))).status).toBe(404);
    expect((await call('carol', 'PUT', path(grow), { v: 2 })).status).toBe(404);
    expect((await call('alice', 'GET', path(987654))).status).toBe(404);
  });

  it('gives a project lead the Manage sprints permission of her project only (carol: SRCH)', async () => {
    const srch = await sprintOf('carol', 'SRCH', 'active');
    expect((await call('carol', 'PUT', path(srch), { v: 1 })).status).toBe(201);
    expect((await call('carol', 'PUT', path(FLEX_ACTIVE_SPRINT), { v: 1 })).status).toBe(403);
    const perms = async (as: string, project: string) =>
      (
        (await call(as, 'GET', `/rest/api/3/mypermissions?projectKey=${project}&permissions=MANAGE_SPRINTS_PERMISSION`)).body as {
          permissions: { MANAGE_SPRINTS_PERMISSION: { havePermission: boolean } };
        }
      ).permissions.MANAGE_SPRINTS_PERMISSION.havePermission;
    expect(await perms('carol', 'SRCH')).toBe(true);
    expect(await perms('carol', 'FLEX')).toBe(false);
    expect(await perms('alice', 'FLEX')).toBe(true);
    expect(await perms('bob', 'FLEX')).toBe(false);
    expect(await perms('dan', 'FLEX')).toBe(false);
  });

  it('refuses a value over 32,768 bytes (400) and keeps the one stored', async () => {
    expect((await call('alice', 'PUT', path(FLEX_ACTIVE_SPRINT, 'limit'), { t: 'x' })).status).toBe(201);
    // 32,768 bytes exactly fits; one more byte does not ("é" is two bytes of UTF-8).
    const fits = JSON.stringify({ t: 'é'.repeat((32_768 - 8) / 2) });
    expect(Buffer.byteLength(fits)).toBe(32_768);
    expect(
      (await site.requestJira('alice', 'PUT', path(FLEX_ACTIVE_SPRINT, 'limit'), fits, { 'content-type': 'application/json' })).status,
    ).toBe(200);
    const over = JSON.stringify({ t: 'é'.repeat((32_768 - 8) / 2), u: 1 });
    expect(
      (await site.requestJira('alice', 'PUT', path(FLEX_ACTIVE_SPRINT, 'limit'), over, { 'content-type': 'application/json' })).status,
    ).toBe(400);
    const kept = (await call('alice', 'GET', path(FLEX_ACTIVE_SPRINT, 'limit'))).body as { value: { t: string; u?: number } };
    expect(kept.value.u).toBeUndefined();
    expect(kept.value.t).toHaveLength((32_768 - 8) / 2);
  });
});

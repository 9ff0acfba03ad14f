/**
 * The permissions matrix of the sprint learning goals: the demo users × FLEX, GROW and SRCH
 * project pages, through the real handler. Everyone who sees the project reads; only people with
 * Manage sprints (alice everywhere, carol on SRCH) write; whoever cannot see the project gets
 * nothing, and no answer to carol carries what a GROW ticket holds (a canary is planted on GROW-9). The issue
 * panel's "serves a learning goal" line (goals/forIssue) follows Browse too.
 */
import type { CallRecord } from '../../emulator';
import { startAppSite, type AppSite } from '../support/app-site';
import { projectPageContextFor, sprintActionContextFor } from '../support/invoke-contexts';
import { plantCanary } from './permissions-canary';
import { findNeedles } from './reliability-support';

jest.setTimeout(120_000);

const USERS = ['alice', 'bob', 'carol', 'dan'] as const;
const CANARY = 'Canary 9d2e: growth goals leak when nobody checks';
let site: AppSite;
let growNeedles: string[];

beforeAll(async () => {
  site = await startAppSite({ port: 0 });
  growNeedles = plantCanary(site, CANARY);
});

afterAll(async () => {
  site.reset();
  await site.close();
});

const sprintWrites = (calls: CallRecord[]) => calls.filter((c) => /^PUT \/rest\/agile\/1\.0\/sprint\//.test(c.endpoint) && c.status < 300);

const goal = (id: string) => ({
  id,
  question: `Written by ${id}?`,
  ownerAccountId: null,
  // A goal names the keys its author typed (Jira shows the property to whoever sees the sprint); what those tickets hold must not leak.
  issueKeys: ['GROW-9', 'FLEX-112'],
  answer: 'open',
  answerNote: '',
  carriedFrom: null,
  carriedTo: null,
});

/** The tickets the goals link (FLEX-112; GROW-9 holds the canary). */
const LINKED: Record<string, string> = { FLEX: 'FLEX-112', GROW: 'GROW-9' };

function sprintsOf(projectKey: string): { previous: number; active: number } {
  const sprints = site.store.listSprints(projectKey);
  const closed = sprints.filter((s) => s.state === 'closed').sort((a, b) => Date.parse(b.endDate) - Date.parse(a.endDate));
  return { previous: closed[0]!.id, active: sprints.find((s) => s.state === 'active')!.id };
}

describe('permissions matrix: sprint learning goals', () => {
  it.each(USERS)('as %s: reads follow Browse, writes follow Manage sprints, nothing of GROW leaks', async (user) => {
    for (const projectKey of ['FLEX', 'GROW', 'SRCH']) {
      const context = projectPageContextFor(site, projectKey);
      const { previous, active } = sprintsOf(projectKey);
      const level = site.store.permissionLevel(site.user(user).accountId, projectKey);
      const manages = user === 'alice' || level === 'manage-sprints';
      const invoke = (functionKey: 'goals/open' | 'goals/save' | 'goals/carryOver', payload: unknown) =>
        site.invoke({ functionKey, as: user, context, payload });

      const opened = await invoke('goals/open', { sprintId: active });
      const saved = await invoke('goals/save', { sprintId: previous, base: { revision: 0, goals: [] }, goals: [goal(`g-${user}`)] });
      const carried = await invoke('goals/carryOver', { fromSprintId: previous, toSprintId: active, goalIds: [`g-${user}`] });

      if (level === 'none') expect(opened.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      else expect(opened.result).toMatchObject({ ok: true, value: { canEdit: manages } });
      if (manages) expect([projectKey, saved.result, carried.result]).toMatchObject([projectKey, { ok: true }, { ok: true }]);
      else {
        expect(saved.result).toMatchObject({ ok: false, error: { code: level === 'none' ? 'NOT_FOUND' : 'FORBIDDEN' } });
        expect(carried.result).toMatchObject({ ok: false, error: { code: level === 'none' ? 'NOT_FOUND' : 'FORBIDDEN' } });
        expect([...sprintWrites(saved.calls), ...sprintWrites(carried.calls)]).toEqual([]);
      }
      // The issue panel's "serves a learning goal" line, on a ticket the goals link.
      const served = await site.invoke({
        functionKey: 'goals/forIssue',
        as: user,
        issueKey: LINKED[projectKey] ?? site.store.listIssues(projectKey)[0]!.key,
        payload: {},
      });
      if (level === 'none') expect(served.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      else expect(served.result.ok).toBe(true);
      if (site.store.permissionLevel(site.user(user).accountId, 'GROW') === 'none') {
        const needles = growNeedles.filter((n) => n !== 'GROW-9');
        expect(findNeedles([opened.result, saved.result, carried.result, served.result], needles)).toEqual([]);
      }
    }
  });

  it.each(USERS)(
    "as %s from the sprint's own menu: the same rules, with the project and the sprint from the action's context",
    async (user) => {
      for (const projectKey of ['FLEX', 'GROW', 'SRCH']) {
        const future = site.store.listSprints(projectKey).find((s) => s.state === 'future')!.id;
        const context = sprintActionContextFor(site, projectKey, future);
        const level = site.store.permissionLevel(site.user(user).accountId, projectKey);
        const manages = user === 'alice' || level === 'manage-sprints';
        const opened = await site.invoke({ functionKey: 'goals/open', as: user, context, payload: {} });
        const payload = { base: { revision: 0, goals: [] }, goals: [goal(`m-${user}`)] };
        const saved = await site.invoke({ functionKey: 'goals/save', as: user, context, payload });

        if (level === 'none') expect(opened.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        else expect(opened.result).toMatchObject({ ok: true, value: { sprintId: future, canEdit: manages } });
        if (manages) expect([projectKey, saved.result]).toMatchObject([projectKey, { ok: true }]);
        else {
          expect(saved.result).toMatchObject({ ok: false, error: { code: level === 'none' ? 'NOT_FOUND' : 'FORBIDDEN' } });
          expect(sprintWrites(saved.calls)).toEqual([]);
        }
        if (site.store.permissionLevel(site.user(user).accountId, 'GROW') === 'none') {
          expect(
            findNeedles(
              [opened.result, saved.result],
              growNeedles.filter((n) => n !== 'GROW-9'),
            ),
          ).toEqual([]);
        }
      }
    },
  );
});

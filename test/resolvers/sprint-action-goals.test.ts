/**
 * The sprint's own "Learning goals" menu item (jira:sprintAction) through the real handler: the
 * project and the sprint come from the action's context, the payload may leave the sprint out,
 * and the rules of the retro view hold (Manage sprints before any write, another project's sprint
 * refused, a context without its sprint or project refused with a sentence).
 */
import type { CallRecord } from '../../emulator';
import { sprintActionContextFor } from '../support/invoke-contexts';
import { instantKvsQueries, useLocalSite } from '../support/local-site';
import { aSprintGoal } from '../support/valid-requests';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });
instantKvsQueries(site);

const sprintNamed = (name: string) => site.store.listSprints().find((s) => s.name === name)!.id;
const activeOf = (projectKey: string) => site.store.listSprints(projectKey).find((s) => s.state === 'active')!.id;
const sprintWrites = (calls: CallRecord[]) => calls.filter((c) => /^PUT \/rest\/agile\/1\.0\/sprint\/.*\/properties/.test(c.endpoint));
/** The property as Jira holds it, read from the site's own table (not through the app). */
function storedRevision(sprintId: number): number | undefined {
  const row = site.store.database
    .prepare("SELECT value_text FROM sprint_properties WHERE sprint_id = ? AND key = 'learning-loop-goals'")
    .get(sprintId) as { value_text: string } | undefined;
  return row ? (JSON.parse(row.value_text) as { revision: number }).revision : undefined;
}

function fromMenu(functionKey: 'goals/open' | 'goals/save', as: string, payload: unknown, context: Record<string, unknown>) {
  return site.invoke({ functionKey, as, context, payload });
}

describe("goals from the sprint's menu (jira:sprintAction)", () => {
  it('lets alice open and save the menu sprint without naming it; the goal is on that sprint', async () => {
    const sprintId = sprintNamed('FLEX Sprint 24');
    const menu = sprintActionContextFor(site, 'FLEX', sprintId);
    const opened = await fromMenu('goals/open', 'alice', {}, menu);
    expect(opened.result).toMatchObject({ ok: true, value: { sprintId, canEdit: true, projectKey: 'FLEX', document: { revision: 0 } } });

    const saved = await fromMenu('goals/save', 'alice', { base: { revision: 0, goals: [] }, goals: [aSprintGoal('g1')] }, menu);
    expect(saved.result).toMatchObject({ ok: true, value: { sprintId, document: { revision: 1, goals: [{ id: 'g1' }] } } });
    expect(storedRevision(sprintId)).toBe(1);
  });

  it('accepts the ids as numbers too (the docs show no example), for the same sprint', async () => {
    const sprintId = activeOf('FLEX');
    const menu = sprintActionContextFor(site, 'FLEX', sprintId);
    const extension = menu.extension as Record<string, Record<string, unknown>>;
    const numeric = {
      ...menu,
      extension: {
        ...extension,
        sprint: { id: sprintId, state: 'active' },
        project: { ...extension.project, id: Number(site.store.getProject('FLEX')!.id) },
      },
    };
    const opened = await fromMenu('goals/open', 'dan', {}, numeric);
    expect(opened.result).toMatchObject({ ok: true, value: { sprintId, canEdit: false } });
  });

  it('lets dan (browse only) and bob (edits issues, does not manage sprints) read the menu sprint, never save', async () => {
    const sprintId = sprintNamed('FLEX Sprint 24');
    const menu = sprintActionContextFor(site, 'FLEX', sprintId);
    await fromMenu('goals/save', 'alice', { base: { revision: 0, goals: [] }, goals: [aSprintGoal('g1')] }, menu);
    for (const as of ['dan', 'bob']) {
      const read = await fromMenu('goals/open', as, {}, menu);
      expect(read.result).toMatchObject({ ok: true, value: { canEdit: false, document: { revision: 1, goals: [{ id: 'g1' }] } } });
      const refused = await fromMenu('goals/save', as, { base: { revision: 1, goals: [aSprintGoal('g1')] }, goals: [] }, menu);
      expect(refused.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(sprintWrites(refused.calls)).toEqual([]);
    }
    expect(storedRevision(sprintId)).toBe(1);
  });

  it("refuses a sprint of another project than the menu's, and a payload naming another sprint, writing nothing", async () => {
    const flexSprint = activeOf('FLEX');
    const srchSprint = activeOf('SRCH');
    const mismatched = sprintActionContextFor(site, 'FLEX', srchSprint);
    const elsewhere = await fromMenu('goals/save', 'alice', { base: { revision: 0, goals: [] }, goals: [aSprintGoal('g1')] }, mismatched);
    expect(elsewhere.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(sprintWrites(elsewhere.calls)).toEqual([]);

    const menu = sprintActionContextFor(site, 'FLEX', flexSprint);
    const other = sprintNamed('FLEX Sprint 24') === flexSprint ? sprintNamed('FLEX Sprint 23') : sprintNamed('FLEX Sprint 24');
    const redirected = await fromMenu(
      'goals/save',
      'alice',
      { sprintId: other, base: { revision: 0, goals: [] }, goals: [aSprintGoal('g1')] },
      menu,
    );
    expect(redirected.result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/another sprint/) },
    });
    expect(sprintWrites(redirected.calls)).toEqual([]);
    expect(storedRevision(other)).toBeUndefined();
  });

  it('refuses a menu context without its sprint or project with a sentence, and a project page call without a sprint', async () => {
    const menu = sprintActionContextFor(site, 'FLEX', activeOf('FLEX'));
    const extension = menu.extension as Record<string, unknown>;
    for (const broken of [
      { ...menu, extension: { ...extension, sprint: undefined } },
      { ...menu, extension: { ...extension, project: undefined } },
      { ...menu, extension: { ...extension, sprint: { id: 'FLEX Sprint 24', state: 'active' } } },
    ]) {
      const answer = await fromMenu('goals/open', 'alice', {}, broken);
      expect(answer.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/sprint's menu/) } });
      expect(answer.calls).toEqual([]);
    }
    const page = {
      cloudId: 'local',
      moduleKey: 'retro',
      extension: { type: 'jira:projectPage', project: { id: site.store.getProject('FLEX')!.id, key: 'FLEX' } },
    };
    const noSprint = await site.invoke({ functionKey: 'goals/open', as: 'alice', context: page, payload: {} });
    expect(noSprint.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Choose a sprint first.' } });
  });
});

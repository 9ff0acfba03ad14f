/**
 * Payloads never choose the issue, the person or the project: every resolver, sent a valid
 * payload plus fields naming GROW-9 (which carol may not browse), alice's account and the GROW
 * project, as carol and as dan, through the real handler. Each refuses the extra fields
 * (strict payloads: INVALID_INPUT) and nothing touches GROW-9.
 */
import { startAppSite, type AppSite } from '../support/app-site';
import { draftOf } from '../../src/domain/record/learning-record';
import { resolverKeys } from '../../src/resolvers';
import { defined } from '../support/defined';
import { storedRecord, storedText } from './reliability-support';
import { aSprintGoal, validRequests } from '../support/valid-requests';
import { sprintActionContextFor } from '../support/invoke-contexts';

jest.setTimeout(120_000);

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

let site: AppSite;

beforeAll(async () => {
  site = await startAppSite({ port: 0 });
});

afterAll(async () => {
  site.reset();
  await site.close();
});

describe('payload trust', () => {
  it('never takes the issue, the person or the project from a payload', async () => {
    const alice = site.user('alice').accountId;
    const grow = site.store.getIssue('GROW-9')!;
    const smuggled = {
      issueKey: 'GROW-9',
      issueId: grow.id,
      accountId: alice,
      projectKey: 'GROW',
      project: { id: '10003', key: 'GROW' },
      issue: { key: 'GROW-9', id: grow.id },
    };
    const flex = defined(storedRecord(site, 'FLEX-112'), 'the record of FLEX-112');
    const valid = validRequests(site, {
      'learning/save': { payload: { baseRevision: flex.revision, draft: draftOf(flex) } },
      'history/restore': { payload: { revision: 1, baseRevision: flex.revision } },
      'people/lookup': { payload: { accountIds: [alice] } },
      'learnedBefore/markHelped': { payload: { sourceIssueKey: 'FLEX-105' } },
    });
    const answers: string[] = [];
    for (const key of resolverKeys) {
      const spec = valid[key];
      if (!spec) throw new Error(`No payload-trust case for ${key}: add one.`);
      for (const user of ['carol', 'dan']) {
        const payload = { ...(spec.payload as object), ...smuggled };
        const before = storedText(site, 'GROW-9');
        const { result: answer, calls } = await site.invoke({
          as: user,
          functionKey: key,
          issueKey: spec.context ? undefined : 'FLEX-112',
          context: spec.context,
          payload,
        });
        const result = answer as Envelope;
        answers.push(`${key} as ${user}: ${result.ok ? 'ok' : result.error.code}`);
        // Refused (strict payloads) — or, if accepted, it acted on the context: never on GROW-9, never as alice.
        if (result.ok) {
          expect(calls.some((c) => c.path.includes('GROW-9') || c.path.includes(`/${grow.id}`))).toBe(false);
        } else {
          expect(result.error.code).toBe('INVALID_INPUT');
        }
        expect(storedText(site, 'GROW-9')).toBe(before);
      }
    }
    expect(answers.every((a) => a.endsWith('INVALID_INPUT'))).toBe(true);
  });

  it("never takes the sprint from a payload in a sprint's menu: a GROW sprint named from FLEX's menu is refused, untouched", async () => {
    const flexActive = site.store.listSprints('FLEX').find((s) => s.state === 'active')!.id;
    const growActive = site.store.listSprints('GROW').find((s) => s.state === 'active')!.id;
    const menu = sprintActionContextFor(site, 'FLEX', flexActive);
    for (const user of ['alice', 'carol']) {
      for (const [functionKey, payload] of [
        ['goals/open', { sprintId: growActive }],
        ['goals/save', { sprintId: growActive, base: { revision: 0, goals: [] }, goals: [aSprintGoal('g1')] }],
      ] as const) {
        const { result, calls } = await site.invoke({ as: user, functionKey, context: menu, payload });
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(calls.filter((c) => c.path.includes(`/sprint/${growActive}`))).toEqual([]);
      }
    }
  });
});

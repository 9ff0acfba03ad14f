/**
 * "Serves a learning goal": the panel of a ticket linked to its sprint's learning goals names them,
 * through the real handler (the issue's Sprint field, then the sprint's goals property, as the person).
 */
import { instantKvsQueries, jiraCalls, useLocalSite } from '../support/local-site';
import { projectPageContextFor } from '../support/invoke-contexts';
import { aSprintGoal } from '../support/valid-requests';
import type { ServedGoal } from '../../src/contract/panel';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });
instantKvsQueries(site);

async function servedBy(issueKey: string, as = 'alice') {
  const { result, calls } = await site.invoke({ functionKey: 'goals/forIssue', as, issueKey, payload: {} });
  return { result: result as { ok: true; value: { goals: ServedGoal[] } } | { ok: false; error: { code: string } }, calls };
}
const sprintNamed = (name: string) => site.store.listSprints().find((s) => s.name === name)!.id;

it("names the goal of the ticket's sprint it is linked to, as a browse-only person sees it (the demo's Spain goal on FLEX-105)", async () => {
  const { result } = await servedBy('FLEX-105', 'dan');
  expect(result).toEqual({
    ok: true,
    value: {
      goals: [
        {
          sprintId: sprintNamed('FLEX Sprint 22'),
          sprintName: 'FLEX Sprint 22',
          sprintState: 'closed',
          question: "Will Spain's extra engagement turn into bookings?",
          answer: 'not-answered',
        },
      ],
    },
  });
});

it('names nothing for a ticket its sprint’s goals do not link, until a goal links it', async () => {
  expect(await servedBy('FLEX-112')).toMatchObject({ result: { ok: true, value: { goals: [] } } });
  const sprintId = sprintNamed('FLEX Sprint 23');
  const opened = await site.invoke({
    functionKey: 'goals/open',
    as: 'alice',
    context: projectPageContextFor(site, 'FLEX'),
    payload: { sprintId },
  });
  if (!opened.result.ok) throw new Error(JSON.stringify(opened.result));
  const { document } = opened.result.value as { document: { revision: number; goals: Array<ReturnType<typeof aSprintGoal>> } };
  const added = aSprintGoal('labels', {
    question: 'Does the label matter more than the refund amount?',
    answer: 'partly',
    answerNote: 'Only in Spain.',
  });
  const saved = await site.invoke({
    functionKey: 'goals/save',
    as: 'alice',
    context: projectPageContextFor(site, 'FLEX'),
    payload: { sprintId, base: { revision: document.revision, goals: document.goals }, goals: [...document.goals, added] },
  });
  expect(saved.result.ok).toBe(true);

  const { result, calls } = await servedBy('FLEX-112', 'bob');
  expect(result).toMatchObject({
    ok: true,
    value: { goals: [{ sprintName: 'FLEX Sprint 23', question: 'Does the label matter more than the refund amount?', answer: 'partly' }] },
  });
  // As the person: the issue's Sprint field, then one sprint property (the site's field list was cached by the first call).
  const jira = jiraCalls(calls);
  expect(jira.map((c) => c.endpoint)).toEqual([
    'GET /rest/api/3/issue/{issueIdOrKey}',
    'GET /rest/agile/1.0/sprint/{sprintId}/properties/{propertyKey}',
  ]);
  expect(jira.filter((c) => c.provider === 'app')).toEqual([]);
});

it('refuses a ticket the person cannot browse as not found (carol and GROW)', async () => {
  const growKey = site.store.listIssues().find((i) => i.key.startsWith('GROW-'))!.key;
  expect((await servedBy(growKey, 'carol')).result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

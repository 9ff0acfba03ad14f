/**
 * The retro export carries the sprint's learning goals: how each was answered, what was learned
 * instead, its owner and the tickets that tested it, through the real handler; a ticket the
 * exporting person cannot browse is not named.
 */
import type { RetroExport } from '../../src/contract/retro';
import { instantKvsQueries, useLocalSite } from '../support/local-site';
import { projectPageContextFor } from '../support/invoke-contexts';
import { aSprintGoal } from '../support/valid-requests';

const site = useLocalSite({ resetBeforeEach: 'demo-data' });
instantKvsQueries(site);

const sprintNamed = (name: string) => site.store.listSprints().find((s) => s.name === name)!.id;
const growKey = () => site.store.listIssues().find((i) => i.key.startsWith('GROW-'))!.key;

async function exportAs(as: string, sprintId: number): Promise<RetroExport> {
  // The board as the view names it.
  const opened = await site.invoke({ functionKey: 'retro/open', as, context: projectPageContextFor(site, 'FLEX'), payload: { sprintId } });
  if (!opened.result.ok) throw new Error(JSON.stringify(opened.result));
  const flexBoard = (opened.result.value as { board: { id: number } }).board.id;
  const { result } = await site.invoke({
    functionKey: 'retro/export',
    as,
    context: projectPageContextFor(site, 'FLEX'),
    payload: { boardId: flexBoard, sprintId },
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

async function saveGoals(sprintId: number, goals: ReturnType<typeof aSprintGoal>[]) {
  const opened = await site.invoke({
    functionKey: 'goals/open',
    as: 'alice',
    context: projectPageContextFor(site, 'FLEX'),
    payload: { sprintId },
  });
  if (!opened.result.ok) throw new Error(JSON.stringify(opened.result));
  const { document } = opened.result.value as { document: { revision: number; goals: unknown[] } };
  const saved = await site.invoke({
    functionKey: 'goals/save',
    as: 'alice',
    context: projectPageContextFor(site, 'FLEX'),
    payload: { sprintId, base: { revision: document.revision, goals: document.goals }, goals },
  });
  if (!saved.result.ok) throw new Error(JSON.stringify(saved.result));
}

it('exports each goal with its answer, what was learned instead, owner and tickets, in Markdown and ADF', async () => {
  const sprintId = sprintNamed('FLEX Sprint 24');
  const GROW_KEY = growKey();
  await saveGoals(sprintId, [
    aSprintGoal('g1', {
      question: 'Does the label matter more than the refund amount?',
      answer: 'answered',
      ownerAccountId: site.user('bob').accountId,
    }),
    aSprintGoal('g2', {
      question: 'Will Spain need a separate consent text?',
      answer: 'partly',
      answerNote: 'Legal wants one text per country, not per language.',
      issueKeys: ['FLEX-112', GROW_KEY],
    }),
  ]);
  const out = await exportAs('alice', sprintId);
  const lines = out.markdown.split('\n');
  expect(lines).toContain('### What we hoped to learn');
  expect(lines).toContain('**Answered:** Does the label matter more than the refund amount?');
  expect(lines).toContain('**Partly answered:** Will Spain need a separate consent text?');
  expect(lines).toContain('**What we learned instead:** Legal wants one text per country, not per language.');
  expect(lines).toContain('_Owner: Bob Okafor_');
  expect(out.markdown).toContain(`[FLEX-112](${site.url}/browse/FLEX-112)`);
  expect(out.markdown).toContain(`[${GROW_KEY}](${site.url}/browse/${GROW_KEY})`);
  // The goals come before the surprises (or the line saying there were none).
  const surprisesStart = lines.findIndex((line) => line.startsWith('### [') || line.startsWith('No surprises were flagged'));
  expect(lines.indexOf('### What we hoped to learn')).toBeLessThan(surprisesStart);
  const adf = JSON.stringify(out.adf);
  expect(adf).toContain('"text":"PARTLY ANSWERED"');
  expect(adf).toContain('"text":"What we learned instead: "');
});

it('leaves out a linked ticket the exporting person cannot browse (carol and GROW)', async () => {
  const sprintId = sprintNamed('FLEX Sprint 24');
  const GROW_KEY = growKey();
  await saveGoals(sprintId, [aSprintGoal('g1', { issueKeys: ['FLEX-112', GROW_KEY] })]);
  const carol = await exportAs('carol', sprintId);
  expect(carol.markdown).toContain('**Open:** Does the label matter more than the refund amount?');
  expect(carol.markdown).toContain('FLEX-112');
  expect(carol.markdown).not.toContain(GROW_KEY);
  expect(JSON.stringify(carol.adf)).not.toContain(GROW_KEY);
});

it("says what an answered goal taught, and what an unanswered one taught instead (the demo's previous sprint)", async () => {
  const out = await exportAs('alice', sprintNamed('FLEX Sprint 22'));
  const lines = out.markdown.split('\n');
  const answered = lines.indexOf('**Answered:** Does the label matter more than the refund amount?');
  expect(answered).toBeGreaterThan(-1);
  expect(lines.slice(answered + 1).find((line) => line.startsWith('**What we learned'))).toMatch(/^\*\*What we learned:\*\* /);
  expect(lines).toContain("**Not answered:** Will Spain's extra engagement turn into bookings?");
});

it('has no goals section for a sprint without goals', async () => {
  const sprintId = sprintNamed('FLEX Sprint 21');
  const out = await exportAs('alice', sprintId);
  expect(out.markdown).not.toContain('What we hoped to learn');
});

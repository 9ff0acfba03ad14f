/** Sets a FLEX sprint's learning goals through the real handler, as alice (who manages FLEX's sprints). */
import type { SprintGoal } from '../../src/domain/sprint-goals/goals-document';
import type { AppSite } from './app-site';
import { projectPageContextFor } from './invoke-contexts';

/** Replaces the sprint's goals with `goalsAfter(stored)`, on the revision it read. */
export async function setFlexGoals(
  site: Pick<AppSite, 'invoke' | 'url' | 'store'>,
  sprintId: number,
  goalsAfter: (stored: SprintGoal[]) => SprintGoal[],
): Promise<void> {
  const context = projectPageContextFor(site, 'FLEX');
  const opened = await site.invoke({ functionKey: 'goals/open', as: 'alice', context, payload: { sprintId } });
  if (!opened.result.ok) throw new Error(JSON.stringify(opened.result));
  const { document } = opened.result.value as { document: { revision: number; goals: SprintGoal[] } };
  const base = { revision: document.revision, goals: document.goals };
  const saved = await site.invoke({
    functionKey: 'goals/save',
    as: 'alice',
    context,
    payload: { sprintId, base, goals: goalsAfter(document.goals) },
  });
  if (!saved.result.ok) throw new Error(JSON.stringify(saved.result));
}

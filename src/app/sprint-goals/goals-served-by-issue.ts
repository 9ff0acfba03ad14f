import { AppError } from '../../contract/errors';
import type { ServedGoal } from '../../contract/panel';
import { readStoredGoals } from '../../domain/sprint-goals/goals-schema';
import type { SiteFactsPort } from '../../ports/search/site-facts.port';
import type { IssueSprintsPort } from '../../ports/sprint-goals/issue-sprints.port';
import type { SprintGoalsPort } from '../../ports/sprint-goals/sprint-goals.port';

export interface ServedGoalsDeps {
  site: Pick<SiteFactsPort, 'sprintFieldId'>;
  issueSprints: IssueSprintsPort;
  goals: Pick<SprintGoalsPort, 'read'>;
}

/** An issue moved through many sprints: the goals of its latest few are what the team is still asking. */
export const SERVED_GOALS_SPRINTS = 3;

/**
 * The sprint learning goals this issue is linked to, in its latest sprints, as the person sees them:
 * the issue's Sprint field, then each sprint's goals property in parallel. A sprint the person may not
 * see, or goals this version cannot read, are left out rather than failing the panel.
 */
export async function goalsServedByIssue(deps: ServedGoalsDeps, input: { issueKey: string }): Promise<ServedGoal[]> {
  const fieldId = await deps.site.sprintFieldId();
  if (!fieldId) return [];
  const sprints = (await deps.issueSprints.sprintsOf(input.issueKey, fieldId)).slice(-SERVED_GOALS_SPRINTS).reverse();
  const key = input.issueKey.toUpperCase();
  const perSprint = await Promise.all(
    sprints.map(async (sprint): Promise<ServedGoal[]> => {
      let stored: unknown;
      try {
        stored = await deps.goals.read(sprint.id);
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return [];
        throw error;
      }
      const reading = readStoredGoals(stored);
      if (reading.kind !== 'readable') return [];
      return reading.document.goals
        .filter((goal) => goal.issueKeys.some((linked) => linked.toUpperCase() === key))
        .map((goal) => ({
          sprintId: sprint.id,
          sprintName: sprint.name,
          sprintState: sprint.state,
          question: goal.question,
          answer: goal.answer,
        }));
    }),
  );
  return perSprint.flat();
}

import { AppError } from '../../contract/errors';
import type { RetroExport } from '../../contract/retro';
import type { GoalsView } from '../../contract/sprint-goals';
import { retroToAdf, retroToMarkdown } from '../../domain/export/retro-document';
import type { ExportedGoal } from '../../domain/export/retro-goals-document';
import { surprisesOf } from '../../domain/retro/retro-surprises';
import type { Sprint } from '../../domain/retro/sprint-choice';
import type { SiteFactsPort } from '../../ports/search/site-facts.port';
import { readGoals, type GoalsDeps } from '../sprint-goals/goals-context';
import { viewOf } from '../sprint-goals/open-goals';
import { openRetro, type RetroDeps, type RetroInput } from './open-retro';

/**
 * The sprint's learning goals and surprises with the team's notes, as ADF and Markdown for the
 * retro page. Reads exactly what the view reads (same calls as opening it, and the goals as
 * their section reads them), so the export is current and holds only what the person may see.
 */
export async function exportRetro(
  deps: RetroDeps & { site: SiteFactsPort; goalsDeps: GoalsDeps },
  input: RetroInput & { boardId: number; sprintId: number },
): Promise<RetroExport> {
  const [view, siteUrl, goals] = await Promise.all([openRetro(deps, input), deps.site.siteUrl(), goalsOf(deps.goalsDeps, input)]);
  if (!view.board || !view.sprint || !view.query || !view.figures)
    throw new AppError('NOT_FOUND', 'That sprint could not be found on this board.');
  const surprises = surprisesOf(view.cards);
  const exportInput = {
    sprint: view.sprint,
    boardName: view.board.name,
    surprises,
    notes: view.notes,
    figures: { ...view.figures, previousName: view.previousSprint?.name ?? null },
    jql: view.query.customJql ?? view.query.surprisesJql,
    asOf: view.asOf,
    siteUrl,
    names: view.names,
    goals: exportedGoals(goals, view.sprints),
  };
  return { adf: retroToAdf(exportInput), markdown: retroToMarkdown(exportInput), surprises: surprises.length };
}

/** The sprint's goals with the tickets and names the person may see (the sprint itself is checked by openRetro). */
async function goalsOf(deps: GoalsDeps, input: RetroInput & { sprintId: number }): Promise<GoalsView> {
  const document = await readGoals(deps, input.sprintId);
  return viewOf(deps, { sprintId: input.sprintId, projectKey: input.project.key, document, canEdit: false, history: [] });
}

function exportedGoals(goals: GoalsView, sprints: readonly Sprint[]): ExportedGoal[] {
  const sprintName = (id: number) => sprints.find((s) => s.id === id)?.name ?? `sprint ${String(id)}`;
  return goals.document.goals.map((goal) => ({
    question: goal.question,
    answer: goal.answer,
    answerNote: goal.answerNote,
    ownerName: goal.ownerAccountId ? (goals.names[goal.ownerAccountId] ?? null) : null,
    // Only the tickets Jira showed the person: a hidden ticket's key is not repeated.
    issueKeys: goal.issueKeys.filter((key) => key in goals.issues),
    carriedToSprint: goal.carriedTo ? sprintName(goal.carriedTo.sprintId) : null,
  }));
}

import { AppError } from '../../contract/errors';
import type { GoalIssue, GoalsView } from '../../contract/sprint-goals';
import { readStoredProperty } from '../../domain/record/record-schema';
import { quoteJqlValue } from '../../domain/search/jql-text';
import { SPRINT_GOAL_LIMITS, type SprintGoalsDocument } from '../../domain/sprint-goals/goals-document';
import { readGoals, refusedKeysIn, sprintOfProject, type GoalsDeps, type GoalsScope } from './goals-context';

/** The goals of a sprint with what the person may see of their tickets, and whether they may edit them. */
export async function openGoals(deps: GoalsDeps, input: GoalsScope & { sprintId: number }): Promise<GoalsView> {
  const [, document, canEdit, history] = await Promise.all([
    sprintOfProject(deps, input.project, input.sprintId),
    readGoals(deps, input.sprintId),
    deps.goals.canManageSprints(input.project.key),
    deps.history.list(input.sprintId),
  ]);
  return viewOf(deps, { sprintId: input.sprintId, projectKey: input.project.key, document, canEdit, history });
}

/** The view of a document: its tickets (one search) and the people it names (one lookup), in parallel. */
export async function viewOf(
  deps: GoalsDeps,
  input: { sprintId: number; projectKey: string; document: SprintGoalsDocument; canEdit: boolean; history: SprintGoalsDocument[] },
): Promise<GoalsView> {
  const { document } = input;
  const people = new Set<string>();
  for (const goal of document.goals) if (goal.ownerAccountId) people.add(goal.ownerAccountId);
  if (document.updatedBy) people.add(document.updatedBy);
  const keys = [...new Set(document.goals.flatMap((g) => g.issueKeys))];
  const [issues, names] = await Promise.all([linkedIssues(deps, keys), people.size > 0 ? deps.people.displayNames([...people]) : {}]);
  return {
    sprintId: input.sprintId,
    projectKey: input.projectKey,
    document,
    canEdit: input.canEdit,
    issues,
    names,
    history: input.history.map((h) => ({ revision: h.revision, updatedAt: h.updatedAt, updatedBy: h.updatedBy, goals: h.goals.length })),
  };
}

/** One search `key IN (…)` as the person: Jira shows only what they may browse. */
async function linkedIssues(deps: GoalsDeps, keys: readonly string[]): Promise<Record<string, GoalIssue>> {
  let asked = [...keys];
  for (let attempt = 0; attempt < 3 && asked.length > 0; attempt++) {
    try {
      const jql = `key IN (${asked.map(quoteJqlValue).join(', ')}) ORDER BY key ASC`;
      const pageSize = SPRINT_GOAL_LIMITS.goals * SPRINT_GOAL_LIMITS.issueKeysPerGoal;
      const page = await deps.search.search({ jql, pageSize });
      return Object.fromEntries(page.hits.map((hit) => [hit.key, issueOf(hit)]));
    } catch (error) {
      // A key that no longer exists, or that the person cannot see, makes Jira refuse the whole query.
      if (!(error instanceof AppError) || error.code !== 'INVALID_INPUT') throw error;
      const refused = refusedKeysIn(error.message, asked);
      if (refused.length === 0) throw error;
      asked = asked.filter((key) => !refused.includes(key));
    }
  }
  return {};
}

function issueOf(hit: { key: string; summary: string; property: unknown }): GoalIssue {
  const reading = readStoredProperty(hit.property);
  if (reading.kind !== 'record') return { key: hit.key, summary: hit.summary, hypothesis: '', learnings: [] };
  const { hypothesis, learnings } = reading.record;
  return {
    key: hit.key,
    summary: hit.summary,
    hypothesis,
    learnings: learnings.map((l) => ({ id: l.id, text: l.text, surprise: l.surprise })),
  };
}

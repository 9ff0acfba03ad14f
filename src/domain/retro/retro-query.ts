import { NUMERIC_ID_PATTERN } from '../record/identifiers';
/**
 * The JQL of the retro view. What the person sees and may edit is plain JQL
 * (`sprint = 42 AND learningSurprise = "true"`); what is sent is that JQL
 * narrowed to issues with a record and ordered, built on Atlassian's grammar
 * by `buildLearningJql`.
 */
import { buildLearningJql, type BuiltJql } from '../search/learning-query';

export const RETRO_SCOPES = ['surprises', 'all'] as const;
/** "surprises": only issues with a surprising learning; "all": everything learned in the sprint. */
export type RetroScope = (typeof RETRO_SCOPES)[number];

/** `rememberedProjects`: the projects whose remembered sprint a browser sends with the retro view's first call. */
export const RETRO_LIMITS = { jqlChars: 2000, rememberedProjects: 20 } as const;

const SURPRISE = 'learningSurprise = "true"';

function sprintClause(sprintId: number): string {
  if (!Number.isSafeInteger(sprintId) || sprintId <= 0) throw new RangeError('A sprint id is a positive integer.');
  return `sprint = ${sprintId}`;
}

/** The JQL shown for a sprint: the same search opens in Jira's issue navigator. */
export function sprintJql(sprintId: number, scope: RetroScope): string {
  return scope === 'surprises' ? `${sprintClause(sprintId)} AND ${SURPRISE}` : sprintClause(sprintId);
}

/** The search sent for a sprint: every issue in it with a record (figures and both scopes come from this one search). */
export function sprintSearchJql(sprintId: number): string {
  const built = buildLearningJql({ jql: sprintClause(sprintId), surprisesOnly: false, outcomes: [], sort: 'updated' });
  if (!built.ok) throw new Error(built.message);
  return built.jql;
}

/** One issue, by id, when it has a surprise in the sprint: what a retro note may be written on. */
export function surpriseInSprintJql(issueId: string, sprintId: number): string {
  if (!NUMERIC_ID_PATTERN.test(issueId)) throw new Error('An issue id is digits.');
  const built = buildLearningJql({ jql: `id = ${issueId} AND ${sprintClause(sprintId)}`, surprisesOnly: true, outcomes: [], sort: 'key' });
  if (!built.ok) throw new Error(built.message);
  return built.jql;
}

/** The search sent for JQL a person typed: narrowed to issues with a record, their ORDER BY replaced. */
export function customSearchJql(jql: string): BuiltJql {
  return buildLearningJql({ jql, surprisesOnly: false, outcomes: [], sort: 'updated' });
}

/** Which of the view's own queries a JQL is, if any (after trimming and collapsing spaces). */
export function presetScopeOf(jql: string, sprintId: number): RetroScope | null {
  const norm = (value: string) => value.trim().replace(/\s+/g, ' ');
  const typed = norm(jql);
  for (const scope of RETRO_SCOPES) if (norm(sprintJql(sprintId, scope)) === typed) return scope;
  return null;
}

import { AppError } from '../../contract/errors';
import type { LearningsCount } from '../../contract/macro';
import { buildLearningJql, type LearningQuery } from '../../domain/search/learning-query';
import type { IssueSearchPort } from '../../ports/search/issue-search.port';

/**
 * How many issues with learnings the macro's query finds, in all: Jira's
 * approximate count as the person (so only what they may browse), asked
 * after the first screen is shown, never as part of it.
 */
export async function countLearnings(deps: { userSearch: IssueSearchPort }, query: LearningQuery): Promise<LearningsCount> {
  const built = buildLearningJql(query, { order: false });
  if (!built.ok) throw new AppError('INVALID_INPUT', built.message);
  return { count: await deps.userSearch.approximateCount(built.jql) };
}

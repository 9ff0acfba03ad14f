import type { JqlCheck } from '../../contract/resolvers';
import { buildLearningJql, jqlSyntaxProblem } from '../../domain/search/learning-query';
import type { IssueSearchPort } from '../../ports/search/issue-search.port';

/**
 * Checks a query as it is typed: the local grammar first (no call for a
 * plain typo), then Jira's own validation and a rough count.
 */
export async function checkJql(deps: { userSearch: IssueSearchPort }, input: { jql: string }): Promise<JqlCheck> {
  const syntax = jqlSyntaxProblem(input.jql);
  if (syntax) return { errors: [syntax], count: null };
  const built = buildLearningJql({ jql: input.jql, surprisesOnly: false, outcomes: [], sort: 'updated' }, { order: false });
  if (!built.ok) return { errors: [built.message], count: null };
  const errors = input.jql.trim() ? await deps.userSearch.validate(input.jql) : [];
  return errors.length ? { errors, count: null } : { errors, count: await deps.userSearch.approximateCount(built.jql) };
}

import { AppError } from '../contract/errors';
import type { JqlCheck } from '../contract/resolvers';
import { buildLearningJql, jqlSyntaxProblem } from '../domain/learning-query';
import type { IssueSearchPort } from '../ports/issue-search.port';

/**
 * Checks a query as it is typed: the local grammar first (no call for a
 * plain typo), then Jira's own validation and a rough count.
 */
export async function checkJql(
  deps: { userSearch: IssueSearchPort; appSearch: IssueSearchPort },
  input: { jql: string },
): Promise<JqlCheck> {
  const syntax = jqlSyntaxProblem(input.jql);
  if (syntax) return { errors: [syntax], count: null };
  const built = buildLearningJql({ jql: input.jql, surprisesOnly: false, outcomes: [], sort: 'updated' });
  if (!built.ok) return { errors: [built.message], count: null };
  const countOf = async (search: IssueSearchPort): Promise<JqlCheck> => {
    const errors = await search.validate(input.jql);
    return errors.length ? { errors, count: null } : { errors, count: await search.approximateCount(built.jql.replace(/ ORDER BY .*$/, '')) };
  };
  try {
    return await countOf(deps.userSearch);
  } catch (error) {
    // Validation reveals no issue data, so the app may do it where Forge will not act as the person.
    if (error instanceof AppError && error.code === 'CONSENT_REQUIRED') return { ...(await countOf(deps.appSearch)), count: null };
    throw error;
  }
}

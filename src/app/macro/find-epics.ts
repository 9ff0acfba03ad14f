import { AppError } from '../../contract/errors';
import { EPIC_SEARCH_LIMITS } from '../../contract/limits';
import type { EpicList } from '../../contract/macro';
import { epicSearchJql } from '../../domain/macro/epic-query';
import type { IssueSearchPort } from '../../ports/search/issue-search.port';

/**
 * The epics the config view's picker offers: one JQL search as the person, so
 * only epics they may browse. Jira refuses a key that does not exist (or a site
 * without the Epic type) as invalid JQL; for a picker that means no epic matches.
 */
export async function findEpics(deps: { userSearch: IssueSearchPort }, input: { text: string }): Promise<EpicList> {
  try {
    const { hits } = await deps.userSearch.search({
      jql: epicSearchJql(input.text),
      pageSize: EPIC_SEARCH_LIMITS.shown,
      parts: ['project'],
    });
    return { epics: hits.map((hit) => ({ key: hit.key, summary: hit.summary, projectName: hit.project.name })) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_INPUT') return { epics: [] };
    throw error;
  }
}

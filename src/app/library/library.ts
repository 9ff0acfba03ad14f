/**
 * The learning library (Jira global page "Learning Loop"): the macro's use cases on the filters'
 * query, so every answer passes the macro's rules (read as the person, one search per page,
 * records read by `cardOf`, links to issues they may not browse hidden).
 */
import type { LibraryPage, LibraryProjects } from '../../contract/library';
import { libraryQuery, type LibraryFilters } from '../../domain/library/library-filters';
import type { ProjectDirectoryPort } from '../../ports/library/project-directory.port';
import type { IssueSearchPort } from '../../ports/search/issue-search.port';
import { collectLearnings, type CollectDeps } from '../macro/collect-learnings';
import { countLearnings } from '../macro/count-learnings';

/** One Jira call lists at most this many projects (the operation's `maxResults` maximum). */
export const PROJECTS_LISTED = 100;

export function listLibrary(
  deps: CollectDeps,
  input: { accountId: string; filters: LibraryFilters; pageToken?: string | null },
): Promise<LibraryPage> {
  return collectLearnings(deps, { accountId: input.accountId, query: libraryQuery(input.filters), pageToken: input.pageToken });
}

export function countLibrary(deps: { userSearch: IssueSearchPort }, filters: LibraryFilters): Promise<{ count: number }> {
  return countLearnings(deps, libraryQuery(filters));
}

export async function listProjects(deps: { projects: ProjectDirectoryPort }): Promise<LibraryProjects> {
  return { projects: await deps.projects.browsable(PROJECTS_LISTED) };
}

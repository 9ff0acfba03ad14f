/** What the Jira global page "Learning Loop" (the learning library) may call. The person comes from the Forge context. */
import type { LibraryFilters } from '../domain/library/library-filters';
import type { LearningCard } from '../domain/search/learning-cards';
import type { Result } from './errors';

export type { LibraryFilters } from '../domain/library/library-filters';

export interface LibraryListPayload {
  filters: LibraryFilters;
  /** From the previous page of the same filters; absent for the first. */
  pageToken?: string | null;
}

export interface LibraryPage {
  cards: LearningCard[];
  nextPageToken: string | null;
  /** The JQL that was run, to open in Jira's issue navigator. */
  jql: string;
  asOf: string;
}

export interface LibraryCountPayload {
  filters: LibraryFilters;
}

export interface LibraryProject {
  key: string;
  name: string;
}

export interface LibraryProjects {
  /** The projects the viewer may browse, by name (at most 100: one Jira call). */
  projects: LibraryProject[];
}

export type LibraryDefs = {
  'library/list': (payload: LibraryListPayload) => Result<LibraryPage>;
  /** Jira's approximate count of what the filters find, as the viewer may see it (as `macro/count`). */
  'library/count': (payload: LibraryCountPayload) => Result<{ count: number }>;
  'library/projects': () => Result<LibraryProjects>;
};

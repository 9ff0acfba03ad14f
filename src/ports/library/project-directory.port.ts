import type { LibraryProject } from '../../contract/library';

/** The projects a person may browse, as Jira answers for them. */
export interface ProjectDirectoryPort {
  /** At most `limit`, by name. */
  browsable(limit: number): Promise<LibraryProject[]>;
}

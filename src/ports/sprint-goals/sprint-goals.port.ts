import type { SprintGoalsDocument } from '../../domain/sprint-goals/goals-document';

/** A sprint's learning goals property in Jira Software, read and written as the person. */
export interface SprintGoalsPort {
  /** The stored value (unchecked); undefined when the sprint has none. NOT_FOUND when the person cannot see the sprint. */
  read(sprintId: number): Promise<unknown>;
  /** FORBIDDEN when Jira refuses (the person does not manage the sprint). */
  write(sprintId: number, document: SprintGoalsDocument): Promise<void>;
  /** Whether the person has "Manage sprints" in the project. */
  canManageSprints(projectKey: string): Promise<boolean>;
}

/** Earlier revisions of a sprint's goals, in the app's storage. */
export interface GoalsHistoryPort {
  /** Keeps a revision (the people it names indexed first). */
  keep(sprintId: number, document: SprintGoalsDocument): Promise<void>;
  /** Forgets the oldest revisions beyond the limit: after a keep, beside the write it made room for. */
  prune(sprintId: number): Promise<void>;
  /** Newest first. */
  list(sprintId: number): Promise<SprintGoalsDocument[]>;
}

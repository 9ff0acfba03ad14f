import type { Board, Sprint } from '../../domain/retro/sprint-choice';
import type { SprintFigures } from '../../domain/retro/retro-surprises';

/**
 * What one person last read of a project's boards and sprints, and the figures of closed
 * sprints: kept briefly, so that opening the retro again needs no Agile API call and no
 * reading of the previous sprint. Parts past their freshness are not returned.
 */
export interface RetroMemory {
  /** The project's boards; null when not remembered. */
  boards: Board[] | null;
  /** The sprints of a board, by board id. */
  sprints: Record<string, Sprint[]>;
  /** The figures of a closed sprint, by sprint id. */
  closedFigures: Record<string, ClosedSprintFigures>;
}

/** A closed sprint's figures as counted; `truncated` when the sprint had more learnings than a search reads (the view says so). */
export interface ClosedSprintFigures {
  figures: SprintFigures;
  truncated: boolean;
}

export const EMPTY_RETRO_MEMORY: RetroMemory = { boards: null, sprints: {}, closedFigures: {} };

/** One read and at most one write per retro opening; scoped to the person (everything in it was read as them). */
export interface RetroMemoryPort {
  read(accountId: string, projectKey: string): Promise<RetroMemory>;
  /** Adds what was read now to what is remembered. */
  remember(accountId: string, projectKey: string, learned: RetroMemory): Promise<void>;
}

import type { RetroNote } from '../../domain/retro/retro-notes';

/** Whose notes: a project's board's sprint (the project always from the Forge context). */
export interface RetroNotesScope {
  projectId: string;
  boardId: number;
  sprintId: number;
}

/** The team's "discussed" marks and take-away notes, one per surprise, kept per sprint. */
export interface RetroNotesPort {
  /**
   * Every note of the sprint, by surprise key (`<issue id>:<entry id>`). One storage query per 100
   * notes; KVS answers queries eventually, so the reader's own notes of the last minutes are laid
   * over the answer (they see what they just wrote, at once).
   */
  list(scope: RetroNotesScope, readerAccountId: string): Promise<Record<string, RetroNote>>;
  /** One surprise's note, or null. */
  get(scope: RetroNotesScope, issueId: string, entryId: string): Promise<RetroNote | null>;
  /** One write; `null` deletes. */
  put(scope: RetroNotesScope, issueId: string, entryId: string, note: RetroNote | null, writerAccountId: string): Promise<void>;
}

import { AppError } from '../contract/errors';
import type { SavedRetroNote } from '../contract/retro';
import { ENTRY_ID_PATTERN, ISSUE_ID_PATTERN, RETRO_NOTE_LIMITS, isBlankNote, normaliseNoteText, type RetroNote } from '../domain/retro-notes';
import { surpriseKeyOf } from '../domain/retro-surprises';
import type { RetroNotesPort } from '../ports/retro-notes.port';

export interface RetroNoteInput {
  projectId: string;
  accountId: string;
  boardId: number;
  sprintId: number;
  issueId: string;
  entryId: string;
  discussed: boolean;
  note: string;
}

/**
 * Keeps one surprise's "discussed" mark and note: one KVS write (a delete
 * when there is nothing to keep), no Jira call. Kept under the project of the
 * Forge context, so a payload can never write into another project's retro.
 */
export async function saveRetroNote(deps: { notes: RetroNotesPort; now: () => Date }, input: RetroNoteInput): Promise<SavedRetroNote> {
  if (!ISSUE_ID_PATTERN.test(input.issueId) || !ENTRY_ID_PATTERN.test(input.entryId)) {
    throw new AppError('INVALID_INPUT', 'That surprise could not be identified. Reload the page and try again.');
  }
  const text = normaliseNoteText(input.note);
  if (text.length > RETRO_NOTE_LIMITS.noteChars) {
    throw new AppError('INVALID_INPUT', `A note may be at most ${RETRO_NOTE_LIMITS.noteChars} characters: keep the take-away short.`);
  }
  const note: RetroNote = { discussed: input.discussed, note: text, updatedAt: deps.now().toISOString(), updatedBy: input.accountId };
  const scope = { projectId: input.projectId, boardId: input.boardId, sprintId: input.sprintId };
  const kept = isBlankNote(note) ? null : note;
  await deps.notes.put(scope, input.issueId, input.entryId, kept);
  return { key: surpriseKeyOf(input.issueId, input.entryId), note: kept };
}

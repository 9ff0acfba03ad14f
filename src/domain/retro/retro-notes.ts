import { withPlainLineBreaks } from '../record/text';
/**
 * What a team keeps per surprise during a retro: whether it was discussed
 * and a short note to take away. Kept per project, board and sprint. Pure and
 * free of zod, so the UI can use the limits without shipping a validator.
 */

export const RETRO_NOTE_LIMITS = {
  noteChars: 500,
  /** More than any sprint has surprises; reading stops here. */
  notesPerSprint: 500,
  /** Earlier texts kept with each note. */
  earlierTexts: 5,
} as const;

/** An entry id as records store it; an issue id is digits. */
export const ENTRY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface RetroNote {
  discussed: boolean;
  note: string;
  updatedAt: string;
  updatedBy: string;
  /** The note's earlier texts, newest first (at most RETRO_NOTE_LIMITS.earlierTexts). */
  earlier?: Array<{ note: string; updatedAt: string; updatedBy: string }>;
}

/** The next version of a note: the text it replaces joins its earlier texts, so nothing written is lost. */
export function nextNote(previous: RetroNote | null, next: Omit<RetroNote, 'earlier'>): RetroNote {
  const earlier =
    previous && previous.note && previous.note !== next.note
      ? [{ note: previous.note, updatedAt: previous.updatedAt, updatedBy: previous.updatedBy }, ...(previous.earlier ?? [])]
      : (previous?.earlier ?? []);
  const kept = earlier.slice(0, RETRO_NOTE_LIMITS.earlierTexts);
  return kept.length > 0 ? { ...next, earlier: kept } : next;
}

/** Trimmed, control characters removed (line breaks kept), Windows line ends folded. */
export function normaliseNoteText(text: string): string {
  return withPlainLineBreaks(text).trim();
}

/** A note with nothing to keep is deleted rather than stored. */
export const isBlankNote = (note: Pick<RetroNote, 'discussed' | 'note'>): boolean => !note.discussed && note.note === '';

/** Tolerant read of a stored value: anything not understood reads as absent. */
export function readStoredNote(value: unknown): RetroNote | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.discussed !== 'boolean' || typeof v.note !== 'string') return null;
  return {
    discussed: v.discussed,
    note: v.note.slice(0, RETRO_NOTE_LIMITS.noteChars),
    updatedAt: typeof v.updatedAt === 'string' ? v.updatedAt : '',
    updatedBy: typeof v.updatedBy === 'string' ? v.updatedBy : '',
    ...(Array.isArray(v.earlier)
      ? { earlier: (v.earlier as unknown[]).filter(isEarlierText).slice(0, RETRO_NOTE_LIMITS.earlierTexts) }
      : {}),
  };
}

function isEarlierText(value: unknown): value is NonNullable<RetroNote['earlier']>[number] {
  const v = value as Record<string, unknown> | null;
  return !!v && typeof v.note === 'string' && typeof v.updatedAt === 'string' && typeof v.updatedBy === 'string';
}

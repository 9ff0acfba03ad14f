import { kvs, WhereConditions } from '@forge/kvs';
import { AppError } from '../contract/errors';
import { RETRO_NOTE_LIMITS, readStoredNote, type RetroNote } from '../domain/retro-notes';
import type { RetroNotesPort, RetroNotesScope } from '../ports/retro-notes.port';
import { storageKeys } from './storage-keys';

/** KVS answers at most 100 keys per query page. */
const PAGE_SIZE = 100;

/** Retro notes in Forge KVS: one key per surprise, so two people marking different surprises never overwrite each other. */
export class KvsRetroNotes implements RetroNotesPort {
  async list(scope: RetroNotesScope): Promise<Record<string, RetroNote>> {
    const prefix = storageKeys.retroNotesPrefix(scope.projectId, scope.boardId, scope.sprintId);
    const notes: Record<string, RetroNote> = {};
    let cursor: string | undefined;
    let read = 0;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE_SIZE);
      if (cursor) query = query.cursor(cursor);
      const page = await storageCall(() => query.getMany<unknown>());
      for (const { key, value } of page.results) {
        const note = readStoredNote(value);
        if (note) notes[key.slice(prefix.length)] = note;
      }
      read += page.results.length;
      cursor = page.nextCursor;
    } while (cursor && read < RETRO_NOTE_LIMITS.notesPerSprint);
    return notes;
  }

  async get(scope: RetroNotesScope, issueId: string, entryId: string): Promise<RetroNote | null> {
    const key = storageKeys.retroNote(scope.projectId, scope.boardId, scope.sprintId, issueId, entryId);
    return readStoredNote(await storageCall(() => kvs.get<unknown>(key)));
  }

  async put(scope: RetroNotesScope, issueId: string, entryId: string, note: RetroNote | null): Promise<void> {
    const key = storageKeys.retroNote(scope.projectId, scope.boardId, scope.sprintId, issueId, entryId);
    await storageCall(() => (note ? kvs.set(key, note) : kvs.delete(key)));
  }
}

async function storageCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch {
    throw new AppError('JIRA_UNAVAILABLE', 'The app could not reach its storage for retro notes. Try again in a moment.');
  }
}

import { kvs, WhereConditions } from '@forge/kvs';
import { accountIdsIn } from '../../domain/privacy/personal-data';
import { RETRO_NOTE_LIMITS, readStoredNote, type RetroNote } from '../../domain/retro/retro-notes';
import type { RetroNotesPort, RetroNotesScope } from '../../ports/retro/retro-notes.port';
import { KvsPersonalDataIndex, placeOfSprintNotes } from '../privacy/kvs-personal-data-index';
import { storageKeys } from '../platform/storage-keys';
import { callStorage } from '../platform/kvs-client';
import { arrayField, stringField } from '../platform/kvs-keys';

/** What failed, for the storage error's message. */
const NOTES = 'retro notes';

/** KVS answers at most 100 keys per query page. */
const PAGE_SIZE = 100;
/** Longer than KVS takes to list a write (seconds). */
const RECENT_NOTE_MS = 5 * 60 * 1000;
const RECENT_NOTES = 20;

interface RecentNotes {
  notes: Array<{ key: string; note: RetroNote | null; at: number }>;
}

/** Retro notes in Forge KVS: one key per surprise, so two people marking different surprises never overwrite each other. */
export class KvsRetroNotes implements RetroNotesPort {
  constructor(
    private readonly now: () => number = Date.now,
    private readonly people = new KvsPersonalDataIndex(),
  ) {}

  async list(scope: RetroNotesScope, readerAccountId: string): Promise<Record<string, RetroNote>> {
    const prefix = storageKeys.retroNotesPrefix(scope.projectId, scope.boardId, scope.sprintId);
    const [listed, recent] = await Promise.all([this.query(prefix), this.recent(readerAccountId)]);
    const merged = new Map(Object.entries(listed));
    for (const { key, note } of recent.filter((r) => r.key.startsWith(prefix)).reverse()) {
      if (note) merged.set(key.slice(prefix.length), note);
      else merged.delete(key.slice(prefix.length));
    }
    return Object.fromEntries(merged);
  }

  private async query(prefix: string): Promise<Record<string, RetroNote>> {
    const notes: Record<string, RetroNote> = {};
    let cursor: string | undefined;
    let read = 0;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE_SIZE);
      if (cursor) query = query.cursor(cursor);
      const page = await callStorage(NOTES, () => query.getMany<unknown>());
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
    return readStoredNote(await callStorage(NOTES, () => kvs.get<unknown>(key)));
  }

  async put(scope: RetroNotesScope, issueId: string, entryId: string, note: RetroNote | null, writerAccountId: string): Promise<void> {
    const key = storageKeys.retroNote(scope.projectId, scope.boardId, scope.sprintId, issueId, entryId);
    if (note) {
      // Indexed first: the writer (and earlier writers) at this sprint's notes, and the note as the issue's.
      const place = placeOfSprintNotes(scope.projectId, scope.boardId, scope.sprintId);
      await callStorage(NOTES, () =>
        Promise.all([this.people.remember([writerAccountId, ...accountIdsIn(note)], place), this.people.aboutIssue(issueId, key)]),
      );
    }
    await callStorage(NOTES, () => (note ? kvs.set(key, note) : kvs.delete(key)));
    // The writer's own recent notes, read with get (consistent), so their next list shows this one.
    const recent = (await this.recent(writerAccountId).catch(() => [])).filter((r) => r.key !== key);
    await kvs
      .set(storageKeys.recentNotes(writerAccountId), {
        notes: [{ key, note, at: this.now() }, ...recent].slice(0, RECENT_NOTES),
      } satisfies RecentNotes)
      .catch(() => undefined);
  }

  /** Newest first, the last minutes only. */
  private async recent(accountId: string): Promise<RecentNotes['notes']> {
    const stored = await kvs.get<unknown>(storageKeys.recentNotes(accountId)).catch(() => undefined);
    const since = this.now() - RECENT_NOTE_MS;
    return arrayField(stored, 'notes')
      .filter(
        (r): r is RecentNotes['notes'][number] => stringField(r, 'key') !== undefined && typeof (r as { at?: unknown }).at === 'number',
      )
      .filter((r) => r.at >= since);
  }
}

import { kvs } from '@forge/kvs';
import type { SprintFigures } from '../../domain/retro/retro-surprises';
import type { ClosedSprintFigures, RetroMemory, RetroMemoryPort } from '../../ports/retro/retro-memory.port';
import { EMPTY_RETRO_MEMORY } from '../../ports/retro/retro-memory.port';
import { storageKeys } from '../platform/storage-keys';

/** A sprint started or completed, a board added: seen within this long. */
export const SPRINT_LIST_FRESH_MS = 5 * 60 * 1000;
/** A closed sprint's issues rarely change; its figures are read again after a day. */
export const CLOSED_FIGURES_FRESH_MS = 24 * 60 * 60 * 1000;
/** Bounds on one person's memory of one project (a KVS value stays far below its 240 KB). */
const MAX_BOARDS = 10;
const MAX_FIGURES = 30;
/** Changed when the stored shape changes: an older shape is forgotten, not misread. */
const VERSION = 1;

interface Dated<T> {
  at: number;
  value: T;
}

/** A closed sprint's figures; `truncated` is stored only when true, so entries written before it existed read as complete. */
interface DatedFigures extends Dated<SprintFigures> {
  truncated?: boolean;
}

interface Stored {
  v: number;
  boards: Dated<NonNullable<RetroMemory['boards']>> | null;
  sprints: Record<string, Dated<RetroMemory['sprints'][string]>>;
  figures: Record<string, DatedFigures>;
}

const fresh = <T>(entries: Record<string, Dated<T>>, since: number): Record<string, T> =>
  Object.fromEntries(
    Object.entries(entries)
      .filter(([, e]) => e.at >= since)
      .map(([k, e]) => [k, e.value]),
  );

const newest = <T>(entries: Record<string, Dated<T>>, max: number): Record<string, Dated<T>> =>
  Object.fromEntries(
    Object.entries(entries)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, max),
  );

const dated = <T>(values: Record<string, T>, at: number): Record<string, Dated<T>> =>
  Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { at, value }]));

const datedFigures = (values: Record<string, ClosedSprintFigures>, at: number): Record<string, DatedFigures> =>
  Object.fromEntries(
    Object.entries(values).map(([k, { figures, truncated }]) => [
      k,
      truncated ? { at, value: figures, truncated } : { at, value: figures },
    ]),
  );

const closedOf = (entries: Record<string, DatedFigures>, since: number): Record<string, ClosedSprintFigures> =>
  Object.fromEntries(
    Object.entries(entries)
      .filter(([, e]) => e.at >= since)
      .map(([k, e]) => [k, { figures: e.value, truncated: e.truncated === true }]),
  );

/** One KVS key per person and project; a failed read or write only costs the Jira calls it would have saved. */
export class KvsRetroMemory implements RetroMemoryPort {
  /** What `read` found, so that `remember` adds to it without reading again (one instance per invocation). */
  private readonly found = new Map<string, Stored | null>();

  constructor(private readonly now: () => number = Date.now) {}

  async read(accountId: string, projectKey: string): Promise<RetroMemory> {
    const stored = await this.stored(accountId, projectKey);
    if (!stored) return EMPTY_RETRO_MEMORY;
    const now = this.now();
    const listSince = now - SPRINT_LIST_FRESH_MS;
    return {
      boards: stored.boards && stored.boards.at >= listSince ? stored.boards.value : null,
      sprints: fresh(stored.sprints, listSince),
      closedFigures: closedOf(stored.figures, now - CLOSED_FIGURES_FRESH_MS),
    };
  }

  async remember(accountId: string, projectKey: string, learned: RetroMemory): Promise<void> {
    const at = this.now();
    const key = storageKeys.retroMemory(accountId, projectKey);
    const before = this.found.has(key) ? this.found.get(key) : await this.stored(accountId, projectKey);
    const next: Stored = {
      v: VERSION,
      boards: learned.boards ? { at, value: learned.boards } : (before?.boards ?? null),
      sprints: newest({ ...before?.sprints, ...dated(learned.sprints, at) }, MAX_BOARDS),
      figures: newest({ ...before?.figures, ...datedFigures(learned.closedFigures, at) }, MAX_FIGURES),
    };
    await kvs.set(key, next).catch(() => undefined);
  }

  private async stored(accountId: string, projectKey: string): Promise<Stored | null> {
    const key = storageKeys.retroMemory(accountId, projectKey);
    const value = await kvs.get<Stored>(key).catch(() => undefined);
    const usable = value?.v === VERSION && typeof value.sprints === 'object' && typeof value.figures === 'object' ? value : null;
    this.found.set(key, usable);
    return usable;
  }
}

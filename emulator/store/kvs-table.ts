/**
 * Forge KVS in the store, as Forge behaves:
 *
 * - **Lazy expiry**: a key set with a TTL stays readable after it expires, for up to
 *   `expiryGraceMs` more ("expired data may take up to 48 hours to be deleted"); past that
 *   it is gone. 0 makes expiry exact.
 * - **Eventually consistent queries**: `get`/`set`/`delete` of one key are strictly
 *   consistent, but a query (`scan`) sees a key as it was before a write for `queryLagMs`
 *   after it: a new key is not listed yet, a changed one shows its old value, a deleted one
 *   is still listed (a tombstone row keeps it until the lag has passed).
 *
 * Every row keeps what the query index shows: its value before the last write through the
 * stand-in (`previous_value_text`, null when the key did not exist) and when that write
 * happened (`written_at_ms`, 0 for seeded or planted rows, which the index has at once).
 */
import type Database from 'better-sqlite3';
import type { KvsRow, KvsSpace } from './rows';

/** How a write through the KVS stand-in is seen: when, and how long queries lag behind it. */
export interface KvsWriteTiming {
  nowMs: number;
  queryLagMs: number;
}

export interface KvsScanOptions {
  prefix?: string;
  /** Keys strictly after this one. */
  after?: string;
  limit: number;
  now: number;
  /** Queries see rows as they were before writes less than this old (default 0: at once). */
  queryLagMs?: number;
  /** Expired rows stay listed this long after expiry (default 0). */
  expiryGraceMs?: number;
}

interface DbRow {
  key: string;
  value_text: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
  previous_value_text: string | null;
  written_at_ms: number;
  deleted: number;
}

const rowOf = (r: DbRow, valueText = r.value_text): KvsRow => ({
  key: r.key,
  valueText,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  expireAt: r.expire_at,
});

const lagging = (r: DbRow, nowMs: number, lagMs: number): boolean => lagMs > 0 && r.written_at_ms > 0 && nowMs - r.written_at_ms < lagMs;

/** What a query shows of a row now: its value, or null when the query does not list it. */
export function indexedValueOf(r: DbRow, nowMs: number, lagMs: number): string | null {
  if (lagging(r, nowMs, lagMs)) return r.previous_value_text;
  return r.deleted ? null : r.value_text;
}

export class KvsTable {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private raw(space: KvsSpace, key: string): DbRow | undefined {
    return this.prepare(
      'SELECT key, value_text, created_at, updated_at, expire_at, previous_value_text, written_at_ms, deleted FROM kvs WHERE space = ? AND key = ?',
    ).get(space, key) as DbRow | undefined;
  }

  /** The live value of one key (strictly consistent). Expired rows are read until `expiryGraceMs` after expiry, then deleted. */
  get(space: KvsSpace, key: string, now: number, expiryGraceMs = 0): KvsRow | undefined {
    const row = this.raw(space, key);
    if (!row || row.deleted) return undefined;
    if (row.expire_at !== null && row.expire_at + expiryGraceMs <= now) {
      this.prepare('DELETE FROM kvs WHERE space = ? AND key = ?').run(space, key);
      return undefined;
    }
    return rowOf(row);
  }

  /** Writes a value. Without `timing` (a planted value), queries see it at once. */
  set(
    space: KvsSpace,
    key: string,
    valueText: string,
    now: number,
    expireAt: number | null,
    timing?: KvsWriteTiming,
    expiryGraceMs = 0,
  ): KvsRow {
    const before = this.raw(space, key);
    const live = before ? this.get(space, key, now, expiryGraceMs) : undefined;
    const createdAt = live?.createdAt ?? now;
    const previous = before && timing ? indexedValueOf(before, timing.nowMs, timing.queryLagMs) : null;
    this.prepare(
      `INSERT INTO kvs (space, key, value_text, created_at, updated_at, expire_at, previous_value_text, written_at_ms, deleted)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
         ON CONFLICT(space, key) DO UPDATE SET value_text = excluded.value_text, created_at = excluded.created_at,
           updated_at = excluded.updated_at, expire_at = excluded.expire_at, previous_value_text = excluded.previous_value_text,
           written_at_ms = excluded.written_at_ms, deleted = 0`,
    ).run(space, key, valueText, createdAt, now, expireAt, previous, timing?.nowMs ?? 0);
    return { key, valueText, createdAt, updatedAt: now, expireAt };
  }

  /** Deletes a key. With a query lag, a tombstone keeps it listed by queries until the lag has passed. */
  delete(space: KvsSpace, key: string, timing?: KvsWriteTiming): boolean {
    const before = this.raw(space, key);
    if (!before || before.deleted) return false;
    if (!timing || timing.queryLagMs <= 0) {
      return this.prepare('DELETE FROM kvs WHERE space = ? AND key = ?').run(space, key).changes > 0;
    }
    const previous = indexedValueOf(before, timing.nowMs, timing.queryLagMs);
    this.prepare('UPDATE kvs SET deleted = 1, previous_value_text = ?, written_at_ms = ? WHERE space = ? AND key = ?').run(
      previous,
      timing.nowMs,
      space,
      key,
    );
    return true;
  }

  /** Keys in ascending order, starting strictly after `after`, as a query sees them now. */
  scan(space: KvsSpace, opts: KvsScanOptions): KvsRow[] {
    const lag = opts.queryLagMs ?? 0;
    const grace = opts.expiryGraceMs ?? 0;
    // Tombstones the index has caught up with are gone for good.
    this.prepare('DELETE FROM kvs WHERE space = ? AND deleted = 1 AND written_at_ms <= ?').run(space, opts.now - lag);
    const select = this.prepare(
      `SELECT key, value_text, created_at, updated_at, expire_at, previous_value_text, written_at_ms, deleted FROM kvs
       WHERE space = ? AND (? IS NULL OR key > ?) AND (? IS NULL OR substr(key, 1, length(?)) = ?)
         AND (expire_at IS NULL OR expire_at + ? > ?)
       ORDER BY key LIMIT ?`,
    );
    const out: KvsRow[] = [];
    let after = opts.after ?? null;
    // Rows the index does not list yet are skipped: read on until the page is full.
    for (;;) {
      const rows = select.all(
        space,
        after,
        after,
        opts.prefix ?? null,
        opts.prefix ?? null,
        opts.prefix ?? null,
        grace,
        opts.now,
        opts.limit,
      ) as DbRow[];
      for (const row of rows) {
        const shown = indexedValueOf(row, opts.now, lag);
        if (shown !== null && out.length < opts.limit) out.push(rowOf(row, shown));
      }
      if (rows.length < opts.limit || out.length >= opts.limit) return out;
      after = rows.at(-1)?.key ?? after;
    }
  }

  count(space: KvsSpace): number {
    return (this.prepare('SELECT COUNT(*) AS n FROM kvs WHERE space = ? AND deleted = 0').get(space) as { n: number }).n;
  }
}

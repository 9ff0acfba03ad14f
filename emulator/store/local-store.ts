/**
 * The embedded store behind the emulator: users, projects, issues, issue
 * properties and Forge KVS, in one better-sqlite3 database (a file under the
 * data dir, or in memory for tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { IssueSecurity } from './issue-security';
import { KvsTable, type KvsScanOptions, type KvsWriteTiming } from './kvs-table';
import { replaceDataset } from './replace-dataset';
import type {
  IndexedPropertyRow,
  IssueRow,
  KvsRow,
  KvsSpace,
  PermissionLevel,
  ProjectRow,
  PropertyRow,
  SiteDataset,
  SprintRow,
  UserRow,
} from './rows';
import { projectOf, sprintOf, userOf, type ProjectDbRow, type SprintDbRow, type UserDbRow } from './db-rows';
import { DB_FILE, issueOf, migrate, type IssueDbRow } from './schema';

export * from './rows';
export type { KvsScanOptions, KvsWriteTiming } from './kvs-table';

export class LocalStore {
  private constructor(
    private readonly db: Database.Database,
    /** The database file, or null when in memory. */
    readonly file: string | null,
  ) {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    this.kvs = new KvsTable(db);
    this.issueSecurity = new IssueSecurity(db);
  }

  private readonly kvs: KvsTable;
  /** Issue security levels (issue-security.ts). */
  readonly issueSecurity: IssueSecurity;

  /** Opens (creating if needed) the store in `dataDir`, or in memory when undefined. */
  static open(dataDir?: string): LocalStore {
    if (dataDir === undefined) return new LocalStore(new Database(':memory:'), null);
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, DB_FILE);
    return new LocalStore(new Database(file), file);
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared statements are cached: preparing is the costly part of a small query. */
  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  /** The database itself, for stand-ins that keep their own tables (confluence-stand-in.ts). */
  get database(): Database.Database {
    return this.db;
  }

  /** Changes when any row is written, here (total_changes) or by another connection (data_version): a cache of reads holds while it does not. */
  writeVersion(): string {
    const { n } = this.prepare('SELECT total_changes() AS n').get() as { n: number };
    return `${n}:${String(this.db.pragma('data_version', { simple: true }))}`;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // --- meta ---------------------------------------------------------------

  getMeta(name: string): string | undefined {
    const row = this.prepare('SELECT value FROM meta WHERE name = ?').get(name) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(name: string, value: string): void {
    this.prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value').run(name, value);
  }

  isSeeded(): boolean {
    return this.getMeta('seededAt') !== undefined;
  }

  /** Replaces everything (Jira data and KVS) with the given dataset. */
  replaceAll(data: SiteDataset, seededAt: string): void {
    this.transaction(() => {
      replaceDataset(this.db, data);
      this.setMeta('seededAt', seededAt);
    });
  }

  // --- users and permissions ----------------------------------------------

  listUsers(): UserRow[] {
    const rows = this.prepare('SELECT * FROM users ORDER BY handle').all() as UserDbRow[];
    return rows.map(userOf);
  }

  getUser(accountId: string): UserRow | undefined {
    const row = this.prepare('SELECT * FROM users WHERE account_id = ?').get(accountId) as UserDbRow | undefined;
    return row ? userOf(row) : undefined;
  }

  /** A user by handle ("alice") or account id. */
  findUser(handleOrAccountId: string): UserRow | undefined {
    const row = this.db
      .prepare('SELECT * FROM users WHERE account_id = ? OR handle = ?')
      .get(handleOrAccountId, handleOrAccountId.toLowerCase()) as UserDbRow | undefined;
    return row ? userOf(row) : undefined;
  }

  permissionLevel(accountId: string, projectKey: string): PermissionLevel {
    const grant = this.db.prepare('SELECT level FROM grants WHERE account_id = ? AND project_key = ?').get(accountId, projectKey) as
      { level: PermissionLevel } | undefined;
    if (grant) return grant.level;
    return this.getUser(accountId)?.defaultLevel ?? 'none';
  }

  // --- projects, sprints, issues -----------------------------------------

  listProjects(): ProjectRow[] {
    const rows = this.prepare('SELECT * FROM projects ORDER BY CAST(id AS INTEGER)').all() as ProjectDbRow[];
    return rows.map(projectOf);
  }

  getProject(keyOrId: string): ProjectRow | undefined {
    return this.listProjects().find((p) => p.key === keyOrId.toUpperCase() || p.id === keyOrId);
  }

  listSprints(projectKey?: string): SprintRow[] {
    const rows = (
      projectKey
        ? this.prepare('SELECT * FROM sprints WHERE project_key = ? ORDER BY id').all(projectKey)
        : this.prepare('SELECT * FROM sprints ORDER BY id').all()
    ) as SprintDbRow[];
    return rows.map(sprintOf);
  }

  getSprint(id: number): SprintRow | undefined {
    return this.listSprints().find((s) => s.id === id);
  }

  listIssues(projectKey?: string): IssueRow[] {
    // Natural key order: FLEX-9 before FLEX-10.
    const sql = `SELECT * FROM issues ${projectKey ? 'WHERE project_key = ?' : ''}
      ORDER BY project_key, CAST(substr(key, instr(key, '-') + 1) AS INTEGER)`;
    const rows = (projectKey ? this.prepare(sql).all(projectKey) : this.prepare(sql).all()) as IssueDbRow[];
    return rows.map(issueOf);
  }

  /** By numeric id or by key (keys are case-insensitive, as in Jira). */
  getIssue(idOrKey: string): IssueRow | undefined {
    const row = (
      /^\d+$/.test(idOrKey)
        ? this.prepare('SELECT * FROM issues WHERE id = ?').get(idOrKey)
        : this.prepare('SELECT * FROM issues WHERE key = ?').get(idOrKey.toUpperCase())
    ) as IssueDbRow | undefined;
    return row ? issueOf(row) : undefined;
  }

  /** Deletes an issue with its properties; its epic's children lose their parent, as in Jira. */
  deleteIssue(issueId: string): boolean {
    return this.transaction(() => {
      const issue = this.getIssue(issueId);
      if (!issue) return false;
      this.prepare('DELETE FROM issue_properties WHERE issue_id = ?').run(issue.id);
      this.prepare('UPDATE issues SET parent_key = NULL WHERE parent_key = ?').run(issue.key);
      return this.prepare('DELETE FROM issues WHERE id = ?').run(issue.id).changes > 0;
    });
  }

  // --- issue properties ----------------------------------------------------

  getProperty(issueId: string, key: string): PropertyRow | undefined {
    const row = this.db
      .prepare('SELECT key, value_text, created, updated FROM issue_properties WHERE issue_id = ? AND key = ?')
      .get(issueId, key) as { key: string; value_text: string; created: string; updated: string } | undefined;
    return row ? { key: row.key, valueText: row.value_text, created: row.created, updated: row.updated } : undefined;
  }

  /** Every issue's value of one property, with what the search index needs to lag behind writes. */
  listIndexedProperties(key: string): IndexedPropertyRow[] {
    const rows = this.db
      .prepare('SELECT issue_id, value_text, previous_value_text, written_at_ms FROM issue_properties WHERE key = ?')
      .all(key) as Array<{ issue_id: string; value_text: string; previous_value_text: string | null; written_at_ms: number }>;
    return rows.map((r) => ({
      issueId: r.issue_id,
      valueText: r.value_text,
      previousValueText: r.previous_value_text,
      writtenAtMs: r.written_at_ms,
    }));
  }

  listPropertyKeys(issueId: string): string[] {
    const rows = this.prepare('SELECT key FROM issue_properties WHERE issue_id = ? ORDER BY key').all(issueId) as Array<{ key: string }>;
    return rows.map((r) => r.key);
  }

  /**
   * Writes the text as is (no JSON check here: the Jira stand-in validates;
   * fault tests use this directly to store malformed values). A planted value:
   * the search index has it at once. Writes through the REST API use `putPropertyText`.
   */
  setPropertyText(issueId: string, key: string, valueText: string, at: string = new Date().toISOString()): 'created' | 'updated' {
    return this.writeProperty(issueId, key, valueText, at, null, 0);
  }

  /**
   * A write through the REST API, which Jira's index sees only `indexLagMs` later: until
   * then it keeps the value it had indexed (see jira/search), which this row remembers.
   */
  putPropertyText(issueId: string, key: string, valueText: string, timing: { nowMs: number; indexLagMs: number }): 'created' | 'updated' {
    const before = this.db
      .prepare('SELECT value_text, previous_value_text, written_at_ms FROM issue_properties WHERE issue_id = ? AND key = ?')
      .get(issueId, key) as { value_text: string; previous_value_text: string | null; written_at_ms: number } | undefined;
    const stillLagging =
      before !== undefined && timing.indexLagMs > 0 && before.written_at_ms > 0 && timing.nowMs - before.written_at_ms < timing.indexLagMs;
    const indexed = before === undefined ? null : stillLagging ? before.previous_value_text : before.value_text;
    return this.writeProperty(issueId, key, valueText, new Date(timing.nowMs).toISOString(), indexed, timing.nowMs);
  }

  private writeProperty(
    issueId: string,
    key: string,
    valueText: string,
    at: string,
    indexed: string | null,
    writtenAtMs: number,
  ): 'created' | 'updated' {
    const before = this.getProperty(issueId, key);
    this.db
      .prepare(
        `INSERT INTO issue_properties (issue_id, key, value_text, created, updated, previous_value_text, written_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(issue_id, key) DO UPDATE SET value_text = excluded.value_text, updated = excluded.updated,
           previous_value_text = excluded.previous_value_text, written_at_ms = excluded.written_at_ms`,
      )
      .run(issueId, key, valueText, at, at, indexed, writtenAtMs);
    return before ? 'updated' : 'created';
  }

  deleteProperty(issueId: string, key: string): boolean {
    return this.prepare('DELETE FROM issue_properties WHERE issue_id = ? AND key = ?').run(issueId, key).changes > 0;
  }

  // --- Forge KVS (kvs-table.ts: lazy expiry, queries that lag behind writes) ----------

  /** The live value of a key; an expired one is still read for `expiryGraceMs` after its expiry (default 0). */
  kvsGet(space: KvsSpace, key: string, now: number, expiryGraceMs = 0): KvsRow | undefined {
    return this.kvs.get(space, key, now, expiryGraceMs);
  }

  /** Writes a value; without `timing` (a planted value) queries list it at once. */
  kvsSet(
    space: KvsSpace,
    key: string,
    valueText: string,
    now: number,
    expireAt: number | null,
    timing?: KvsWriteTiming,
    expiryGraceMs = 0,
  ): KvsRow {
    return this.kvs.set(space, key, valueText, now, expireAt, timing, expiryGraceMs);
  }

  kvsDelete(space: KvsSpace, key: string, timing?: KvsWriteTiming): boolean {
    return this.kvs.delete(space, key, timing);
  }

  /** Keys in ascending order, starting strictly after `after`, as a query sees them (see kvs-table.ts). */
  kvsScan(space: KvsSpace, opts: KvsScanOptions): KvsRow[] {
    return this.kvs.scan(space, opts);
  }

  kvsCount(space: KvsSpace = 'plain'): number {
    return this.kvs.count(space);
  }
}

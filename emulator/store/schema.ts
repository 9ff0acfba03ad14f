/**
 * The store's tables, and the columns added since the first release (added in
 * place to databases made before them).
 */
import type Database from 'better-sqlite3';
import { ISSUE_SECURITY_TABLE } from './issue-security';
import type { IssueRow, Priority } from './rows';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  account_id TEXT PRIMARY KEY, handle TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
  email TEXT NOT NULL, time_zone TEXT NOT NULL, default_level TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS projects (
  id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, lead_account_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS grants (
  account_id TEXT NOT NULL, project_key TEXT NOT NULL, level TEXT NOT NULL,
  PRIMARY KEY (account_id, project_key));
CREATE TABLE IF NOT EXISTS sprints (
  id INTEGER PRIMARY KEY, project_key TEXT NOT NULL, name TEXT NOT NULL, state TEXT NOT NULL,
  start_date TEXT NOT NULL, end_date TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS issues (
  id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, project_key TEXT NOT NULL, summary TEXT NOT NULL,
  description TEXT NOT NULL, issue_type TEXT NOT NULL, status TEXT NOT NULL, assignee TEXT,
  reporter TEXT NOT NULL, labels TEXT NOT NULL, sprint_id INTEGER, created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS issue_properties (
  issue_id TEXT NOT NULL, key TEXT NOT NULL, value_text TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,
  PRIMARY KEY (issue_id, key));
CREATE TABLE IF NOT EXISTS sprint_properties (
  sprint_id INTEGER NOT NULL, key TEXT NOT NULL, value_text TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,
  PRIMARY KEY (sprint_id, key));
CREATE TABLE IF NOT EXISTS kvs (
  space TEXT NOT NULL, key TEXT NOT NULL, value_text TEXT NOT NULL, created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL, expire_at INTEGER, PRIMARY KEY (space, key));
`;

/** Columns added after the first release: added in place to databases made before them. */
export const ADDED_COLUMNS: Array<[table: string, column: string, definition: string]> = [
  ['sprints', 'complete_date', 'TEXT'],
  ['sprints', 'goal', "TEXT NOT NULL DEFAULT ''"],
  ['issues', 'parent_key', 'TEXT'],
  ['issues', 'priority', "TEXT NOT NULL DEFAULT 'Medium'"],
  ['issue_properties', 'previous_value_text', 'TEXT'],
  ['issue_properties', 'written_at_ms', 'INTEGER NOT NULL DEFAULT 0'],
  ['kvs', 'previous_value_text', 'TEXT'],
  ['kvs', 'written_at_ms', 'INTEGER NOT NULL DEFAULT 0'],
  ['kvs', 'deleted', 'INTEGER NOT NULL DEFAULT 0'],
];

export const DB_FILE = 'learning-loop.sqlite';

export interface IssueDbRow {
  id: string;
  key: string;
  project_key: string;
  summary: string;
  description: string;
  issue_type: IssueRow['issueType'];
  status: IssueRow['status'];
  assignee: string | null;
  reporter: string;
  labels: string;
  sprint_id: number | null;
  created: string;
  updated: string;
  parent_key: string | null;
  priority: Priority | null;
}

export const issueOf = (row: IssueDbRow): IssueRow => ({
  id: row.id,
  key: row.key,
  projectKey: row.project_key,
  summary: row.summary,
  description: row.description,
  issueType: row.issue_type,
  status: row.status,
  assigneeAccountId: row.assignee,
  reporterAccountId: row.reporter,
  labels: JSON.parse(row.labels) as string[],
  sprintId: row.sprint_id,
  created: row.created,
  updated: row.updated,
  parentKey: row.parent_key,
  priority: row.priority ?? 'Medium',
});

/** Creates the tables, and adds the columns a database made before them lacks. */
export function migrate(db: Database.Database): void {
  db.exec(SCHEMA);
  db.exec(ISSUE_SECURITY_TABLE);
  for (const [table, column, definition] of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
}

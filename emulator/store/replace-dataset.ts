/** Writes a whole dataset into the store's tables, in place of what they held. */
import type Database from 'better-sqlite3';
import type { SiteDataset } from './rows';

const DATASET_TABLES = [
  'users',
  'projects',
  'grants',
  'sprints',
  'issues',
  'issue_properties',
  'sprint_properties',
  'kvs',
  'issue_security',
];

/** Run inside a transaction: the tables are emptied first. */
export function replaceDataset(db: Database.Database, data: SiteDataset): void {
  for (const table of DATASET_TABLES) db.exec(`DELETE FROM ${table}`);
  const addUser = db.prepare(
    'INSERT INTO users (account_id, handle, display_name, email, time_zone, default_level) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const u of data.users) addUser.run(u.accountId, u.handle, u.displayName, u.email, u.timeZone, u.defaultLevel);
  const addProject = db.prepare('INSERT INTO projects (id, key, name, lead_account_id) VALUES (?, ?, ?, ?)');
  for (const p of data.projects) addProject.run(p.id, p.key, p.name, p.leadAccountId);
  const addGrant = db.prepare('INSERT INTO grants (account_id, project_key, level) VALUES (?, ?, ?)');
  for (const g of data.grants) addGrant.run(g.accountId, g.projectKey, g.level);
  const addSprint = db.prepare(
    'INSERT INTO sprints (id, project_key, name, state, start_date, end_date, complete_date, goal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const s of data.sprints) {
    addSprint.run(s.id, s.projectKey, s.name, s.state, s.startDate, s.endDate, s.completeDate ?? null, s.goal ?? '');
  }
  const addIssue = db.prepare(
    `INSERT INTO issues (id, key, project_key, summary, description, issue_type, status, assignee, reporter, labels, sprint_id, created, updated, parent_key, priority)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const idByKey = new Map<string, string>();
  for (const i of data.issues) {
    addIssue.run(
      i.id,
      i.key,
      i.projectKey,
      i.summary,
      i.description,
      i.issueType,
      i.status,
      i.assigneeAccountId,
      i.reporterAccountId,
      JSON.stringify(i.labels),
      i.sprintId,
      i.created,
      i.updated,
      i.parentKey ?? null,
      i.priority ?? 'Medium',
    );
    idByKey.set(i.key, i.id);
  }
  const addProperty = db.prepare('INSERT INTO issue_properties (issue_id, key, value_text, created, updated) VALUES (?, ?, ?, ?, ?)');
  for (const p of data.properties) {
    const issueId = idByKey.get(p.issueKey);
    if (!issueId) throw new Error(`A seeded property names an unknown issue, ${p.issueKey}.`);
    addProperty.run(issueId, p.key, p.valueText, p.at, p.at);
  }
  const addSprintProperty = db.prepare(
    'INSERT INTO sprint_properties (sprint_id, key, value_text, created, updated) VALUES (?, ?, ?, ?, ?)',
  );
  for (const p of data.sprintProperties ?? []) addSprintProperty.run(p.sprintId, p.key, p.valueText, p.at, p.at);
  const addKvs = db.prepare('INSERT INTO kvs (space, key, value_text, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, NULL)');
  for (const k of data.kvs) addKvs.run('plain', k.key, k.valueText, Date.parse(k.at), Date.parse(k.at));
}

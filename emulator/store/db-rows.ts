// The users, projects and sprints tables' rows as better-sqlite3 returns them (schema.ts), and
// the store's rows made from them.
import type { PermissionLevel, ProjectRow, SprintRow, UserRow } from './rows';

export interface UserDbRow {
  account_id: string;
  handle: string;
  display_name: string;
  email: string;
  time_zone: string;
  default_level: PermissionLevel;
}

export interface ProjectDbRow {
  id: string;
  key: string;
  name: string;
  lead_account_id: string;
}

export interface SprintDbRow {
  id: number;
  project_key: string;
  name: string;
  state: SprintRow['state'];
  start_date: string;
  end_date: string;
  complete_date: string | null;
  goal: string | null;
}

export const userOf = (r: UserDbRow): UserRow => ({
  accountId: r.account_id,
  handle: r.handle,
  displayName: r.display_name,
  email: r.email,
  timeZone: r.time_zone,
  defaultLevel: r.default_level,
});

export const projectOf = (r: ProjectDbRow): ProjectRow => ({ id: r.id, key: r.key, name: r.name, leadAccountId: r.lead_account_id });

export const sprintOf = (r: SprintDbRow): SprintRow => ({
  id: r.id,
  projectKey: r.project_key,
  name: r.name,
  state: r.state,
  startDate: r.start_date,
  endDate: r.end_date,
  completeDate: r.complete_date ?? null,
  goal: r.goal ?? '',
});

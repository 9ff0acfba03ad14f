/** The rows the store holds, as the stand-ins read them, and the dataset a site is seeded with. */

/** `manage-sprints`: edit, and Jira Software's "Manage sprints" on the project's boards (start, edit, close sprints, sprint properties). */
export type PermissionLevel = 'none' | 'browse' | 'edit' | 'manage-sprints';

export interface UserRow {
  accountId: string;
  /** Short name used by the user switcher and by tests ("alice"). */
  handle: string;
  displayName: string;
  email: string;
  timeZone: string;
  /** What the user may do in projects without an explicit grant. */
  defaultLevel: PermissionLevel;
}

export interface ProjectRow {
  id: string;
  key: string;
  name: string;
  leadAccountId: string;
}

export interface SprintRow {
  id: number;
  projectKey: string;
  name: string;
  state: 'active' | 'closed' | 'future';
  startDate: string;
  endDate: string;
  /** When a closed sprint was completed (Jira's completeDate). */
  completeDate?: string | null;
  goal?: string;
}

/** Jira's default priority scheme, highest first. */
export const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface IssueRow {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  description: string;
  issueType: 'Story' | 'Task' | 'Bug' | 'Epic';
  /** `Closed` is not editable (jira.issue.editable=false): see jira/workflow.ts. */
  status: 'To Do' | 'In Progress' | 'In Review' | 'Done' | 'Closed';
  assigneeAccountId: string | null;
  reporterAccountId: string;
  labels: string[];
  sprintId: number | null;
  created: string;
  updated: string;
  /** The parent issue's key (an epic for stories, tasks and bugs); null or absent when none. */
  parentKey?: string | null;
  /** Absent means Medium, Jira's default. */
  priority?: Priority;
}

export interface PropertyRow {
  key: string;
  /** Exactly as written; normally JSON, but fault tests may store anything. */
  valueText: string;
  created: string;
  updated: string;
}

/** What Jira's search index holds for one property: it may lag behind the stored value. */
export interface IndexedPropertyRow {
  issueId: string;
  valueText: string;
  /** The value before the last write through the REST API (null: there was none). */
  previousValueText: string | null;
  /** Epoch ms (real clock) of the last write through the REST API; 0 for seeded values. */
  writtenAtMs: number;
}

export interface KvsRow {
  key: string;
  /** JSON text of the value. */
  valueText: string;
  createdAt: number;
  updatedAt: number;
  expireAt: number | null;
}

/** KVS spaces: plain keys, secrets, and custom entities (`entity:<name>`). */
export type KvsSpace = 'plain' | 'secret' | `entity:${string}`;

/** What a site is seeded with: Jira's data and the app's KVS entries. */
export interface SiteDataset {
  users: UserRow[];
  /** Explicit grants that override a user's default level. */
  grants: Array<{ accountId: string; projectKey: string; level: PermissionLevel }>;
  projects: ProjectRow[];
  sprints: SprintRow[];
  issues: IssueRow[];
  properties: Array<{ issueKey: string; key: string; valueText: string; at: string }>;
  /** Sprint entity properties (Agile API); absent: none. */
  sprintProperties?: Array<{ sprintId: number; key: string; valueText: string; at: string }>;
  /** Forge KVS entries of the app (e.g. kept revisions). */
  kvs: Array<{ key: string; valueText: string; at: string }>;
}

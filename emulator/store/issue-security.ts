/**
 * Issue security, as Jira's issue security levels reduce to for browsing: an issue with a level
 * is seen only by the level's members (here, a list of accounts per issue); the app sees it as
 * when its user is a member. An issue without a level follows its project's permissions alone.
 */
import type Database from 'better-sqlite3';

export const ISSUE_SECURITY_TABLE = `
CREATE TABLE IF NOT EXISTS issue_security (
  issue_id TEXT NOT NULL, account_id TEXT NOT NULL, PRIMARY KEY (issue_id, account_id));
`;

export type SecurityActor = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

/** The members of each issue that has a security level, read once (a search checks many issues). */
export type IssueMembers = ReadonlyMap<string, ReadonlySet<string>>;

export class IssueSecurity {
  constructor(private readonly db: Database.Database) {}

  /** Sets the issue's level to these accounts (null: no level, the project's permissions alone). */
  restrict(issueId: string, accountIds: readonly string[] | null): void {
    this.db.prepare('DELETE FROM issue_security WHERE issue_id = ?').run(issueId);
    const add = this.db.prepare('INSERT INTO issue_security (issue_id, account_id) VALUES (?, ?)');
    for (const accountId of accountIds ?? []) add.run(issueId, accountId);
  }

  members(): IssueMembers {
    const rows = this.db.prepare('SELECT issue_id, account_id FROM issue_security').all() as Array<{
      issue_id: string;
      account_id: string;
    }>;
    const members = new Map<string, Set<string>>();
    for (const row of rows) members.set(row.issue_id, (members.get(row.issue_id) ?? new Set()).add(row.account_id));
    return members;
  }
}

/** Whether the issue's level (if any) lets the actor see it; the project's permissions are checked apart. */
export function passesSecurity(members: IssueMembers, actor: SecurityActor, issueId: string): boolean {
  const level = members.get(issueId);
  if (!level || actor.kind === 'app') return true;
  return actor.kind === 'user' && level.has(actor.accountId);
}

/**
 * The `avi:jira:deleted:issue` product event: what the app kept in KVS about the issue (history,
 * claims, reuses either way, retro notes on it) is deleted with it. The event names the issue by
 * `issue.id` (events-reference/jira, "Issue deleted"); anything else is ignored.
 */
import { KvsIssueData } from '../forge/privacy/kvs-issue-data';

const ISSUE_ID = /^\d{1,18}$/;

export interface IssueDeletedEvent {
  eventType?: unknown;
  issue?: { id?: unknown };
}

export async function issueDeleted(event: IssueDeletedEvent): Promise<void> {
  const id = event?.issue?.id;
  if (event?.eventType !== 'avi:jira:deleted:issue' || typeof id !== 'string' || !ISSUE_ID.test(id)) return;
  await new KvsIssueData().forgetIssue(id);
}

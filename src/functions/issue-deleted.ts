import { NUMERIC_ID_PATTERN } from '../domain/record/identifiers';
/**
 * The `avi:jira:deleted:issue` product event: what the app kept in KVS about the issue (history,
 * claims, reuses either way, retro notes on it) is deleted with it. The event names the issue by
 * `issue.id` (events-reference/jira, "Issue deleted"); anything else is ignored.
 */
import { KvsIssueData } from '../forge/privacy/kvs-issue-data';
import { updateInsights } from '../app/insights/update-insights';
import { KvsInsightsStore } from '../forge/insights/kvs-insights-store';
import { JiraReuseCount } from '../forge/learned-before/jira-reuse-count';

export interface IssueDeletedEvent {
  eventType?: unknown;
  issue?: { id?: unknown };
}

/** The event is typed as documented, yet read as untrusted: `unknown` in, checked field by field. */
export async function issueDeleted(event: IssueDeletedEvent | null | undefined): Promise<void> {
  const id = event?.issue?.id;
  if (event?.eventType !== 'avi:jira:deleted:issue' || typeof id !== 'string' || !NUMERIC_ID_PATTERN.test(id)) return;
  // Its facts leave the insight aggregates first (they name what to take away); a failure
  // here is repaired by the scheduled rebuild and must not keep the issue's data.
  await updateInsights(new KvsInsightsStore(), id, null, new JiraReuseCount()).catch(() => undefined);
  await new KvsIssueData().forgetIssue(id);
}

/**
 * The save path's part in insights: the fields insights count come with the issue read the save
 * makes anyway (no extra Jira call), and after the write the issue's new facts are folded in.
 */
import { factsOf, type IssueFields } from '../../domain/insights/issue-facts';
import type { LearningRecord } from '../../domain/record/learning-record';
import type { InsightsStorePort } from '../../ports/insights/insights-store.port';
import type { ReuseCountPort } from '../../ports/learned-before/reuse-count.port';
import { updateInsights } from './update-insights';

export interface InsightsDeps {
  store: InsightsStorePort;
  /** The site's Sprint field id as cached (null: a site without Jira Software; undefined: not known yet, ask nothing). */
  sprintFieldId: () => Promise<string | null | undefined>;
  /** Where the earlier issues' reuse counts are written (none: not written). */
  reuseCounts?: ReuseCountPort;
}

/** What to ask the issue read for; undefined (ask nothing more) when the Sprint field cannot be known now. */
export async function insightFieldsToAsk(insights: InsightsDeps | undefined): Promise<{ sprintFieldId: string | null } | undefined> {
  if (!insights) return undefined;
  try {
    const sprintFieldId = await insights.sprintFieldId();
    return sprintFieldId === undefined ? undefined : { sprintFieldId };
  } catch {
    // A wrong period would be worse than none: the rebuild counts this issue instead.
    return undefined;
  }
}

export async function insightsAfterWrite(
  insights: InsightsDeps | undefined,
  fields: IssueFields | undefined,
  next: LearningRecord,
): Promise<void> {
  if (!insights || !fields) return;
  await updateInsights(insights.store, fields.issueId, factsOf(fields, next), insights.reuseCounts);
}

/**
 * The scheduled trigger (daily) that rebuilds the insight aggregates from every issue with a
 * record, as the app. Answers 204 with what it counted, 503 when Jira or storage failed (the
 * aggregates are left as they were; the next run tries again).
 */
import { rebuildInsights } from '../app/insights/rebuild-insights';
import { forgeRebuildDeps } from '../forge/insights/rebuild-deps';

export async function rebuildInsightsTrigger(): Promise<{ statusCode: number; body?: string }> {
  try {
    const summary = await rebuildInsights(forgeRebuildDeps());
    if (summary.writesRefused > 0)
      console.warn(`Insights rebuild: Jira refused ${summary.writesRefused} reuse count or text writes; the next run tries again.`);
    return { statusCode: 204, body: JSON.stringify(summary) };
  } catch (error) {
    console.error('Insights rebuild failed', error instanceof Error ? error.name : typeof error);
    return { statusCode: 503 };
  }
}

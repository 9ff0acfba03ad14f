/**
 * The scheduled trigger (daily) that rebuilds the insight aggregates from every issue with a
 * record, as the app. Answers 204 with what it counted, 503 when Jira or storage failed (the
 * aggregates are left as they were; the next run tries again).
 */
import { rebuildInsights } from '../app/insights/rebuild-insights';
import { JiraInsightsSource } from '../forge/insights/jira-insights-source';
import { KvsInsightsStore } from '../forge/insights/kvs-insights-store';
import { JiraSiteFacts } from '../forge/search/jira-site-facts';

export async function rebuildInsightsTrigger(): Promise<{ statusCode: number; body?: string }> {
  try {
    const site = new JiraSiteFacts();
    const summary = await rebuildInsights({
      source: new JiraInsightsSource(),
      store: new KvsInsightsStore(),
      sprintFieldId: () => site.sprintFieldId(),
    });
    return { statusCode: 204, body: JSON.stringify(summary) };
  } catch (error) {
    console.error('Insights rebuild failed', error instanceof Error ? error.name : typeof error);
    return { statusCode: 503 };
  }
}

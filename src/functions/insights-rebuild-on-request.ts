/**
 * The five-minute scheduled trigger that runs a rebuild a Jira admin asked for when "Rebuild
 * now" could not finish inside a resolver's 25 s. Without a request it makes one KVS read and
 * nothing else. Answers 204 with what it counted (or `{"requested":false}`), 503 when Jira or
 * storage failed (the request is kept: the next run tries again).
 */
import { rebuildOnRequest } from '../app/insights/rebuild-on-request';
import { forgeRebuildDeps } from '../forge/insights/rebuild-deps';

export async function rebuildInsightsOnRequest(): Promise<{ statusCode: number; body?: string }> {
  try {
    const summary = await rebuildOnRequest(forgeRebuildDeps());
    if (summary && summary.writesRefused > 0)
      console.warn(
        `Requested insights rebuild: Jira refused ${summary.writesRefused} reuse count or text writes; the next run tries again.`,
      );
    return { statusCode: 204, body: JSON.stringify(summary ?? { requested: false }) };
  } catch (error) {
    console.error('Requested insights rebuild failed', error instanceof Error ? error.name : typeof error);
    return { statusCode: 503 };
  }
}

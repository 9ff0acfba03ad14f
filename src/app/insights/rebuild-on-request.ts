/**
 * "Rebuild now" within a resolver's time, else in the background: the resolver rebuilds with a
 * deadline; a rebuild that cannot read every page by then writes nothing and leaves a request,
 * which the five-minute scheduled trigger (900 s) serves with the full rebuild.
 */
import type { InsightsRebuildAnswer } from '../../contract/insights';
import type { RebuildRequestPort } from '../../ports/insights/rebuild-request.port';
import { rebuildInsights, RebuildTooLong, type RebuildDeps, type RebuildSummary } from './rebuild-insights';

/**
 * Forge stops a resolver at 25 s (`limits-invocation`). Reading gets 15 s of it from the
 * invocation's start (the admin check included), leaving 10 s for the writes (`replaceAll`)
 * and the answer; a rebuild that needs more is run by the five-minute trigger instead.
 */
export const REBUILD_NOW_READ_BUDGET_MS = 15_000;

export interface RebuildNowDeps extends Omit<RebuildDeps, 'deadlineAt' | 'now'> {
  requests: Pick<RebuildRequestPort, 'save'>;
  now: () => number;
  /** When the invocation started (ms since the epoch): the budget counts from there. */
  startedAt: number;
}

export async function rebuildNowOrRequest(deps: RebuildNowDeps): Promise<InsightsRebuildAnswer> {
  try {
    // No reuse counts or texts here: their writes (one Jira call each, all of them on a first rebuild) are not
    // under the deadline; the triggers set them.
    const { issues, periods, projects } = await rebuildInsights({
      ...deps,
      reuseCounts: undefined,
      searchableText: undefined,
      deadlineAt: deps.startedAt + REBUILD_NOW_READ_BUDGET_MS,
    });
    return { state: 'done', issues, periods, projects };
  } catch (error) {
    if (!(error instanceof RebuildTooLong)) throw error;
    const request = { requestedAt: new Date(deps.now()).toISOString() };
    await deps.requests.save(request);
    return { state: 'requested', requestedAt: request.requestedAt };
  }
}

export interface RebuildOnRequestDeps extends Omit<RebuildDeps, 'deadlineAt' | 'now'> {
  requests: RebuildRequestPort;
}

/**
 * The five-minute trigger's work: nothing but one strictly consistent read when no request
 * waits; else the request taken (deleted) first, then the full rebuild. A request stored while it
 * reads survives for the next run (it asks for data the rebuild may have read before it changed);
 * one stored between the read and the delete is covered by this rebuild, which starts after it.
 * A rebuild that fails puts its request back, unless a newer one waits.
 */
export async function rebuildOnRequest(deps: RebuildOnRequestDeps): Promise<RebuildSummary | null> {
  const request = await deps.requests.pending();
  if (!request) return null;
  await deps.requests.clear(request);
  try {
    return await rebuildInsights(deps);
  } catch (error) {
    if (!(await deps.requests.pending().catch(() => null))) await deps.requests.save(request).catch(() => undefined);
    throw error;
  }
}

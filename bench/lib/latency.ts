/**
 * Invocation time under Forge's limits: every resolver invoked once with a
 * fixed latency added to each Jira and KVS call (the local site's fault injection),
 * as a slow platform would answer. An invocation that loops over issues or pages
 * would show here as calls × latency.
 */
import { macroContextFor, projectPageContextFor } from '../../test/support/invoke-contexts';
import type { AppSite } from '../../test/support/app-site';
import { underLatency } from './call-rounds';
import { draftOf, type LearningRecord } from '../../src/domain/record/learning-record';
import type { RetroView } from '../../src/contract/retro';
import { pathOfView, payloadOfPath } from '../../static/retro/src/state/retro-location';
import {
  countCalls,
  heaviestClosedSprint,
  MACRO_READER,
  PANEL_HYPOTHESIS,
  PANEL_ISSUE,
  PANEL_VIEWER,
  RETRO_PROJECT,
  servedResolvers,
  WHOLE_SET_CONFIG,
} from './operations';

export const FORGE_INVOCATION_LIMIT_MS = 25_000;
export const INVOCATION_GOAL_MS = 5_000;

export interface TimedInvocation {
  name: string;
  resolver: string;
  ms: number;
  jiraCalls: number;
  kvsCalls: number;
  /** Rounds of remote calls waited for one after another, from when each call started and ended (call-rounds.ts). */
  latencyRounds: number;
  /** The invocation's time outside every call: its own work (the local site's search CPU is inside the calls). */
  ownMs: number;
  /** rounds × latency + ownMs: the invocation against a Jira and a KVS that answer every call in exactly the added latency. */
  estimatedMs: number;
  ok: boolean;
  error?: string;
}

export async function measureInvocationsUnderLatency(site: AppSite, latencyMs: number): Promise<TimedInvocation[]> {
  // KVS calls get the same latency as Jira's (issue #14): both are remote calls from Forge's runtime.
  const faults = [site.faults.latency(latencyMs, { target: 'jira' }), site.faults.latency(latencyMs, { target: 'kvs' })];
  const served = new Set(servedResolvers());
  const out: TimedInvocation[] = [];
  const time = async (
    name: string,
    functionKey: string,
    payload: unknown,
    target: { issueKey?: string; context?: Record<string, unknown> },
    as = 'alice',
  ) => {
    if (!served.has(functionKey)) return undefined;
    const r = await site.invoke({ functionKey, payload, as, ...target });
    const { rounds, ownMs, estimatedMs } = underLatency(r.ms, r.calls, latencyMs);
    const result = r.result as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    out.push({
      name,
      resolver: functionKey,
      ms: r.ms,
      jiraCalls: countCalls(r.calls).jira,
      kvsCalls: countCalls(r.calls).kvs,
      latencyRounds: rounds,
      ownMs,
      estimatedMs,
      ok: result.ok,
      ...(result.ok ? {} : { error: `${result.error?.code}: ${result.error?.message}` }),
    });
    return result;
  };
  try {
    const opened = await time('open panel', 'learning/get', {}, { issueKey: PANEL_ISSUE }, PANEL_VIEWER);
    const record = (opened?.value as { record?: LearningRecord | null } | undefined)?.record;
    if (record) {
      const draft = draftOf(record);
      draft.learnings.push({ id: `bench-lat-${Date.now().toString(36)}`, text: 'Benchmark: saved under added latency.', surprise: false });
      await time('save', 'learning/save', { baseRevision: record.revision, draft }, { issueKey: PANEL_ISSUE });
    }
    await time('history', 'history/list', {}, { issueKey: PANEL_ISSUE });
    await time('people names', 'people/lookup', { accountIds: site.store.listUsers().map((u) => u.accountId) }, { issueKey: PANEL_ISSUE });
    await time('learned before', 'learnedBefore/find', { text: PANEL_HYPOTHESIS, tags: ['pricing', 'refunds'] }, { issueKey: PANEL_ISSUE });
    const macroCtx = macroContextFor(site, WHOLE_SET_CONFIG);
    const first = await time('macro page (first)', 'macro/list', {}, { context: macroCtx }, MACRO_READER);
    const token = (first?.value as { nextPageToken?: string | null } | undefined)?.nextPageToken;
    if (token) await time('macro page (next)', 'macro/list', { pageToken: token }, { context: macroCtx }, MACRO_READER);
    // Alice saved above: her first page is searched again with her write reconciled.
    await time("macro page (first), the viewer's own save minutes before", 'macro/list', {}, { context: macroCtx });
    await time('macro config: check JQL', 'jql/check', { jql: 'project = FLEX AND learningTags = pricing' }, { context: macroCtx });
    const projectCtx = projectPageContextFor(site, RETRO_PROJECT);
    const retro = await time('retro view (active sprint)', 'retro/open', {}, { context: projectCtx });
    // Reloaded: the payload the view sends on the URL it kept for that answer.
    const kept = retro?.ok ? pathOfView(retro.value as RetroView) : null;
    if (kept) await time('retro view (active sprint, reloaded on its URL)', 'retro/open', payloadOfPath(kept), { context: projectCtx });
    const heaviest = heaviestClosedSprint(site, RETRO_PROJECT);
    if (heaviest) {
      const view = await time(
        `retro view (closed sprint, ${heaviest.records} learnings)`,
        'retro/open',
        { sprintId: heaviest.id },
        { context: projectCtx },
      );
      // The export needs the board id: the one the view chose.
      const boardId = (view?.value as { board?: { id: number } | null } | undefined)?.board?.id;
      if (boardId) await time('retro export (closed sprint)', 'retro/export', { boardId, sprintId: heaviest.id }, { context: projectCtx });
    }
  } finally {
    for (const f of faults) site.faults.remove(f.id);
  }
  return out;
}

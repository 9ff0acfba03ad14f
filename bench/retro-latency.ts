/**
 * `npx tsx bench/retro-latency.ts -- --sizes=10000 --latency=300`: the retro view's active sprint
 * opened the first time (nothing named) and again as the view opens it after a reload (the board and
 * sprint of the first answer, from its URL or the browser's memory of it), then so again once the person's
 * remembered boards and sprints are over 5 minutes old ("stale"), with the latency added to every Jira and KVS
 * call (issue #14).
 * Prints ms, rounds (the chain of calls waited for one after another), calls, the invocation's own time outside its calls
 * and the estimate against a Jira answering in exactly the latency (rounds × latency + own time).
 */
import type { RetroOpenPayload } from '../src/contract/retro';
import { startAppSite, type AppSite } from '../test/support/app-site';
import { projectPageContextFor } from '../test/support/invoke-contexts';
import { seedSize } from './lib/dataset';
import { LATENCY_MS, SIZES } from './lib/options';
import { countCalls, RETRO_PROJECT } from './lib/operations';
import { underLatency } from './lib/call-rounds';
import { pathOfView, payloadOfPath } from '../static/retro/src/state/retro-location';

/** Makes the stored retro memory's boards and sprints lists 6 minutes old (its closed sprints' figures, kept a day, stay). */
function ageRememberedLists(site: AppSite): void {
  for (const row of site.store.kvsScan('plain', { prefix: 'retro-memory:', limit: 100, now: Date.now() })) {
    const stored = JSON.parse(row.valueText) as { boards: { at: number } | null; sprints: Record<string, { at: number }> };
    if (stored.boards) stored.boards.at -= 6 * 60 * 1000;
    for (const entry of Object.values(stored.sprints)) entry.at -= 6 * 60 * 1000;
    site.store.kvsSet('plain', row.key, JSON.stringify(stored), Date.now(), null);
  }
}

async function main(): Promise<void> {
  for (const size of SIZES) {
    const site = await startAppSite({ port: 0, demo: false });
    try {
      seedSize(site.store, size);
      const faults = [site.faults.latency(LATENCY_MS, { target: 'jira' }), site.faults.latency(LATENCY_MS, { target: 'kvs' })];
      let named: RetroOpenPayload = {};
      for (const opening of ['first', 'again', 'stale']) {
        if (opening === 'stale') ageRememberedLists(site);
        const r = await site.invoke({
          functionKey: 'retro/open',
          payload: opening === 'first' ? {} : named,
          as: 'alice',
          context: projectPageContextFor(site, RETRO_PROJECT),
        });
        // What the view sends on the URL it kept for this answer.
        const kept = r.result.ok ? pathOfView(r.result.value) : null;
        if (kept) named = payloadOfPath(kept);
        const { rounds, ownMs, estimatedMs } = underLatency(r.ms, r.calls, LATENCY_MS);
        const counts = countCalls(r.calls);
        const row = [size, opening, `${Math.round(r.ms)} ms`, `${rounds} rounds`, `${counts.jira} Jira`, `${counts.kvs} KVS`];
        console.log([...row, `own ${Math.round(ownMs)} ms`, `est. ${Math.round(estimatedMs)} ms`, `ok ${r.result.ok}`].join(' | '));
      }
      for (const f of faults) site.faults.remove(f.id);
    } finally {
      await site.close();
    }
  }
}

void main();

/**
 * `avi:forge:installed:app` and `avi:forge:upgraded:app` (events-reference/life-cycle): asks for a
 * rebuild, which the five-minute trigger serves. A version may index a property the records on the
 * site do not have yet (the learnings' texts moved into `learning-loop-text`): the rebuild writes
 * what lags within minutes instead of at the next daily run. Anything else is ignored.
 */
import { KvsRebuildRequest } from '../forge/insights/kvs-rebuild-request';

const LIFE_CYCLE_EVENTS = new Set(['avi:forge:installed:app', 'avi:forge:upgraded:app']);

export interface LifeCycleEvent {
  eventType?: unknown;
}

export async function appInstalledOrUpgraded(event: LifeCycleEvent | null | undefined): Promise<void> {
  if (typeof event?.eventType !== 'string' || !LIFE_CYCLE_EVENTS.has(event.eventType)) return;
  await new KvsRebuildRequest().save({ requestedAt: new Date().toISOString() });
}

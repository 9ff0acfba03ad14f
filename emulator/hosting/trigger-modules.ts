/**
 * The manifest's `scheduledTrigger` and `trigger` modules: which function each invokes, on
 * which interval or product events (manifest-reference/modules/scheduled-trigger and /trigger).
 */

/** `fiveMinute`, `hour`, `day` or `week`, as the scheduled trigger module documents. */
/** A scheduled trigger's interval when the manifest names none Forge knows. */
export const DAY_MS = 86_400_000;

export const SCHEDULE_INTERVAL_MS: Record<string, number> = {
  fiveMinute: 5 * 60_000,
  hour: 3_600_000,
  day: DAY_MS,
  week: 7 * DAY_MS,
};

export interface ScheduledTriggerModule {
  key: string;
  function: string;
  interval: string;
}

export interface EventTriggerModule {
  key: string;
  function: string;
  events: string[];
}

export interface TriggerModules {
  scheduled: ScheduledTriggerModule[];
  events: EventTriggerModule[];
}

export function triggerModulesOf(modules: Record<string, unknown> | undefined): TriggerModules {
  const list = (type: string) =>
    (Array.isArray(modules?.[type]) ? (modules[type] as unknown[]) : []).map((raw) => (raw ?? {}) as Record<string, unknown>);
  const scheduled = list('scheduledTrigger').flatMap((m) =>
    typeof m.key === 'string' && typeof m.function === 'string' && typeof m.interval === 'string'
      ? [{ key: m.key, function: m.function, interval: m.interval }]
      : [],
  );
  const events = list('trigger').flatMap((m) =>
    typeof m.key === 'string' && typeof m.function === 'string' && Array.isArray(m.events)
      ? [{ key: m.key, function: m.function, events: m.events.filter((e): e is string => typeof e === 'string') }]
      : [],
  );
  return { scheduled, events };
}

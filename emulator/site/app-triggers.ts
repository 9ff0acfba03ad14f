/**
 * The app's `scheduledTrigger` and `trigger` modules, run as Forge runs them: a scheduled
 * trigger's function gets `{ context: { cloudId, moduleKey }, contextToken }` and no principal;
 * a product event's function gets the event's payload. Both may run for the function's
 * `timeoutSeconds` (default 55 s, as the scheduled trigger module documents). Forge delivers
 * events asynchronously (up to 3 minutes late): here they are queued and delivered on the
 * next turn, and `settle()` waits for them. Schedules run on demand, or on a timer.
 */
import type { InvocationOutcome } from '../runtime/invocation';
import { InvocationError } from '../runtime/invocation';
import type { ModuleRegistry } from '../hosting/module-registry';
import { DAY_MS, SCHEDULE_INTERVAL_MS } from '../hosting/trigger-modules';
import type { FunctionCall, FunctionLoader } from './invoke-function';

/** "the default of 55 seconds" (manifest-reference/modules/scheduled-trigger). */
export const TRIGGER_DEFAULT_TIMEOUT_MS = 55_000;
export const LOCAL_CLOUD_ID = 'local-cloud-id';

/** One product event handed to one trigger module's function. */
export interface EventDelivery {
  moduleKey: string;
  eventType: string;
  ok: boolean;
  /** What the function returned, or why it failed. */
  result?: unknown;
  error?: string;
}

export interface ProductEvent {
  eventType: string;
  [field: string]: unknown;
}

export class AppTriggers {
  private pending: Array<Promise<void>> = [];
  private readonly log: EventDelivery[] = [];
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly registry: ModuleRegistry,
    private readonly functions: FunctionLoader,
    private readonly invoke: (call: FunctionCall) => Promise<InvocationOutcome>,
  ) {}

  /** Runs a `scheduledTrigger` module's function now, as its schedule would. */
  async runScheduled(moduleKey: string): Promise<InvocationOutcome> {
    const module = this.registry.triggers().scheduled.find((m) => m.key === moduleKey);
    if (!module) throw new Error(`The manifest declares no scheduledTrigger "${moduleKey}".`);
    const event = { context: { cloudId: LOCAL_CLOUD_ID, moduleKey }, contextToken: `local-context-token:${moduleKey}` };
    return this.invoke({
      functionKey: module.function,
      event,
      accountId: null,
      context: { moduleKey },
      source: 'host',
      timeoutMs: this.functions.timeoutMs(module.function, TRIGGER_DEFAULT_TIMEOUT_MS),
    });
  }

  /** Queues a product event for every `trigger` module subscribed to it (delivered on the next turn). */
  emit(event: ProductEvent): void {
    const payload = { ...event, timestamp: event.timestamp ?? String(Date.now()) };
    for (const module of this.registry.triggers().events.filter((m) => m.events.includes(event.eventType))) {
      const delivery = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.deliver(module.key, module.function, payload));
      this.pending.push(delivery);
    }
  }

  /** Waits until every event emitted so far has been delivered; returns every delivery so far. */
  async settle(): Promise<readonly EventDelivery[]> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      await Promise.all(batch);
    }
    return this.log;
  }

  /** Every product event delivered so far, oldest first. */
  get delivered(): readonly EventDelivery[] {
    return this.log;
  }

  /** Runs every scheduled trigger on its interval, divided by `speedUp` (e.g. for a demo); stop with `stopSchedules`. */
  startSchedules(speedUp = 1): void {
    this.stopSchedules();
    for (const module of this.registry.triggers().scheduled) {
      const every = (SCHEDULE_INTERVAL_MS[module.interval] ?? DAY_MS) / speedUp;
      const timer = setInterval(() => void this.runScheduled(module.key).catch(() => undefined), every);
      timer.unref();
      this.timers.push(timer);
    }
  }

  stopSchedules(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  private async deliver(moduleKey: string, functionKey: string, payload: ProductEvent): Promise<void> {
    try {
      const outcome = await this.invoke({
        functionKey,
        event: payload,
        accountId: null,
        context: { moduleKey },
        source: 'host',
        timeoutMs: this.functions.timeoutMs(functionKey, TRIGGER_DEFAULT_TIMEOUT_MS),
      });
      this.log.push({ moduleKey, eventType: payload.eventType, ok: true, result: outcome.result });
    } catch (error) {
      const message = error instanceof InvocationError || error instanceof Error ? error.message : String(error);
      this.log.push({ moduleKey, eventType: payload.eventType, ok: false, error: message });
    }
  }
}

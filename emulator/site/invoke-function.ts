/**
 * Invoking a `function` module that is not a resolver, as Forge does for a
 * glance's `dynamicProperties`, a macro's `adfExport` (and scheduled or
 * product-event triggers): the handler the manifest names (`handler:
 * index.glanceStatus` is src/index's `glanceStatus`), required by path on
 * first use, called as `handler(event, { principal, installContext })`, with
 * the same scope, 25 s limit, JSON round trip and accounting as a resolver.
 */
import path from 'node:path';
import type { InvocationRecord } from '../controls/accounting';
import type { ModuleRegistry } from '../hosting/module-registry';
import { runInvocation, type ForgeFunctionHandler, type InvocationOutcome } from '../runtime/invocation';
import type { ForgeHost } from '../runtime/invocation-scope';

/** A non-resolver function as Forge calls it: the event, then the invocation's context. */
export type ForgeEventHandler = (
  event: unknown,
  context: { principal: { accountId: string } | undefined; installContext: string },
) => unknown;

export interface FunctionCall {
  functionKey: string;
  event: unknown;
  /** The acting user's account id (the principal); null for none (a scheduled trigger). */
  accountId: string | null;
  /** How long it may run; default a resolver's 25 s. */
  timeoutMs?: number;
  /** The module context the invocation runs in (its product decides the installContext); default none (Jira). */
  context?: Record<string, unknown>;
  source: InvocationRecord['source'];
}

/** Loads the handlers of a manifest's `function` modules by key, each once. */
export class FunctionLoader {
  private readonly loaded = new Map<string, ForgeEventHandler>();

  constructor(
    private readonly registry: ModuleRegistry,
    private readonly overrides: Record<string, ForgeEventHandler> = {},
  ) {}

  /** The function's `timeoutSeconds` in ms, or `fallbackMs` when the manifest sets none. */
  timeoutMs(functionKey: string, fallbackMs: number): number {
    const seconds = this.registry.functionHandler(functionKey)?.timeoutSeconds;
    return seconds === undefined ? fallbackMs : Math.min(Math.max(seconds, 1), 900) * 1000;
  }

  handler(functionKey: string): ForgeEventHandler {
    const override = this.overrides[functionKey];
    if (override) return override;
    const known = this.loaded.get(functionKey);
    if (known) return known;
    const ref = this.registry.functionHandler(functionKey);
    if (!ref) throw new Error(`${path.basename(this.registry.manifestPath)} declares no function "${functionKey}".`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = (require(ref.file) as Record<string, unknown>)[ref.exportName];
    if (typeof exported !== 'function')
      throw new Error(`${path.relative(process.cwd(), ref.file)} does not export a \`${ref.exportName}\` function.`);
    this.loaded.set(functionKey, exported as ForgeEventHandler);
    return exported as ForgeEventHandler;
  }
}

export function runFunction(host: ForgeHost, handler: ForgeEventHandler, call: FunctionCall): Promise<InvocationOutcome> {
  // The resolver path's scope, timeout and accounting, with the event as the payload (JSON round-tripped).
  // Through a promise, so a handler that throws synchronously rejects as an async one does.
  const asEvent: ForgeFunctionHandler = (request, backend) => Promise.resolve().then(() => handler(request.call.payload, backend));
  return runInvocation(host, asEvent, {
    functionKey: call.functionKey,
    payload: call.event,
    context: call.context ?? {},
    accountId: call.accountId,
    source: call.source,
    ...(call.timeoutMs === undefined ? {} : { timeoutMs: call.timeoutMs }),
  });
}

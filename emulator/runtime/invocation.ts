/**
 * Invoking a resolver as Forge does: the user as principal, the module's
 * context, payload and result round-tripped through JSON, 25 s to answer,
 * every stand-in call of the invocation recorded with it.
 */
import { randomUUID } from 'node:crypto';
import type { CallRecord, InvocationRecord } from '../controls/accounting';
import { MAX_JSON_DEPTH, valueNestsDeeperThan } from '../shared/json-depth';
import {
  INVOCATION_TIMEOUT_MS,
  installContextOf,
  productOfContext,
  scopes,
  type ForgeHost,
  type InvocationScope,
} from './invocation-scope';

/** The resolver function as Forge calls it (what `makeResolver` returns). */
export type ForgeFunctionHandler = (
  request: { call: { functionKey: string; payload?: unknown; jobId?: string }; context: Record<string, unknown> },
  backend: { principal: { accountId: string }; installContext: string },
) => Promise<unknown>;

/** What a function gets besides its event: no principal when no user is involved (a scheduled trigger). */
export interface BackendContext {
  principal: { accountId: string } | undefined;
  installContext: string;
}

export interface InvocationOutcome {
  result: unknown;
  calls: CallRecord[];
  ms: number;
  invocationId: string;
}

export class InvocationError extends Error {
  constructor(
    message: string,
    readonly calls: CallRecord[],
    readonly invocationId: string,
    /** The name of what the function threw (e.g. `NEEDS_AUTHENTICATION_ERR`, which makes the host ask for consent). */
    readonly errorName?: string,
    /** Set when the platform refuses the invocation before the function runs (400: a payload it cannot parse). */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'InvocationError';
  }
}

/**
 * Invokes the resolver as Forge does: payload and result round-tripped
 * through JSON, the user as principal, 25 s to answer.
 */
export async function runInvocation(
  host: ForgeHost,
  handler: ForgeFunctionHandler,
  call: {
    functionKey: string;
    payload: unknown;
    context: Record<string, unknown>;
    /** The principal; null runs without a user (scheduled triggers). */
    accountId: string | null;
    source: InvocationRecord['source'];
    /** How long it may run; default a resolver's 25 s. */
    timeoutMs?: number;
  },
): Promise<InvocationOutcome> {
  const invocationId = randomUUID();
  // Forge's invocation service parses the payload as JSON (Jackson: at most 1,000 levels) and answers
  // 400 before any function runs; measured without recursion, so no RangeError here either.
  if (valueNestsDeeperThan(call.payload)) {
    throw new InvocationError(
      `Invalid request payload: JSON nests deeper than ${MAX_JSON_DEPTH} levels.`,
      [],
      invocationId,
      'BAD_REQUEST',
      400,
    );
  }
  const product = productOfContext(call.context);
  const scope: InvocationScope = {
    host,
    accountId: call.accountId,
    invocationId,
    moduleKey: typeof call.context.moduleKey === 'string' ? call.context.moduleKey : null,
    product,
    installContext: installContextOf(product),
    startedAt: Date.now(),
    timeoutMs: call.timeoutMs ?? INVOCATION_TIMEOUT_MS,
    calls: [],
  };
  const limitMs = scope.timeoutMs ?? INVOCATION_TIMEOUT_MS;
  const payload = call.payload === undefined ? undefined : (JSON.parse(JSON.stringify(call.payload)) as unknown);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`The function timed out: Forge stops it after ${limitMs / 1000} s.`));
    }, limitMs);
    timer.unref();
  });
  let ok = false;
  try {
    const raw = await Promise.race([
      scopes.run(scope, () =>
        handler(
          { call: { functionKey: call.functionKey, payload }, context: call.context },
          // A function without a user gets no principal, as Forge documents for scheduled triggers.
          {
            principal: (call.accountId === null ? undefined : { accountId: call.accountId }) as { accountId: string },
            installContext: scope.installContext,
          },
        ),
      ),
      timeout,
    ]);
    ok = true;
    const result = raw === undefined ? undefined : (JSON.parse(JSON.stringify(raw)) as unknown);
    return { result, calls: [...scope.calls], ms: Date.now() - scope.startedAt, invocationId };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const errorName = error instanceof Error ? error.name : undefined;
    throw new InvocationError(message, [...scope.calls], invocationId, errorName);
  } finally {
    clearTimeout(timer);
    host.accounting.recordInvocation({
      id: invocationId,
      functionKey: call.functionKey,
      accountId: call.accountId,
      source: call.source,
      ms: Date.now() - scope.startedAt,
      ok,
      calls: [...scope.calls],
    });
  }
}

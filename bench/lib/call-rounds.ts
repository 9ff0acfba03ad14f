/**
 * How many rounds of remote calls an invocation waited for one after another, read from when
 * each call started and ended (the local site's accounting), not from its wall time: the local
 * site's own search CPU runs in this process and stretches calls, so "wall time ÷ latency"
 * counts rounds that are not there (issue #14: "latency figures from sequential rounds").
 */

export interface TimedCall {
  /** When the function made the call (epoch ms). */
  startedAtMs: number;
  ms: number;
}

const endOf = (call: TimedCall): number => call.startedAtMs + call.ms;

/**
 * The longest chain of calls in which each one started only after the one before it had ended.
 * Calls made together (Promise.all) start within the same millisecond, long before any of them
 * answers, so they count once. An upper bound on the chain the code makes: a call that the
 * stand-in's CPU delayed past an unrelated call's answer counts after it, so the latency must be
 * long against that CPU.
 */
export function sequentialRounds(calls: readonly TimedCall[]): number {
  const byStart = [...calls].sort((a, b) => a.startedAtMs - b.startedAtMs);
  const chained: Array<{ end: number; depth: number }> = [];
  for (const call of byStart) {
    const before = chained.filter((earlier) => earlier.end <= call.startedAtMs).reduce((most, e) => Math.max(most, e.depth), 0);
    chained.push({ end: endOf(call), depth: before + 1 });
  }
  return chained.reduce((most, c) => Math.max(most, c.depth), 0);
}

/** Time during which at least one call was under way (the union of the calls' spans). */
export function timeInCalls(calls: readonly TimedCall[]): number {
  const spans = calls.map((c) => [c.startedAtMs, endOf(c)] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let open: [number, number] | null = null;
  for (const [from, to] of spans) {
    if (open && from <= open[1]) open[1] = Math.max(open[1], to);
    else {
      if (open) total += open[1] - open[0];
      open = [from, to];
    }
  }
  return open ? total + open[1] - open[0] : total;
}

export interface UnderLatency {
  /** Rounds of calls waited for one after another. */
  rounds: number;
  /** The invocation's time outside every call: its own work. */
  ownMs: number;
  /** rounds × latency + ownMs: the invocation against a Jira and a KVS that answer every call in exactly the latency. */
  estimatedMs: number;
}

export function underLatency(invocationMs: number, calls: readonly TimedCall[], latencyMs: number): UnderLatency {
  const rounds = sequentialRounds(calls);
  const ownMs = Math.max(0, invocationMs - timeInCalls(calls));
  return { rounds, ownMs, estimatedMs: rounds * latencyMs + ownMs };
}

/**
 * Installs the Forge runtime's seams in Node: `globalThis.__forge_fetch__`
 * and `globalThis.__forge_runtime__` (metrics, app context), while at least
 * one site runs in the process.
 */
import { forgeFetch } from './forge-fetch';
import { hosts, INVOCATION_TIMEOUT_MS, scopes, type ForgeHost } from './invocation-scope';

type Global = typeof globalThis & { __forge_fetch__?: unknown; __forge_runtime__?: unknown };

let saved: { fetch: unknown; runtime: unknown } | null = null;

const noopMetric = { incr() {}, decr() {}, set() {}, measure: () => ({ stop() {} }), stop() {} };

const runtime = {
  proxy: { token: 'local-proxy-token', url: 'http://localhost' },
  tracing: { traceId: 'local-trace', spanId: 'local-span' },
  container: { appCodeDir: process.cwd() },
  metrics: { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric },
  get aaid(): string | undefined {
    return scopes.getStore()?.accountId ?? undefined;
  },
  get appContext() {
    const scope = scopes.getStore();
    return {
      appId: 'local-learning-loop',
      appVersion: '0.0.0-local',
      environmentId: 'local-development',
      environmentType: 'DEVELOPMENT',
      invocationId: scope?.invocationId ?? 'outside-invocation',
      installationId: 'local-installation',
      moduleKey: scope?.moduleKey ?? undefined,
      license: undefined,
      // The manifest's scopes, as Forge gives them to the running app.
      permissions: { scopes: [...((scope?.host ?? hosts[hosts.length - 1])?.contract?.permissions.scopes() ?? [])], external: {} },
    };
  },
  get lambdaContext() {
    const scope = scopes.getStore();
    const startedAt = scope?.startedAt ?? Date.now();
    const limit = scope?.timeoutMs ?? INVOCATION_TIMEOUT_MS;
    return { getRemainingTimeInMillis: () => Math.max(0, limit - (Date.now() - startedAt)) };
  },
};

/** Makes this host answer Forge calls; the first host installs the globals. */
export function attachHost(host: ForgeHost): void {
  const g = globalThis as Global;
  if (hosts.length === 0) {
    saved = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };
    g.__forge_fetch__ = forgeFetch;
    g.__forge_runtime__ = runtime;
  }
  hosts.push(host);
}

/** The last host to leave restores whatever globals were there before. */
export function detachHost(host: ForgeHost): void {
  const index = hosts.indexOf(host);
  if (index >= 0) hosts.splice(index, 1);
  if (hosts.length === 0 && saved) {
    const g = globalThis as Global;
    g.__forge_fetch__ = saved.fetch;
    g.__forge_runtime__ = saved.runtime;
    saved = null;
  }
}

// The offline sandbox a lint run happens in: Statsig answering "unknown", no network, and
// environment, working directory and patched methods put back afterwards.
import http from 'node:http';
import https from 'node:https';
import { StatsigReader, type DynamicConfig, type DynamicConfigKey } from '@forge/cli-shared';

/**
 * Feature gates and dynamic configs as the CLI sees them offline: `StatsigService` catches its
 * failed fetch and returns null, and every `StatsigReader` getter then falls back to its default.
 */
export class OfflineStatsig extends StatsigReader {
  override checkGate(): Promise<boolean | null> {
    return Promise.resolve(null);
  }
  override getDynamicConfig<F extends DynamicConfigKey>(): Promise<DynamicConfig[F] | null> {
    return Promise.resolve(null);
  }
}

class NetworkRefusedError extends Error {
  constructor(what: string) {
    super(`forge-lint runs offline, but something tried to reach the network: ${what}`);
    this.name = 'NetworkRefusedError';
  }
}

export function setEnv(values: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = value;
    }
  };
}

export function patch<T extends object, K extends keyof T>(target: T, key: K, make: (original: T[K]) => T[K]): () => void {
  const original = target[key];
  target[key] = make(original);
  return () => {
    target[key] = original;
  };
}

export function refuseNetwork(attempts: string[]): Array<() => void> {
  const refuse = (what: string): never => {
    attempts.push(what);
    throw new NetworkRefusedError(what);
  };
  const describe = (input: unknown): string => {
    if (typeof input === 'string') return input;
    if (input instanceof URL) return input.href;
    const options = (input ?? {}) as { url?: string; host?: string };
    return options.url ?? options.host ?? 'a request';
  };
  // fetch answers a rejected promise, as a real network failure does; http(s) throws at once.
  const refusedFetch = (input: unknown) =>
    new Promise<never>(() => {
      refuse(`fetch ${describe(input)}`);
    });
  return [
    patch(globalThis, 'fetch', () => refusedFetch),
    patch(http, 'request', () => (input: unknown) => refuse(`http.request ${describe(input)}`)),
    patch(http, 'get', () => (input: unknown) => refuse(`http.get ${describe(input)}`)),
    patch(https, 'request', () => (input: unknown) => refuse(`https.request ${describe(input)}`)),
    patch(https, 'get', () => (input: unknown) => refuse(`https.get ${describe(input)}`)),
  ];
}

export function chdir(directory: string): () => void {
  const before = process.cwd();
  process.chdir(directory);
  return () => {
    process.chdir(before);
  };
}

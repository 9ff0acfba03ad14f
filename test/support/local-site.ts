/**
 * The local site for a test file: started on a free port before the file's
 * tests (or the describe block's), closed after them, and, when asked, put
 * back to the demo data before each test. Also the call filters the resolver
 * tests read the accounting with.
 */
import type { CallRecord } from '../../emulator';
import { startAppSite, type AppSite, type AppSiteOptions } from './app-site';

export interface LocalSiteOptions {
  /** How the site starts (the port is always a free one). */
  start?: Omit<AppSiteOptions, 'port'>;
  /** Before each test: put the demo data back ('demo-data'), and also empty the call log ('demo-data-and-calls'). */
  resetBeforeEach?: 'demo-data' | 'demo-data-and-calls';
}

/**
 * Registers the hooks and returns the site. The value can be held from the
 * start (`const site = useLocalSite()`): it forwards to the site once
 * `beforeAll` has started it.
 */
export function useLocalSite(options: LocalSiteOptions = {}): AppSite {
  let current: AppSite | undefined;

  beforeAll(async () => {
    current = await startAppSite({ ...options.start, port: 0 });
  });

  afterAll(async () => {
    await current?.close();
  });

  if (options.resetBeforeEach) {
    const resetCalls = options.resetBeforeEach === 'demo-data-and-calls';
    beforeEach(() => {
      const site = started(current);
      site.reset();
      if (resetCalls) site.accounting.reset();
    });
  }

  return startedLater(() => started(current));
}

function started(site: AppSite | undefined): AppSite {
  if (!site) throw new Error('The local site is not started yet: use it inside a test or a hook.');
  return site;
}

/** A stand-in for an object made in a hook: every property read goes to the object itself, methods bound to it. */
export function startedLater<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_stub, key) {
      const target = current();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (...args: unknown[]): unknown => Reflect.apply(value, target, args) : value;
    },
    has(_stub, key) {
      return Reflect.has(current(), key);
    },
  });
}

/** Calls to Jira, as the user or as the app. */
export const jiraCalls = (calls: CallRecord[]): CallRecord[] => calls.filter((c) => c.provider === 'user' || c.provider === 'app');

/** Writes of an issue property. */
export const propertyWrites = (calls: CallRecord[]): CallRecord[] =>
  calls.filter((c) => c.endpoint.startsWith('PUT ') && c.endpoint.includes('properties'));

/**
 * For the tests in the enclosing describe block that read their own KVS writes back through
 * `kvs.query` at once. Forge does not promise that (its queries are eventually consistent,
 * storage-reference/kvs "Data consistency"; the site lags them by default): while these tests
 * run, queries see every write at once. Where the app itself depends on it, an `it.failing`
 * test says so (test/resolvers/eventual-consistency.test.ts).
 */
export function instantKvsQueries(site: Pick<AppSite, 'kvs'>): void {
  let before = 0;
  beforeEach(() => {
    before = site.kvs.settings.queryDelayMs;
    site.kvs.settings.queryDelayMs = 0;
  });
  afterEach(() => {
    site.kvs.settings.queryDelayMs = before;
  });
}

/** Waits until KVS queries list what was just written: the site's query lag, and a margin (as a daily job's readers would). */
export async function afterKvsQueryLag(site: Pick<AppSite, 'kvs'>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, site.kvs.settings.queryDelayMs + 100));
}

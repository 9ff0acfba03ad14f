/**
 * The emulator's tests run against the demo site (its users, FLEX-112...),
 * seeded through the emulator's public API: started on a free port before a
 * file's tests, closed after them, and, when asked, reset before each test.
 */
import { demoSeed, DEMO_PRESENTATION } from '../../../demo';
import { startSite, type LocalSite, type StartSiteOptions } from '../../index';

export interface DemoSiteOptions {
  /** How the site starts (the port is always a free one); `demo: false` starts it empty. */
  start?: Omit<StartSiteOptions, 'port'> & { demo?: boolean };
  /** Before each test: put the demo data back ('demo-data'), and also empty the call log ('demo-data-and-calls'). */
  resetBeforeEach?: 'demo-data' | 'demo-data-and-calls';
}

/** startSite() with the demo's seed and presentation. */
export function startDemoSite(options: StartSiteOptions & { demo?: boolean } = {}): Promise<LocalSite> {
  const { demo = true, ...rest } = options;
  return startSite({ ...(demo ? { seed: demoSeed() } : {}), presentation: DEMO_PRESENTATION, ...rest });
}

/** Registers the hooks and returns the site, usable from the start: it forwards to the site once `beforeAll` has started it. */
export function useDemoSite(options: DemoSiteOptions = {}): LocalSite {
  let current: LocalSite | undefined;
  beforeAll(async () => {
    current = await startDemoSite({ ...options.start, port: 0 });
  });
  afterAll(async () => {
    await current?.close();
  });
  if (options.resetBeforeEach) {
    const resetCalls = options.resetBeforeEach === 'demo-data-and-calls';
    beforeEach(() => {
      started(current).reset();
      if (resetCalls) started(current).accounting.reset();
    });
  }
  return new Proxy({} as LocalSite, {
    get(_stub, key) {
      const target = started(current);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function started(site: LocalSite | undefined): LocalSite {
  if (!site) throw new Error('The site is not started yet: use it inside a test or a hook.');
  return site;
}

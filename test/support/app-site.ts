/**
 * The emulator typed for this app: `invoke` knows each resolver's result
 * (the emulator itself knows nothing of the app), over the demo site.
 */
import { DEMO_PRESENTATION, demoSeed } from '../../demo';
import { startSite, type InvokeRequest, type InvokeResult, type LocalSite, type SiteSeed, type StartSiteOptions } from '../../emulator';
import type { LearningLoopDefs } from '../../src/contract/resolvers';

/** What a resolver of the app answers; unknown for a key the app does not define (tests send those too). */
export type ResultOf<K extends string> = K extends keyof LearningLoopDefs ? Awaited<ReturnType<LearningLoopDefs[K]>> : unknown;

export interface AppInvokeRequest<K extends string> extends InvokeRequest {
  functionKey: K;
}

export interface AppSite extends Omit<LocalSite, 'invoke'> {
  invoke<K extends string>(request: AppInvokeRequest<K>): Promise<InvokeResult<ResultOf<K>>>;
}

export interface AppSiteOptions extends StartSiteOptions {
  /** false: an empty site (the benchmarks seed their own sizes). Default true: the demo. */
  demo?: boolean;
}

/** The same site, typed for the app (a type only: nothing changes at run time). */
export const asAppSite = (site: LocalSite): AppSite => site;

/** startSite() with the demo's seed and presentation, typed for the app. */
export async function startAppSite(options: AppSiteOptions = {}): Promise<AppSite> {
  const { demo = true, ...rest } = options;
  return asAppSite(
    await startSite({ ...(demo ? { seed: withPanelOnEveryIssue(demoSeed()) } : {}), presentation: DEMO_PRESENTATION, ...rest }),
  );
}

/**
 * The app's tests open the issue panel on many issues: as if a Jira admin had chosen "Show for
 * all work items" (the demo itself has it added on FLEX-112 only; see the emulator's README).
 */
export function withPanelOnEveryIssue(seed: SiteSeed): SiteSeed {
  return { ...seed, issuePanels: () => ({ pinned: ['learning-panel'] }) };
}

/**
 * Every user-facing operation, run through the real resolver on the local
 * site, with the remote calls it made (from the site's accounting), each set
 * beside its lower bound and beside a naive design (one property read per
 * issue).
 */
import type { AppSite } from '../../test/support/app-site';
import { type OperationResult } from './operation-runs';
import { measureMacroOperations } from './operations-macro';
import { measurePanelOperations } from './operations-panel';
import { measureRetroOperations } from './operations-retro';

export {
  countCalls,
  JIRA_FIELDS_PAGE,
  JIRA_IDS_PAGE,
  MACRO_READER,
  PANEL_HYPOTHESIS,
  PANEL_ISSUE,
  PANEL_VIEWER,
  RETRO_PROJECT,
  WHOLE_SET_CONFIG,
  type CallCounts,
  type OperationResult,
} from './operation-runs';
export { heaviestClosedSprint, recordsInSprint } from './operations-retro';

/** The resolver keys the app serves right now (surfaces land over time). */
export function servedResolvers(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../../src/resolvers/index') as { resolverKeys?: string[] };
  return mod.resolverKeys ?? [];
}

export interface OperationOptions {
  /** Page through the whole set (slow on the stand-in at 10,000: its search re-evaluates the JQL for every page). */
  wholeSet?: boolean;
}

/** Every operation once, on the site's current data. Order matters only for save (it runs after open). */
export async function measureOperations(site: AppSite, options: OperationOptions = {}): Promise<OperationResult[]> {
  const served = new Set(servedResolvers());
  return [
    ...(await measurePanelOperations(site, served)),
    ...(await measureMacroOperations(site, options)),
    ...(await measureRetroOperations(site, served)),
  ];
}

/**
 * The Insights tab's data: one `insights/open` call when the tab is first shown, again only on
 * "Try again". An answer that arrives after the tab is gone is dropped.
 */
import type { AppErrorBody } from '../../../../../src/contract/errors';
import type { InsightsView } from '../../../../../src/contract/insights';
import { call } from '../../../../shared/bridge-client';
import { useNewestLoad } from '../../../../shared/use-newest-load';

export type InsightsLoad = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; view: InsightsView };

const LOADING: InsightsLoad = { kind: 'loading' };

async function openInsights(): Promise<InsightsLoad> {
  const result = await call('insights/open', {});
  return result.ok ? { kind: 'ready', view: result.value } : { kind: 'error', error: result.error };
}

export function useInsights(): { load: InsightsLoad; retry: () => void } {
  return useNewestLoad(openInsights, LOADING);
}

/**
 * The macro's data: the page's stored config (from the context), then one `insights/open` call
 * with its projects and periods, asked as the page's viewer. Again only on "Try again"; an
 * answer that arrives after a newer question, or after the macro is gone, is dropped.
 */
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { InsightsView } from '../../../../src/contract/insights';
import { call, firstContext } from '../../../shared/bridge-client';
import { useNewestLoad } from '../../../shared/use-newest-load';
import { insightsConfigFromContext, openPayloadOf, type InsightsMacroConfig } from '../state/insights-macro-config';

export type MacroInsightsLoad =
  | { kind: 'loading' }
  | { kind: 'error'; error: AppErrorBody }
  | { kind: 'ready'; view: InsightsView; config: InsightsMacroConfig; siteUrl: string | null };

const CONTEXT_UNREADABLE: AppErrorBody = {
  code: 'APP_UNREACHABLE',
  message: 'Confluence did not say which projects this macro shows. Reload the page.',
};

async function loadOnce(): Promise<MacroInsightsLoad> {
  let context: unknown;
  try {
    context = await firstContext();
  } catch {
    return { kind: 'error', error: CONTEXT_UNREADABLE };
  }
  const config = insightsConfigFromContext(context);
  const url = (context as { siteUrl?: unknown } | null)?.siteUrl;
  const result = await call('insights/open', openPayloadOf(config));
  if (!result.ok) return { kind: 'error', error: result.error };
  return { kind: 'ready', view: result.value, config, siteUrl: typeof url === 'string' ? url : null };
}

const LOADING: MacroInsightsLoad = { kind: 'loading' };

export function useMacroInsights(): { load: MacroInsightsLoad; retry: () => void } {
  return useNewestLoad(loadOnce, LOADING);
}

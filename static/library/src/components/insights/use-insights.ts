/**
 * The Insights tab's data: one `insights/open` call when the tab is first shown, again only on
 * "Try again". An answer that arrives after the tab is gone is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody } from '../../../../../src/contract/errors';
import type { InsightsView } from '../../../../../src/contract/insights';
import { call } from '../../../../shared/bridge-client';

export type InsightsLoad = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; view: InsightsView };

export function useInsights(): { load: InsightsLoad; retry: () => void } {
  const [load, setLoad] = useState<InsightsLoad>({ kind: 'loading' });
  const generation = useRef(0);
  /** Asks once; only the newest question's answer is shown. */
  const ask = useCallback(() => {
    generation.current += 1;
    const mine = generation.current;
    void call('insights/open', {}).then((result) => {
      if (mine !== generation.current) return;
      setLoad(result.ok ? { kind: 'ready', view: result.value } : { kind: 'error', error: result.error });
    });
  }, []);
  useEffect(() => {
    ask();
    return () => {
      generation.current += 1;
    };
  }, [ask]);
  const retry = useCallback(() => {
    setLoad({ kind: 'loading' });
    ask();
  }, [ask]);
  return { load, retry };
}

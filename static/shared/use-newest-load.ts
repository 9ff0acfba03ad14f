/**
 * A view's data loaded once on mount and again on "Try again": only the newest question's answer is
 * shown, and none arrives after the view is gone. `fetchLoad` must be stable (module-level or memoised).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useNewestLoad<T>(fetchLoad: () => Promise<T>, loading: T): { load: T; retry: () => void } {
  const [load, setLoad] = useState<T>(loading);
  const generation = useRef(0);
  const ask = useCallback(() => {
    generation.current += 1;
    const mine = generation.current;
    void fetchLoad().then((loaded) => {
      if (mine === generation.current) setLoad(loaded);
    });
  }, [fetchLoad]);
  useEffect(() => {
    ask();
    return () => {
      generation.current += 1;
    };
  }, [ask]);
  const retry = useCallback(() => {
    setLoad(loading);
    ask();
  }, [ask, loading]);
  return { load, retry };
}

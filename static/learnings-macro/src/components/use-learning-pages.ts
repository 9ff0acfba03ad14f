/**
 * The macro's data: the first page after one resolver call, the next pages on
 * demand, the total (one `macro/count` call after the first screen, only when
 * there is more to load), the authors' names (one `people/lookup` call per page, after it is on
 * screen), the site's address for links, and a clock for "2 hours ago".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody } from '../../../../src/contract/errors';
import { call, firstCall, getContext } from '../../../shared/bridge-client';
import { useAuthorNames } from '../../../shared/learnings/use-author-names';
import { appendPage, firstPage, type Loaded } from '../../../shared/learnings/view-state';

export type Load = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; loaded: Loaded };
export interface MoreState {
  busy: boolean;
  error: AppErrorBody | null;
}

function useSiteAndClock() {
  const [siteUrl, setSiteUrl] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    void getContext()
      .then((context) => {
        const url = (context as { siteUrl?: unknown }).siteUrl;
        if (typeof url === 'string') setSiteUrl(url);
      })
      .catch(() => undefined);
    const timer = window.setInterval(() => {
      setNow(new Date());
    }, 60_000);
    return () => {
      window.clearInterval(timer);
    };
  }, []);
  return { siteUrl, now, setNow };
}

export function useLearningPages() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [moreState, setMoreState] = useState<MoreState>({ busy: false, error: null });
  /** Jira's approximate count of the whole result; null until known (or when it could not be had). */
  const [estimate, setEstimate] = useState<number | null>(null);
  const { siteUrl, now, setNow } = useSiteAndClock();
  const { names, nameAuthors: nameCards } = useAuthorNames();
  const nameAuthors = useCallback(
    (loaded: Loaded) => (loaded.config.show.author ? nameCards(loaded.cards) : Promise.resolve()),
    [nameCards],
  );
  /** Bumped by each first load: an answer for an older one is dropped. */
  const generation = useRef(0);
  const busyRef = useRef(false);

  const showFirst = useCallback(
    (mine: number, result: Awaited<ReturnType<typeof call<'macro/list'>>>) => {
      if (mine !== generation.current) return;
      setNow(new Date());
      if (!result.ok) {
        setLoad({ kind: 'error', error: result.error });
        return;
      }
      const loaded = firstPage(result.value);
      setLoad({ kind: 'ready', loaded });
      void nameAuthors(loaded);
      // Lazily, after the first screen: a total is only needed when there is more than is shown.
      if (loaded.nextPageToken !== null) {
        void call('macro/count', {}).then((counted) => {
          if (mine === generation.current && counted.ok) setEstimate(counted.value.count);
        });
      }
    },
    [nameAuthors, setNow],
  );

  /** Fetches the first page into whatever the view shows meanwhile (the first render starts as loading). */
  const fetchFirst = useCallback(() => {
    const mine = ++generation.current;
    return firstCall('macro/list', {}).then((result) => {
      showFirst(mine, result);
    });
  }, [showFirst]);

  useEffect(() => {
    void fetchFirst();
  }, [fetchFirst]);

  /** Retry and Refresh: back to loading, then the first page again. */
  const loadFirst = useCallback(async () => {
    setLoad({ kind: 'loading' });
    setMoreState({ busy: false, error: null });
    setEstimate(null);
    await fetchFirst();
  }, [fetchFirst]);

  const loaded = load.kind === 'ready' ? load.loaded : null;
  const loadMore = useCallback(async () => {
    if (!loaded?.nextPageToken || busyRef.current) return;
    const mine = generation.current;
    busyRef.current = true;
    setMoreState({ busy: true, error: null });
    const result = await call('macro/list', { pageToken: loaded.nextPageToken });
    busyRef.current = false;
    if (mine !== generation.current) return;
    if (!result.ok) {
      setMoreState({ busy: false, error: result.error });
      return;
    }
    const next = appendPage(loaded, result.value);
    setLoad({ kind: 'ready', loaded: next });
    setMoreState({ busy: false, error: null });
    void nameAuthors({ ...next, cards: result.value.cards });
  }, [loaded, nameAuthors]);

  return { load, moreState, estimate, names, siteUrl, now, loadFirst, loadMore };
}

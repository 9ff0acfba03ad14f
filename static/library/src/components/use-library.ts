/**
 * The library's data for the current filters: the first page after one `library/list` call, the
 * next pages on demand (the same filters with the page token), the total (one `library/count` call
 * after the first screen, only when there is more), the authors' names, the projects facet (one
 * `library/projects` call), the site's address for links, and a clock for "2 hours ago".
 * A change of filters starts again; an answer for older filters is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { LibraryFilters, LibraryPage, LibraryProject } from '../../../../src/contract/library';
import { call, firstCall, getContext } from '../../../shared/bridge-client';
import { useAuthorNames } from '../../../shared/learnings/use-author-names';

export interface LibraryLoaded {
  cards: LibraryPage['cards'];
  nextPageToken: string | null;
  jql: string;
}
export type LibraryLoad = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; loaded: LibraryLoaded };
export interface MoreState {
  busy: boolean;
  error: AppErrorBody | null;
}

export function useSiteUrl(): string | null {
  return useViewer().siteUrl;
}

/** The site's address and the viewer's account id, from the Forge context; null until known. */
export function useViewer(): { siteUrl: string | null; accountId: string | null } {
  const [viewer, setViewer] = useState<{ siteUrl: string | null; accountId: string | null }>({ siteUrl: null, accountId: null });
  useEffect(() => {
    void getContext()
      .then((context) => {
        const { siteUrl, accountId } = context as { siteUrl?: unknown; accountId?: unknown };
        setViewer({ siteUrl: typeof siteUrl === 'string' ? siteUrl : null, accountId: typeof accountId === 'string' ? accountId : null });
      })
      .catch(() => undefined);
  }, []);
  return viewer;
}

/** The projects the person may browse, for the project filter; empty until known (or when Jira could not say). */
function useProjects(): LibraryProject[] {
  const [projects, setProjects] = useState<LibraryProject[]>([]);
  useEffect(() => {
    void call('library/projects').then((result) => {
      if (result.ok) setProjects(result.value.projects);
    });
  }, []);
  return projects;
}

/** An issue already shown (the order shifted while paging) is not repeated. */
function appended(loaded: LibraryLoaded, page: LibraryPage): LibraryLoaded {
  const seen = new Set(loaded.cards.map((c) => c.issue.id));
  return { ...loaded, cards: [...loaded.cards, ...page.cards.filter((c) => !seen.has(c.issue.id))], nextPageToken: page.nextPageToken };
}

const LOADING: LibraryLoad = { kind: 'loading' };
const IDLE: MoreState = { busy: false, error: null };

/** A value and the filters it belongs to: a change of filters makes it stale at once, without an effect resetting it. */
type For<T> = { for: LibraryFilters; value: T } | null;
const valueFor = <T>(held: For<T>, filters: LibraryFilters, otherwise: T): T => (held?.for === filters ? held.value : otherwise);

export function useLibrary(filters: LibraryFilters) {
  const [answer, setAnswer] = useState<For<LibraryLoad>>(null);
  const [more, setMore] = useState<For<MoreState>>(null);
  /** Jira's approximate count of the whole result; null until known (or when it could not be had). */
  const [estimate, setEstimate] = useState<For<number>>(null);
  const [now, setNow] = useState(() => new Date());
  const { names, nameAuthors } = useAuthorNames();
  const generation = useRef(0);
  const busy = useRef(false);

  const showFirst = useCallback(
    (mine: number, result: Awaited<ReturnType<typeof call<'library/list'>>>) => {
      if (mine !== generation.current) return;
      setNow(new Date());
      if (!result.ok) {
        setAnswer({ for: filters, value: { kind: 'error', error: result.error } });
        return;
      }
      const { cards, nextPageToken, jql } = result.value;
      setAnswer({ for: filters, value: { kind: 'ready', loaded: { cards, nextPageToken, jql } } });
      void nameAuthors(cards);
      // Lazily, after the first screen: a total is only needed when there is more than is shown.
      if (nextPageToken !== null) {
        void call('library/count', { filters }).then((counted) => {
          if (mine === generation.current && counted.ok) setEstimate({ for: filters, value: counted.value.count });
        });
      }
    },
    [filters, nameAuthors],
  );

  /** Sets state only once answered, so it may run from the effect that follows the filters. */
  const fetchFirst = useCallback(() => {
    const mine = ++generation.current;
    // The first screen's call was started at load (main.tsx) for the filters a page opens with.
    return firstCall('library/list', { filters }).then((result) => {
      showFirst(mine, result);
    });
  }, [filters, showFirst]);

  useEffect(() => {
    void fetchFirst();
  }, [fetchFirst]);

  /** "Try again": back to loading, then the first page again. */
  const loadFirst = useCallback(async () => {
    setAnswer(null);
    setMore(null);
    setEstimate(null);
    await fetchFirst();
  }, [fetchFirst]);

  const load = valueFor(answer, filters, LOADING);
  const loaded = load.kind === 'ready' ? load.loaded : null;
  const loadMore = useCallback(async () => {
    if (!loaded?.nextPageToken || busy.current) return;
    const mine = generation.current;
    busy.current = true;
    setMore({ for: filters, value: { busy: true, error: null } });
    const result = await call('library/list', { filters, pageToken: loaded.nextPageToken });
    busy.current = false;
    if (mine !== generation.current) return;
    if (!result.ok) {
      setMore({ for: filters, value: { busy: false, error: result.error } });
      return;
    }
    setAnswer({ for: filters, value: { kind: 'ready', loaded: appended(loaded, result.value) } });
    setMore({ for: filters, value: IDLE });
    void nameAuthors(result.value.cards);
  }, [filters, loaded, nameAuthors]);

  return {
    load,
    moreState: valueFor(more, filters, IDLE),
    estimate: valueFor(estimate, filters, null),
    names,
    now,
    ...useViewer(),
    projects: useProjects(),
    loadFirst,
    loadMore,
  };
}

/**
 * The Jira global page "Learning Loop": two tabs. The library: filters above the learnings every
 * one of them finds, as the person may browse them. Insights: figures per project and period,
 * loaded on demand when the tab is first opened.
 */
import { useCallback, useMemo, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { LibraryFilters } from '../../../src/contract/library';
import { onDemand } from '../../shared/on-demand';
import { LibraryFiltersView } from './components/library-filters';
import { PageTabs, type PageTab } from './components/page-tabs';
import { LibraryResults } from './components/library-results';
import { useLibrary } from './components/use-library';
import { authorChoices, authorsIn, isFiltered, NO_FILTERS, tagSuggestions } from './state/library-state';

function Library() {
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const library = useLibrary(filters);
  const cards = useMemo(() => (library.load.kind === 'ready' ? library.load.loaded.cards : []), [library.load]);
  const suggest = useCallback((typed: string) => tagSuggestions(cards, typed, filters.tags), [cards, filters.tags]);
  // Authors seen in any page loaded so far: narrowing to one author must not empty the list of the others.
  // Kept as state adjusted while rendering when the cards change (React's pattern for state derived from props).
  const [seen, setSeen] = useState<{ cards: typeof cards; authors: string[] }>({ cards: [], authors: [] });
  if (seen.cards !== cards) {
    const fresh = authorsIn(cards).filter((id) => !seen.authors.includes(id));
    setSeen({ cards, authors: fresh.length > 0 ? [...seen.authors, ...fresh] : seen.authors });
  }
  const seenAuthors = seen.authors;
  const authors = useMemo(
    () => authorChoices(seenAuthors, library.names, library.accountId, filters.author),
    [seenAuthors, library.names, library.accountId, filters.author],
  );
  return (
    <div style={{ display: 'grid', gap: token('space.300') }}>
      <LibraryFiltersView filters={filters} projects={library.projects} authors={authors} onChange={setFilters} tagSuggestions={suggest} />
      <LibraryResults
        load={library.load}
        moreState={library.moreState}
        estimate={library.estimate}
        names={library.names}
        now={library.now}
        siteUrl={library.siteUrl}
        filtered={isFiltered(filters)}
        mostReused={filters.sort === 'reused'}
        onRetry={() => void library.loadFirst()}
        onClear={() => {
          setFilters(NO_FILTERS);
        }}
        loadMore={library.loadMore}
      />
    </div>
  );
}

const insightsView = onDemand(() => import('./components/insights/insights-tab').then((m) => m.InsightsTab), 'insights');
const InsightsView = insightsView.View;

const TABS: readonly PageTab[] = [
  { id: 'library', label: 'Library', render: () => <Library /> },
  { id: 'insights', label: 'Insights', render: () => <InsightsView /> },
];

export function App() {
  return (
    <main aria-label="Learning Loop" style={{ display: 'grid', gap: token('space.200'), padding: token('space.200') }}>
      <PageTabs tabs={TABS} label="Learning Loop views" />
    </main>
  );
}

/**
 * The Jira global page "Learning Loop": a tab list (the library now; room for insights), then the
 * library: filters above the learnings every one of them finds, as the person may browse them.
 */
import { useCallback, useMemo, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { LibraryFilters } from '../../../src/contract/library';
import { LibraryFiltersView } from './components/library-filters';
import { LibraryResults } from './components/library-results';
import { useLibrary } from './components/use-library';
import { isFiltered, NO_FILTERS, tagSuggestions } from './state/library-state';

function Library() {
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const library = useLibrary(filters);
  const cards = useMemo(() => (library.load.kind === 'ready' ? library.load.loaded.cards : []), [library.load]);
  const suggest = useCallback((typed: string) => tagSuggestions(cards, typed, filters.tags), [cards, filters.tags]);
  return (
    <div style={{ display: 'grid', gap: token('space.300') }}>
      <LibraryFiltersView filters={filters} projects={library.projects} onChange={setFilters} tagSuggestions={suggest} />
      <LibraryResults
        load={library.load}
        moreState={library.moreState}
        estimate={library.estimate}
        names={library.names}
        now={library.now}
        siteUrl={library.siteUrl}
        filtered={isFiltered(filters)}
        onRetry={() => void library.loadFirst()}
        onClear={() => {
          setFilters(NO_FILTERS);
        }}
        loadMore={library.loadMore}
      />
    </div>
  );
}

export function App() {
  return (
    <main aria-label="Learning Loop" style={{ display: 'grid', gap: token('space.200'), padding: token('space.200') }}>
      {/* One tab for now: the insights will be the second. */}
      <div role="tablist" aria-label="Learning Loop views" style={{ display: 'flex', gap: token('space.100') }}>
        <button
          type="button"
          role="tab"
          id="ll-tab-library"
          aria-selected="true"
          aria-controls="ll-panel-library"
          style={{
            font: token('font.heading.xsmall'),
            color: token('color.text.selected'),
            background: 'none',
            border: 'none',
            borderBlockEnd: `2px solid ${token('color.border.selected')}`,
            padding: `${token('space.050')} ${token('space.100')}`,
          }}
        >
          Library
        </button>
      </div>
      <div role="tabpanel" id="ll-panel-library" aria-labelledby="ll-tab-library">
        <Library />
      </div>
    </main>
  );
}

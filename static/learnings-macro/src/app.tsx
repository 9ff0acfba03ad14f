/**
 * "Learnings from Jira": the first screen after one resolver call, more pages
 * as the reader scrolls (or presses "Load more"), search within what is
 * loaded, refresh, and a frozen copy as Confluence content or Markdown.
 */
import { useMemo, useState } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { LearningGroups } from '../../shared/learnings/learning-list';
import { subtleSmall } from '../../shared/styles';
import { visibleGroups } from '../../shared/learnings/view-state';
import { useFirstPaintLimit } from '../../shared/learnings/use-first-paint-limit';
import { LoadMore } from './components/load-more';
import { MacroHeader } from './components/macro-header';
import { ManualCopy } from './components/manual-copy';
import { EmptyState, LoadError } from './components/status-views';
import { useCopy } from './components/use-copy';
import { useLearningPages } from './components/use-learning-pages';
import { loadedWords, totalOf } from './state/total';

export function App() {
  const { load, moreState, estimate, names, siteUrl, now, loadFirst, loadMore } = useLearningPages();
  const [search, setSearch] = useState('');
  const loaded = load.kind === 'ready' ? load.loaded : null;
  const view = useMemo(() => (loaded ? visibleGroups(loaded.cards, loaded.config.groupBy, search) : null), [loaded, search]);
  const { copying, copy, closeManualCopy } = useCopy(loaded, view, siteUrl, names);
  const renderLimit = useFirstPaintLimit(loaded !== null);

  if (load.kind === 'loading') {
    return (
      <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), padding: token('space.200') }}>
        <Spinner size="medium" label="Loading learnings" />
        <span style={subtleSmall}>Loading learnings from Jira…</span>
      </div>
    );
  }
  if (load.kind === 'error') return <LoadError error={load.error} onRetry={() => void loadFirst()} />;

  const { config } = load.loaded;
  const total = load.loaded.cards.length;
  const more = load.loaded.nextPageToken !== null;
  const wholeTotal = totalOf(total, more, estimate);

  return (
    <main
      aria-label={config.title || 'Learnings from Jira'}
      style={{ display: 'grid', gap: token('space.200'), padding: token('space.100') }}
    >
      <MacroHeader
        loaded={load.loaded}
        now={now}
        search={search}
        onSearch={setSearch}
        shown={view?.shown ?? 0}
        copying={copying}
        onCopy={(format) => void copy(format)}
        onRefresh={() => void loadFirst()}
        total={wholeTotal}
        siteUrl={siteUrl}
      />
      {copying.kind === 'manual' ? <ManualCopy text={copying.text} format={copying.format} onClose={closeManualCopy} /> : null}
      {total === 0 ? (
        <EmptyState jql={load.loaded.jql} />
      ) : view && view.shown === 0 ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>
          Nothing loaded matches “{search.trim()}”.{more ? ' More learnings are still to load below.' : ''}
        </p>
      ) : view ? (
        <LearningGroups
          groups={view.groups}
          grouped={config.groupBy !== 'none'}
          layout={config.layout}
          renderLimit={renderLimit}
          show={config.show}
          siteUrl={siteUrl}
          names={names}
          now={now}
        />
      ) : null}
      <LoadMore more={more} moreState={moreState} loadMore={loadMore} progress={loadedWords(total, wholeTotal)} />
    </main>
  );
}

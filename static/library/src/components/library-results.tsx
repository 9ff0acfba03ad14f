/**
 * What the filters found: loading, an error with "Try again", nothing ("No learnings match" with
 * "Clear filters"), or the macro's cards with the true total (linking to Jira's issue navigator
 * with the same JQL) and "Load more".
 */
import Button from '@atlaskit/button/default/button';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { MacroConfig } from '../../../../src/domain/macro/macro-config';
import { LearningGroups, type Names } from '../../../shared/learnings/learning-list';
import { Notice } from '../../../shared/notice';
import { emptyStateBox, subtleSmall } from '../../../shared/styles';
import { LoadMore } from '../../../learnings-macro/src/components/load-more';
import { TotalLine } from '../../../learnings-macro/src/components/total-line';
import { loadedWords, navigatorLink, totalOf } from '../../../learnings-macro/src/state/total';
import { OutboundLink } from '../../../shared/outbound-link';
import type { LibraryLoad, MoreState } from './use-library';

/** The library shows every part of a card, as the macro does by default. */
const SHOW_ALL: MacroConfig['show'] = { hypothesis: true, entries: true, evidence: true, tags: true, author: true, dates: true };

interface Props {
  load: LibraryLoad;
  moreState: MoreState;
  estimate: number | null;
  names: Names;
  now: Date;
  siteUrl: string | null;
  filtered: boolean;
  onRetry: () => void;
  onClear: () => void;
  loadMore: () => Promise<void>;
  /** The order is "Most reused", which lists only learnings that helped a ticket. */
  mostReused: boolean;
}

function Empty({ filtered, mostReused, onClear }: { filtered: boolean; mostReused: boolean; onClear: () => void }) {
  return (
    <section aria-label="No learnings" style={{ ...emptyStateBox, justifyItems: 'start' }}>
      {filtered ? (
        <>
          <p style={{ margin: 0, font: token('font.heading.small') }}>No learnings match</p>
          {mostReused ? (
            <p style={{ margin: 0, color: token('color.text.subtle') }}>
              &ldquo;Most reused first&rdquo; lists only learnings that helped another ticket: someone marks them{' '}
              <strong>This helped</strong> in the <strong>Learned before</strong> part of that ticket&rsquo;s panel.
            </p>
          ) : null}
          <Button onClick={onClear}>Clear filters</Button>
        </>
      ) : (
        <>
          <p style={{ margin: 0, font: token('font.heading.small') }}>No learnings yet</p>
          <p style={{ margin: 0, color: token('color.text.subtle') }}>
            Open the <strong>Hypothesis / What we learned</strong> panel on an issue, write the hypothesis and what the team learned: it
            shows up here.
          </p>
        </>
      )}
    </section>
  );
}

export function LibraryResults(props: Props) {
  const { load, moreState, estimate, names, now, siteUrl } = props;
  if (load.kind === 'loading') {
    return (
      <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), padding: token('space.200') }}>
        <Spinner size="medium" label="Loading learnings" />
        <span style={subtleSmall}>Loading learnings from Jira…</span>
      </div>
    );
  }
  if (load.kind === 'error') {
    return (
      <Notice
        appearance="error"
        role="alert"
        title="Could not load the learnings"
        actions={[{ label: 'Try again', onClick: props.onRetry }]}
      >
        <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{load.error.message}</p>
      </Notice>
    );
  }
  const { cards, nextPageToken, jql } = load.loaded;
  if (cards.length === 0) return <Empty filtered={props.filtered} mostReused={props.mostReused} onClear={props.onClear} />;
  const more = nextPageToken !== null;
  const total = totalOf(cards.length, more, estimate);
  const issueNavigator = navigatorLink(siteUrl, jql);
  return (
    <section aria-label="Learnings found" style={{ display: 'grid', gap: token('space.200') }}>
      <div style={{ display: 'flex', gap: token('space.200'), flexWrap: 'wrap', alignItems: 'baseline' }}>
        <p style={{ ...subtleSmall, margin: 0 }} data-testid="library-total">
          <TotalLine loaded={cards.length} total={total} jql={jql} siteUrl={siteUrl} />
        </p>
        <OutboundLink href={issueNavigator.href} open={issueNavigator.path}>
          Open in issue navigator
        </OutboundLink>
      </div>
      <LearningGroups
        groups={[{ key: 'all', label: 'All learnings', cards }]}
        grouped={false}
        layout="cards"
        show={SHOW_ALL}
        siteUrl={siteUrl}
        names={names}
        now={now}
      />
      <LoadMore more={more} moreState={moreState} loadMore={props.loadMore} progress={loadedWords(cards.length, total)} />
    </section>
  );
}

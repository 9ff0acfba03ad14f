/** The end of the list: loads the next page when it scrolls into view, a "Load more" button, and a failed page's retry. */
import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/default/button';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { Notice } from '../../../shared/notice';
import { subtleSmall } from '../../../shared/styles';
import type { MoreState } from './use-learning-pages';

interface Props {
  more: boolean;
  moreState: MoreState;
  loadMore: () => Promise<void>;
  /** How much is loaded, beside the button ("100 of about 211 loaded"). */
  progress: string;
}

export function LoadMore({ more, moreState, loadMore, progress }: Props) {
  // Scrolling near the end loads the next page. The observer's root is the
  // top-level viewport, so this works inside the auto-sized iframe too. It is
  // made afresh for every page (loadMore changes with it), and a new observer
  // reports where the end is now: a page that left the end in view loads the
  // next one, a page that pushed it out of view stops there.
  const sentinel = useRef<HTMLDivElement | null>(null);
  const failed = moreState.error !== null;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || failed || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadMore();
      },
      { rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [loadMore, failed]);

  return (
    <>
      <div ref={sentinel} aria-hidden="true" style={{ blockSize: '1px' }} />
      {more ? (
        <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
          {moreState.busy ? (
            <span role="status" style={{ display: 'inline-flex', gap: token('space.100'), alignItems: 'center' }}>
              <Spinner size="small" label="Loading more learnings" />
              <span style={subtleSmall}>Loading more…</span>
            </span>
          ) : (
            <Button onClick={() => void loadMore()}>Load more</Button>
          )}
          <span style={subtleSmall}>{progress}</span>
        </div>
      ) : null}
      {moreState.error ? (
        <Notice
          appearance="error"
          role="alert"
          title="Could not load more learnings"
          actions={[{ label: 'Try again', onClick: () => void loadMore() }]}
        >
          <p style={{ margin: 0 }}>{moreState.error.message}</p>
        </Notice>
      ) : null}
    </>
  );
}

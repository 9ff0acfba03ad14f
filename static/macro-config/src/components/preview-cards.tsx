/** The preview's first few cards, drawn as the macro draws them; loaded on demand (preview-pane.tsx). */
import { useEffect, useMemo } from 'react';
import { token } from '@atlaskit/tokens';
import type { MacroConfig } from '../../../../src/domain/macro/macro-config';
import { plural } from '../../../shared/format';
import { LearningGroups } from '../../../shared/learnings/learning-list';
import { subtleSmall } from '../../../shared/styles';
import { useAuthorNames } from '../../../shared/learnings/use-author-names';
import { visibleGroups, type Loaded } from '../../../shared/learnings/view-state';

const PREVIEW_CARDS = 5;

/** The first few cards, their authors by name (one lookup once they are on screen), never by account id. */
export function PreviewCards({ loaded, config }: { loaded: Loaded; config: MacroConfig }) {
  const cards = useMemo(() => loaded.cards.slice(0, PREVIEW_CARDS), [loaded]);
  const { names, nameAuthors } = useAuthorNames();
  const wantNames = config.show.author;
  useEffect(() => {
    if (wantNames) void nameAuthors(cards);
  }, [cards, wantNames, nameAuthors]);
  if (cards.length === 0) return <p style={subtleSmall}>No learnings match these settings yet.</p>;
  const { groups } = visibleGroups(cards, config.groupBy, '');
  return (
    <div style={{ display: 'grid', gap: token('space.100') }}>
      <p style={subtleSmall}>
        The first {plural(cards.length, 'issue')}
        {loaded.nextPageToken || loaded.cards.length > cards.length ? ' (more on the page)' : ''}:
      </p>
      <div>
        <LearningGroups
          groups={groups}
          grouped={config.groupBy !== 'none'}
          layout={config.layout}
          show={config.show}
          siteUrl={null}
          names={names}
          now={new Date()}
        />
      </div>
    </div>
  );
}

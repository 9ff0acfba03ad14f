/** A preview of the first few results with the settings as they are (unsaved), once Jira has accepted the JQL. */
import { useEffect, useMemo } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { MacroConfig } from '../../../../src/domain/macro/macro-config';
import { plural } from '../../../shared/format';
import { LearningGroups } from '../../../shared/learnings/learning-list';
import { Notice } from '../../../shared/notice';
import { subtleSmall } from '../../../shared/styles';
import { useAuthorNames } from '../../../shared/learnings/use-author-names';
import { visibleGroups, type Loaded } from '../../../shared/learnings/view-state';
import type { CheckState } from '../state/config-form';

const PREVIEW_CARDS = 5;

export type Preview = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; loaded: Loaded };

export function PreviewPane({ preview, config, check }: { preview: Preview; config: MacroConfig; check: CheckState }) {
  if (check.status === 'invalid') return <p style={subtleSmall}>Fix the JQL to see a preview.</p>;
  if (preview.kind === 'idle' || preview.kind === 'loading')
    return (
      <span role="status" style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', ...subtleSmall }}>
        <Spinner size="small" label="" /> Loading a preview…
      </span>
    );
  if (preview.kind === 'error')
    return (
      <Notice appearance="warning" title="No preview">
        <p style={{ margin: 0 }}>{preview.error.message}</p>
      </Notice>
    );
  return <PreviewCards loaded={preview.loaded} config={config} />;
}

/** The first few cards, their authors by name (one lookup once they are on screen), never by account id. */
function PreviewCards({ loaded, config }: { loaded: Loaded; config: MacroConfig }) {
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

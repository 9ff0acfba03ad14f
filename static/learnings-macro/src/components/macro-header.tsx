/** The macro's header: title, "As of … · Refresh", search, the copy buttons and the count line. */
import Button from '@atlaskit/button/default/button';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import SearchIcon from '@atlaskit/icon/core/search';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { fullDate, plural, timeAgo } from '../../../shared/format';
import { subtleSmall } from '../../../shared/styles';
import type { Loaded } from '../../../shared/learnings/view-state';
import { FORMAT_WORDS, type ExportFormat } from '../state/export-formats';
import type { Total } from '../state/total';
import { TotalLine } from './total-line';
import type { Copying } from './use-copy';

interface Props {
  loaded: Loaded;
  now: Date;
  search: string;
  onSearch: (text: string) => void;
  /** How many loaded issues match the search. */
  shown: number;
  copying: Copying;
  onCopy: (format: ExportFormat) => void;
  onRefresh: () => void;
  /** The whole result's total, when known (see state/total.ts). */
  total: Total | null;
  siteUrl: string | null;
}

function AsOf({ asOf, now, onRefresh }: { asOf: string; now: Date; onRefresh: () => void }) {
  return (
    <span style={subtleSmall}>
      As of{' '}
      <time dateTime={asOf} title={fullDate(asOf)}>
        {timeAgo(asOf, now)}
      </time>
      {' · '}
      <button type="button" className="ll-text-action" style={{ font: token('font.body.small') }} onClick={onRefresh}>
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.025'), verticalAlign: 'middle' }}>
          <RefreshIcon label="" size="small" />
          Refresh
        </span>
      </button>
    </span>
  );
}

export function MacroHeader({ loaded, now, search, onSearch, shown, copying, onCopy, onRefresh, total, siteUrl }: Props) {
  const count = loaded.cards.length;
  return (
    <header style={{ display: 'grid', gap: token('space.100') }}>
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <h2 style={{ margin: 0, font: token('font.heading.medium'), overflowWrap: 'anywhere' }}>
          {loaded.config.title || 'Learnings from Jira'}
        </h2>
        <AsOf asOf={loaded.asOf} now={now} onRefresh={onRefresh} />
      </div>
      {count > 0 ? (
        <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
          <div style={{ flex: '1 1 220px', maxWidth: '420px' }}>
            <Textfield
              aria-label="Search these learnings"
              placeholder="Search these learnings"
              isCompact
              value={search}
              onChange={(event) => {
                onSearch(event.currentTarget.value);
              }}
              elemBeforeInput={
                <span style={{ display: 'flex', paddingInlineStart: token('space.075') }}>
                  <SearchIcon label="" size="small" color={token('color.icon.subtle')} />
                </span>
              }
            />
          </div>
          {(['page', 'markdown'] as const).map((format) => (
            <Button
              key={format}
              spacing="compact"
              onClick={() => {
                onCopy(format);
              }}
              isDisabled={copying.kind === 'busy'}
            >
              {FORMAT_WORDS[format].button}
            </Button>
          ))}
        </div>
      ) : null}
      {count > 0 ? (
        <p style={subtleSmall} role="status" aria-live="polite">
          {search.trim() ? (
            `${plural(shown, 'issue')} of ${count} loaded match “${search.trim()}”.`
          ) : (
            <TotalLine loaded={count} total={total} jql={loaded.jql} siteUrl={siteUrl} />
          )}
          {copying.kind === 'done' ? ` ${copying.message}` : ''}
        </p>
      ) : null}
    </header>
  );
}

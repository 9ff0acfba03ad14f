/**
 * The table layout: ARIA table semantics (table, rowgroup, row, columnheader,
 * cell) over one CSS grid per row, in blocks of rows (row-blocks.tsx). A
 * `<table>` lays out every row again whenever one is added (its columns fit
 * all of them); here the columns are the same template in every row, set once
 * on the table, so a block out of view is skipped and an appended page lays
 * out only its own rows.
 *
 * It fits the frame instead of scrolling sideways: text columns wrap (long
 * words too), and where the frame is narrow (a 592 px panel) "By" and
 * "Updated" fold into the issue's cell as one line, so neither is clipped nor
 * pushed off-screen. The fold is a container query on the table's own width
 * (learningsPageCss).
 */
import { memo, type CSSProperties } from 'react';
import type { LearningCard } from '../../../src/domain/search/learning-cards';
import type { MacroConfig } from '../../../src/domain/macro/macro-config';
import { fullDate, shortDate } from '../format';
import { OutcomeLozenge } from '../learning-marks';
import { EvidenceList } from './learning-card';
import { Entries, IssueLink, Tags, type Common, type RowProps } from './learning-parts';
import { RowBlocks } from './row-blocks';

type Show = MacroConfig['show'];

interface Column {
  header: string;
  shown: (show: Show) => boolean;
  /** Its grid track: sized by the frame, never by the rows' content, so every row and block agree. */
  track: string;
  /** Its track where the table is narrow, when not `track`: no minimum, so six columns fit a 592 px panel. */
  narrowTrack?: string;
  /** Hidden (folded into the issue's cell) where the table is narrow. */
  wide?: boolean;
}

const COLUMNS: Column[] = [
  { header: 'Issue', shown: () => true, track: 'minmax(7em, 2fr)', narrowTrack: 'minmax(0, 2fr)' },
  // Fits the longest outcome's lozenge ("Inconclusive").
  { header: 'Outcome', shown: () => true, track: '6.5rem' },
  { header: 'Hypothesis', shown: (show) => show.hypothesis, track: 'minmax(0, 3fr)', narrowTrack: 'minmax(0, 2.5fr)' },
  { header: 'What we learned', shown: (show) => show.entries, track: 'minmax(10em, 4fr)', narrowTrack: 'minmax(0, 3fr)' },
  // Room for a tag's word ("payments") on one line.
  { header: 'Tags', shown: (show) => show.tags, track: 'minmax(8em, 1.5fr)', narrowTrack: 'minmax(8em, 1fr)' },
  { header: 'Evidence', shown: (show) => show.evidence, track: 'minmax(0, 2fr)' },
  { header: 'By', shown: (show) => show.author, track: 'minmax(8em, 1.5fr)', wide: true },
  { header: 'Updated', shown: (show) => show.dates, track: '6.5rem', wide: true },
];

/** The grid templates, wide and narrow (learningsPageCss picks one by the table's width). */
export function columnTracks(show: Show): CSSProperties {
  const shown = COLUMNS.filter((column) => column.shown(show));
  return {
    '--ll-table-columns': shown.map((column) => column.track).join(' '),
    '--ll-table-columns-narrow': shown
      .filter((column) => !column.wide)
      .map((column) => column.narrowTrack ?? column.track)
      .join(' '),
  } as CSSProperties;
}

function Updated({ at }: { at: string }) {
  return (
    <time dateTime={at} title={fullDate(at)}>
      {shortDate(at)}
    </time>
  );
}

/** "By … · updated …" under the issue, shown only when the table is too narrow for those columns. */
function FoldedMeta({ card, show, by }: RowProps) {
  if (!show.author && !show.dates) return null;
  return (
    <div className="ll-table-folded ll-small">
      {show.author ? <>By {by}</> : null}
      {show.author && show.dates ? ' · ' : null}
      {show.dates ? (
        <>
          {show.author ? 'updated' : 'Updated'} <Updated at={card.record.updatedAt} />
        </>
      ) : null}
    </div>
  );
}

/** Memoised: a page appended below leaves the rows already shown untouched. */
const TableRow = memo(function TableRow(props: RowProps) {
  const { card, show, siteUrl, by, ago } = props;
  return (
    <div role="row" className="ll-table-row">
      <div role="cell" className="ll-table-issue">
        <IssueLink issueKey={card.issue.key} siteUrl={siteUrl} />
        <div>{card.issue.summary}</div>
        <FoldedMeta {...props} />
      </div>
      <div role="cell" className="ll-table-outcome">
        <OutcomeLozenge outcome={card.record.outcome} />
      </div>
      {show.hypothesis ? (
        <div role="cell" className="ll-body">
          {card.record.hypothesis}
        </div>
      ) : null}
      {show.entries ? (
        <div role="cell">
          <Entries card={card} />
        </div>
      ) : null}
      {show.tags ? <div role="cell">{card.record.tags.length ? <Tags tags={card.record.tags} /> : null}</div> : null}
      {show.evidence ? (
        <div role="cell">
          <EvidenceList links={card.record.evidence} />
        </div>
      ) : null}
      {show.author ? (
        <div role="cell" className="ll-table-wide ll-table-by">
          {by}
        </div>
      ) : null}
      {show.dates ? (
        <div role="cell" className="ll-table-wide ll-table-nowrap">
          <Updated at={card.record.updatedAt} />
          <div className="ll-small">{ago}</div>
        </div>
      ) : null}
    </div>
  );
});

export function TableView({ cards, ...common }: Common & { cards: LearningCard[] }) {
  const { show } = common;
  return (
    <div className="ll-table-wrap">
      <div role="table" className="ll-table" style={columnTracks(show)}>
        <div role="rowgroup">
          <div role="row" className="ll-table-row ll-table-head">
            {COLUMNS.filter((column) => column.shown(show)).map((column) => (
              <div key={column.header} role="columnheader" className={column.wide ? 'll-table-wide' : undefined}>
                {column.header}
              </div>
            ))}
          </div>
        </div>
        <RowBlocks cards={cards} Row={TableRow} className="ll-block ll-table-block" role="rowgroup" {...common} />
      </div>
    </div>
  );
}

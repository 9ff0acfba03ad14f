/**
 * The table layout. It fits the frame instead of scrolling sideways: text
 * columns wrap (long words too), and where the frame is narrow (a 592 px
 * panel) "By" and "Updated" fold into the issue's cell as one line, so neither
 * is clipped nor pushed off-screen. The fold is a container query on the
 * table's own width (learningsPageCss).
 */
import { memo } from 'react';
import { token } from '@atlaskit/tokens';
import type { LearningCard } from '../../../src/domain/search/learning-cards';
import { fullDate, shortDate } from '../format';
import { EvidenceAnchor, OutcomeLozenge } from '../learning-marks';
import { bodyText, subtleSmall } from '../styles';
import { Entries, IssueLink, rowProps, Tags, type Common, type RowProps } from './learning-parts';

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
    <div className="ll-table-folded" style={subtleSmall}>
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
    <tr>
      <td className="ll-table-issue">
        <IssueLink issueKey={card.issue.key} siteUrl={siteUrl} />
        <div>{card.issue.summary}</div>
        <FoldedMeta {...props} />
      </td>
      <td style={{ whiteSpace: 'nowrap' }}>
        <OutcomeLozenge outcome={card.record.outcome} />
      </td>
      {show.hypothesis ? <td style={bodyText}>{card.record.hypothesis}</td> : null}
      {show.entries ? (
        <td className="ll-table-entries">
          <Entries card={card} />
        </td>
      ) : null}
      {show.tags ? <td>{card.record.tags.length ? <Tags tags={card.record.tags} /> : null}</td> : null}
      {show.evidence ? (
        <td>
          <ul className="ll-list" style={{ display: 'grid', gap: token('space.025') }}>
            {card.record.evidence.map((link) => (
              <li key={link.id}>
                <EvidenceAnchor link={link} />
              </li>
            ))}
          </ul>
        </td>
      ) : null}
      {show.author ? <td className="ll-table-wide ll-table-by">{by}</td> : null}
      {show.dates ? (
        <td className="ll-table-wide" style={{ whiteSpace: 'nowrap' }}>
          <Updated at={card.record.updatedAt} />
          <div style={subtleSmall}>{ago}</div>
        </td>
      ) : null}
    </tr>
  );
});

export function TableView({ cards, ...common }: Common & { cards: LearningCard[] }) {
  const { show } = common;
  return (
    <div className="ll-table-wrap">
      <table className="ll-table">
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Outcome</th>
            {show.hypothesis ? <th scope="col">Hypothesis</th> : null}
            {show.entries ? <th scope="col">What we learned</th> : null}
            {show.tags ? <th scope="col">Tags</th> : null}
            {show.evidence ? <th scope="col">Evidence</th> : null}
            {show.author ? (
              <th scope="col" className="ll-table-wide">
                By
              </th>
            ) : null}
            {show.dates ? (
              <th scope="col" className="ll-table-wide">
                Updated
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => (
            <TableRow key={card.issue.id} {...rowProps(card, common)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The compact layout's row: issue, summary, surprises and outcome on one line, then the first learning and the people line. */
import { memo } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { shortenText } from '../../../src/domain/record/text';
import { plural } from '../format';
import { OutcomeLozenge } from '../learning-marks';
import { Reuses } from './learning-card';
import { IssueLink, type RowProps } from './learning-parts';

/** Memoised: a page appended below leaves the rows already shown untouched. */
export const CompactRow = memo(function CompactRow({ card, show, siteUrl, by, ago }: RowProps) {
  const surprises = card.record.learnings.filter((e) => e.surprise).length;
  const firstEntry = card.record.learnings[0]?.text ?? '';
  return (
    <div role="listitem" className="ll-row">
      <div className="ll-row-head">
        <IssueLink issueKey={card.issue.key} siteUrl={siteUrl} />
        <span className="ll-row-summary">{card.issue.summary}</span>
        {surprises > 0 ? <Lozenge appearance="new">{plural(surprises, 'surprise')}</Lozenge> : null}
        <OutcomeLozenge outcome={card.record.outcome} />
      </div>
      <Reuses count={card.issue.reuses} />
      {show.entries && firstEntry ? (
        <p className="ll-small ll-row-text">
          {shortenText(firstEntry, 160)}
          {card.record.learnings.length > 1 ? ` (+${card.record.learnings.length - 1} more)` : ''}
        </p>
      ) : show.hypothesis && card.record.hypothesis ? (
        <p className="ll-small ll-row-text">{card.record.hypothesis}</p>
      ) : null}
      {show.author || show.dates ? (
        <p className="ll-small">
          {show.author ? by : null}
          {show.author && show.dates ? ' · ' : null}
          {show.dates ? ago : null}
        </p>
      ) : null}
    </div>
  );
});

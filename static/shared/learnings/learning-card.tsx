/** One learning as a card: issue and outcome, hypothesis, what was learned, tags, evidence, reuse, people and date. */
import { memo } from 'react';
import type { EvidenceLink } from '../../../src/domain/record/learning-record';
import { fullDate, plural } from '../format';
import { EvidenceAnchor, OutcomeLozenge } from '../learning-marks';
import { Entries, IssueLink, Tags, type RowProps } from './learning-parts';

/** "By … · updated …": static classes, not inline styles (2,000 cards set no style properties one by one). */
function Meta({ card, show, by, ago }: RowProps) {
  if (!show.author && !show.dates) return null;
  const updated = card.record.updatedAt;
  return (
    <p className="ll-small">
      {show.author ? <>By {by}</> : null}
      {show.author && show.dates ? ' · ' : null}
      {show.dates ? (
        <>
          {show.author ? 'updated' : 'Updated'}{' '}
          <time dateTime={updated} title={fullDate(updated)}>
            {ago}
          </time>
        </>
      ) : null}
    </p>
  );
}

/** How many tickets marked this learning "This helped" (counted, not named: some may be hidden from the viewer). */
export function Reuses({ count }: { count: number | undefined }) {
  if (!count) return null;
  return <p className="ll-small">Helped {plural(count, 'other ticket')}</p>;
}

export function EvidenceList({ links }: { links: EvidenceLink[] }) {
  return (
    <ul className="ll-list ll-stack-025">
      {links.map((link) => (
        <li key={link.id}>
          <EvidenceAnchor link={link} />
        </li>
      ))}
    </ul>
  );
}

/** Memoised: a page appended below leaves the cards already shown untouched. */
export const LearningCardView = memo(function LearningCardView(props: RowProps) {
  const { card, show, siteUrl } = props;
  const { record, issue } = card;
  return (
    <article className="ll-card-box" aria-label={`${issue.key} ${issue.summary}`}>
      <header className="ll-card-head">
        <h4 className="ll-card-title">
          <IssueLink issueKey={issue.key} siteUrl={siteUrl} /> <span className="ll-card-summary">{issue.summary}</span>
        </h4>
        <span className="ll-card-outcome">
          <OutcomeLozenge outcome={record.outcome} />
        </span>
      </header>
      {show.hypothesis && record.hypothesis ? (
        <div className="ll-stack-025">
          <span className="ll-label">Hypothesis</span>
          <p className="ll-body">{record.hypothesis}</p>
        </div>
      ) : null}
      {show.entries ? (
        <div className="ll-stack-050">
          <span className="ll-label">What we learned</span>
          <Entries card={card} />
        </div>
      ) : null}
      {show.tags && record.tags.length > 0 ? <Tags tags={record.tags} /> : null}
      {show.evidence && record.evidence.length > 0 ? (
        <div className="ll-stack-025">
          <span className="ll-label">Evidence</span>
          <EvidenceList links={record.evidence} />
        </div>
      ) : null}
      <Reuses count={issue.reuses} />
      <Meta {...props} />
    </article>
  );
});

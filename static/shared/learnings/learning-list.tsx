/** Learnings from Jira, as cards, a table or a compact list, under group headings with counts. */
import { memo } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { CardGroup, LearningCard } from '../../../src/domain/search/learning-cards';
import { shortenText } from '../../../src/domain/record/text';
import type { EvidenceLink } from '../../../src/domain/record/learning-record';
import type { Layout } from '../../../src/domain/macro/macro-config';
import { fullDate, plural } from '../format';
import { EvidenceAnchor, OutcomeLozenge, VisuallyHidden } from '../learning-marks';
import { bodyText, raisedCard, sectionLabel, subtleSmall } from '../styles';
import { TableView } from './learning-table';
import { withinLimit } from './use-first-paint-limit';
import { Entries, IssueLink, rowProps, Tags, type Common, type Names, type RowProps } from './learning-parts';

export type { Names };

function Meta({ card, show, by, ago }: RowProps) {
  if (!show.author && !show.dates) return null;
  const updated = card.record.updatedAt;
  return (
    <p style={subtleSmall}>
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
function Reuses({ count }: { count: number | undefined }) {
  if (!count) return null;
  return <p style={subtleSmall}>Helped {plural(count, 'other ticket')}</p>;
}

function Evidence({ links }: { links: EvidenceLink[] }) {
  return (
    <div style={{ display: 'grid', gap: token('space.025') }}>
      <span style={sectionLabel}>Evidence</span>
      <ul className="ll-list" style={{ display: 'grid', gap: token('space.025') }}>
        {links.map((link) => (
          <li key={link.id}>
            <EvidenceAnchor link={link} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Memoised: a page appended below leaves the cards already shown untouched. */
export const LearningCardView = memo(function LearningCardView(props: RowProps) {
  const { card, show, siteUrl } = props;
  const { record, issue } = card;
  return (
    <article className="ll-card-box" style={raisedCard} aria-label={`${issue.key} ${issue.summary}`}>
      <header style={{ display: 'flex', gap: token('space.100'), alignItems: 'start', justifyContent: 'space-between' }}>
        <h4 style={{ margin: 0, font: token('font.heading.xsmall'), overflowWrap: 'anywhere' }}>
          <IssueLink issueKey={issue.key} siteUrl={siteUrl} />{' '}
          <span style={{ fontWeight: token('font.weight.medium') }}>{issue.summary}</span>
        </h4>
        <span style={{ flex: 'none' }}>
          <OutcomeLozenge outcome={record.outcome} />
        </span>
      </header>
      {show.hypothesis && record.hypothesis ? (
        <div style={{ display: 'grid', gap: token('space.025') }}>
          <span style={sectionLabel}>Hypothesis</span>
          <p style={bodyText}>{record.hypothesis}</p>
        </div>
      ) : null}
      {show.entries ? (
        <div style={{ display: 'grid', gap: token('space.050') }}>
          <span style={sectionLabel}>What we learned</span>
          <Entries card={card} />
        </div>
      ) : null}
      {show.tags && record.tags.length > 0 ? <Tags tags={record.tags} /> : null}
      {show.evidence && record.evidence.length > 0 ? <Evidence links={record.evidence} /> : null}
      <Reuses count={issue.reuses} />
      <Meta {...props} />
    </article>
  );
});

const compactRow = {
  display: 'grid',
  gap: token('space.025'),
  padding: `${token('space.075')} ${token('space.050')}`,
  borderBlockEnd: `${token('border.width')} solid ${token('color.border')}`,
};

const CompactRow = memo(function CompactRow({ card, show, siteUrl, by, ago }: RowProps) {
  const surprises = card.record.learnings.filter((e) => e.surprise).length;
  const firstEntry = card.record.learnings[0]?.text ?? '';
  return (
    <li className="ll-row" style={compactRow}>
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <IssueLink issueKey={card.issue.key} siteUrl={siteUrl} />
        <span style={{ flex: '1 1 200px', overflowWrap: 'anywhere' }}>{card.issue.summary}</span>
        {surprises > 0 ? <Lozenge appearance="new">{plural(surprises, 'surprise')}</Lozenge> : null}
        <OutcomeLozenge outcome={card.record.outcome} />
      </div>
      <Reuses count={card.issue.reuses} />
      {show.entries && firstEntry ? (
        <p style={{ ...subtleSmall, color: token('color.text.subtle'), overflowWrap: 'anywhere' }}>
          {shortenText(firstEntry, 160)}
          {card.record.learnings.length > 1 ? ` (+${card.record.learnings.length - 1} more)` : ''}
        </p>
      ) : show.hypothesis && card.record.hypothesis ? (
        <p style={{ ...subtleSmall, color: token('color.text.subtle'), overflowWrap: 'anywhere' }}>{card.record.hypothesis}</p>
      ) : null}
      {show.author || show.dates ? (
        <p style={subtleSmall}>
          {show.author ? by : null}
          {show.author && show.dates ? ' · ' : null}
          {show.dates ? ago : null}
        </p>
      ) : null}
    </li>
  );
});

function CompactView({ cards, ...common }: Common & { cards: LearningCard[] }) {
  return (
    <ul className="ll-list" style={{ display: 'grid' }}>
      {cards.map((card) => (
        <CompactRow key={card.issue.id} {...rowProps(card, common)} />
      ))}
    </ul>
  );
}

function Cards({ layout, cards, ...common }: Common & { layout: Layout; cards: LearningCard[] }) {
  if (layout === 'table') return <TableView cards={cards} {...common} />;
  if (layout === 'compact') return <CompactView cards={cards} {...common} />;
  return (
    <div style={{ display: 'grid', gap: token('space.150'), gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 320px), 1fr))' }}>
      {cards.map((card) => (
        <LearningCardView key={card.issue.id} {...rowProps(card, common)} />
      ))}
    </div>
  );
}

interface GroupsProps extends Common {
  groups: CardGroup[];
  grouped: boolean;
  layout: Layout;
  /** Cards rendered in all (the first paint's share); every card when absent. Headings keep their full counts. */
  renderLimit?: number;
}

/** The groups, each under a heading with its count; one unlabelled list when not grouped. */
export function LearningGroups({ groups, grouped, layout, renderLimit = Number.POSITIVE_INFINITY, ...common }: GroupsProps) {
  if (!grouped) return <Cards layout={layout} cards={groups.flatMap((g) => g.cards).slice(0, renderLimit)} {...common} />;
  return (
    <div style={{ display: 'grid', gap: token('space.300') }}>
      {withinLimit(groups, renderLimit).map(({ group, shown }) => {
        if (shown === 0) return null;
        const id = `ll-group-${group.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        return (
          <section key={group.key} aria-labelledby={id} style={{ display: 'grid', gap: token('space.100') }}>
            <h3
              id={id}
              style={{ margin: 0, font: token('font.heading.small'), display: 'flex', gap: token('space.100'), alignItems: 'baseline' }}
            >
              <span style={{ overflowWrap: 'anywhere' }}>{group.label}</span>
              <span style={{ ...subtleSmall, font: token('font.body') }}>
                {group.cards.length}
                <VisuallyHidden> {group.cards.length === 1 ? 'issue' : 'issues'}</VisuallyHidden>
              </span>
            </h3>
            <Cards layout={layout} cards={shown < group.cards.length ? group.cards.slice(0, shown) : group.cards} {...common} />
          </section>
        );
      })}
    </div>
  );
}

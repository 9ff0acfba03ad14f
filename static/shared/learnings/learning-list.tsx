/** Learnings from Jira, as cards, a table or a compact list, under group headings with counts. */
import type { ReactNode } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { CardGroup, LearningCard } from '../../../src/domain/search/learning-cards';
import { shortenText } from '../../../src/domain/record/text';
import type { EvidenceLink } from '../../../src/domain/record/learning-record';
import type { Layout, MacroConfig } from '../../../src/domain/macro/macro-config';
import { OutboundLink } from '../outbound-link';
import { fullDate, plural, shortDate, timeAgo } from '../format';
import { EvidenceAnchor, OutcomeLozenge, SurpriseMark, Tag, VisuallyHidden } from '../learning-marks';
import { bodyText, raisedCard, sectionLabel, subtleSmall } from '../styles';
import { issueHref, issuePath } from './view-state';

export type Names = ReadonlyMap<string, string>;

interface Common {
  show: MacroConfig['show'];
  siteUrl: string | null;
  names: Names;
  now: Date;
}

/**
 * The issue key as a link. A click goes through the host's router (a sandboxed
 * iframe cannot open the site itself); the href is the full address, so
 * "copy link" still works.
 */
export function IssueLink({ issueKey, siteUrl, children }: { issueKey: string; siteUrl: string | null; children?: ReactNode }) {
  const path = issuePath(issueKey);
  const href = issueHref(siteUrl, issueKey) ?? path;
  if (!href || !path) return <span>{issueKey}</span>;
  return (
    <OutboundLink href={href} open={path} style={{ fontWeight: token('font.weight.semibold') }}>
      {children ?? issueKey}
    </OutboundLink>
  );
}

function people(card: LearningCard, names: Names): string {
  const ids = [card.record.updatedBy, ...card.record.learnings.map((e) => e.authorAccountId)].filter(Boolean);
  return [...new Set(ids)].map((id) => names.get(id) ?? id).join(', ');
}

function Meta({ card, show, names, now }: Common & { card: LearningCard }) {
  if (!show.author && !show.dates) return null;
  const updated = card.record.updatedAt;
  return (
    <p style={subtleSmall}>
      {show.author ? <>By {people(card, names)}</> : null}
      {show.author && show.dates ? ' · ' : null}
      {show.dates ? (
        <>
          {show.author ? 'updated' : 'Updated'}{' '}
          <time dateTime={updated} title={fullDate(updated)}>
            {timeAgo(updated, now)}
          </time>
        </>
      ) : null}
    </p>
  );
}

function Entries({ card }: { card: LearningCard }) {
  if (card.record.learnings.length === 0) return <p style={{ ...subtleSmall }}>Nothing learned yet.</p>;
  return (
    <ul className="ll-list" style={{ display: 'grid', gap: token('space.075') }} aria-label={`What ${card.issue.key} learned`}>
      {card.record.learnings.map((entry) => (
        <li
          key={entry.id}
          style={{
            paddingInlineStart: token('space.100'),
            borderInlineStart: `${token('border.width.selected')} solid ${entry.surprise ? token('color.border.discovery') : token('color.border')}`,
          }}
        >
          <span style={bodyText}>{entry.text}</span>
          {entry.surprise ? (
            <span style={{ marginInlineStart: token('space.075'), whiteSpace: 'nowrap' }}>
              <SurpriseMark />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Tags({ tags }: { tags: string[] }) {
  return (
    <div style={{ display: 'flex', gap: token('space.050'), flexWrap: 'wrap', alignItems: 'center' }}>
      <VisuallyHidden>Tags:</VisuallyHidden>
      {tags.map((tag) => (
        <Tag key={tag}>{tag}</Tag>
      ))}
    </div>
  );
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

export function LearningCardView(props: Common & { card: LearningCard }) {
  const { card, show, siteUrl } = props;
  const { record, issue } = card;
  return (
    <article style={raisedCard} aria-label={`${issue.key} ${issue.summary}`}>
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
      <Meta {...props} />
    </article>
  );
}

function TableView({ cards, ...common }: Common & { cards: LearningCard[] }) {
  const { show, siteUrl, names, now } = common;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="ll-table">
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Outcome</th>
            {show.hypothesis ? <th scope="col">Hypothesis</th> : null}
            {show.entries ? <th scope="col">What we learned</th> : null}
            {show.tags ? <th scope="col">Tags</th> : null}
            {show.evidence ? <th scope="col">Evidence</th> : null}
            {show.author ? <th scope="col">By</th> : null}
            {show.dates ? <th scope="col">Updated</th> : null}
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => (
            <tr key={card.issue.id}>
              <td style={{ minWidth: '140px' }}>
                <IssueLink issueKey={card.issue.key} siteUrl={siteUrl} />
                <div style={{ overflowWrap: 'anywhere' }}>{card.issue.summary}</div>
              </td>
              <td>
                <OutcomeLozenge outcome={card.record.outcome} />
              </td>
              {show.hypothesis ? <td style={{ ...bodyText, minWidth: '160px' }}>{card.record.hypothesis}</td> : null}
              {show.entries ? (
                <td style={{ minWidth: '200px' }}>
                  <Entries card={card} />
                </td>
              ) : null}
              {show.tags ? <td>{card.record.tags.length ? <Tags tags={card.record.tags} /> : null}</td> : null}
              {show.evidence ? (
                <td>
                  <ul className="ll-list">
                    {card.record.evidence.map((link) => (
                      <li key={link.id}>
                        <EvidenceAnchor link={link} />
                      </li>
                    ))}
                  </ul>
                </td>
              ) : null}
              {show.author ? <td>{people(card, names)}</td> : null}
              {show.dates ? (
                <td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={card.record.updatedAt} title={fullDate(card.record.updatedAt)}>
                    {shortDate(card.record.updatedAt)}
                  </time>
                  <div style={subtleSmall}>{timeAgo(card.record.updatedAt, now)}</div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CompactView({ cards, ...common }: Common & { cards: LearningCard[] }) {
  const { show, siteUrl, names, now } = common;
  return (
    <ul className="ll-list" style={{ display: 'grid' }}>
      {cards.map((card) => {
        const surprises = card.record.learnings.filter((e) => e.surprise).length;
        const firstEntry = card.record.learnings[0]?.text ?? '';
        return (
          <li
            key={card.issue.id}
            className="ll-row"
            style={{
              display: 'grid',
              gap: token('space.025'),
              padding: `${token('space.075')} ${token('space.050')}`,
              borderBlockEnd: `${token('border.width')} solid ${token('color.border')}`,
            }}
          >
            <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
              <IssueLink issueKey={card.issue.key} siteUrl={siteUrl} />
              <span style={{ flex: '1 1 200px', overflowWrap: 'anywhere' }}>{card.issue.summary}</span>
              {surprises > 0 ? <Lozenge appearance="new">{plural(surprises, 'surprise')}</Lozenge> : null}
              <OutcomeLozenge outcome={card.record.outcome} />
            </div>
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
                {show.author ? people(card, names) : null}
                {show.author && show.dates ? ' · ' : null}
                {show.dates ? timeAgo(card.record.updatedAt, now) : null}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function Cards({ layout, cards, ...common }: Common & { layout: Layout; cards: LearningCard[] }) {
  if (layout === 'table') return <TableView cards={cards} {...common} />;
  if (layout === 'compact') return <CompactView cards={cards} {...common} />;
  return (
    <div style={{ display: 'grid', gap: token('space.150'), gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 320px), 1fr))' }}>
      {cards.map((card) => (
        <LearningCardView key={card.issue.id} card={card} {...common} />
      ))}
    </div>
  );
}

/** The groups, each under a heading with its count; one unlabelled list when not grouped. */
export function LearningGroups({ groups, grouped, layout, ...common }: Common & { groups: CardGroup[]; grouped: boolean; layout: Layout }) {
  if (!grouped) return <Cards layout={layout} cards={groups.flatMap((g) => g.cards)} {...common} />;
  return (
    <div style={{ display: 'grid', gap: token('space.300') }}>
      {groups.map((group) => {
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
            <Cards layout={layout} cards={group.cards} {...common} />
          </section>
        );
      })}
    </div>
  );
}

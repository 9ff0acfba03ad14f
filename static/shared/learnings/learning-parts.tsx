/** The pieces every layout of "Learnings from Jira" shares: the issue link, the people line, the learnings, the tags. */
import type { ReactNode } from 'react';
import type { LearningCard } from '../../../src/domain/search/learning-cards';
import { peopleNamed } from '../../../src/domain/record/wording';
import type { MacroConfig } from '../../../src/domain/macro/macro-config';
import { OutboundLink } from '../outbound-link';
import { SurpriseMark, VisuallyHidden } from '../learning-marks';
import { timeAgo } from '../format';
import { issueHref, issuePath } from './view-state';

export type Names = ReadonlyMap<string, string>;

export interface Common {
  show: MacroConfig['show'];
  siteUrl: string | null;
  names: Names;
  now: Date;
}

/**
 * What one row (card, table row, compact item) is drawn from. Only values that
 * stay equal while other pages load: `names` and `now` arrive as this row's
 * own strings, so a memoised row re-renders only when what it shows changes.
 */
export interface RowProps {
  card: LearningCard;
  show: MacroConfig['show'];
  siteUrl: string | null;
  /** The people line ("Ada Lovelace, 2 other people"); empty when authors are not shown. */
  by: string;
  /** "2 hours ago"; empty when dates are not shown. */
  ago: string;
}

export function rowProps(card: LearningCard, { show, siteUrl, names, now }: Common): RowProps {
  return {
    card,
    show,
    siteUrl,
    by: show.author ? people(card, names) : '',
    ago: show.dates ? timeAgo(card.record.updatedAt, now) : '',
  };
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
    <OutboundLink href={href} open={path} className="ll-issue-link">
      {children ?? issueKey}
    </OutboundLink>
  );
}

/** By display name; people whose name is not known yet are counted, never shown by account id. */
export function people(card: LearningCard, names: Names): string {
  return peopleNamed([card.record.updatedBy, ...card.record.learnings.map((e) => e.authorAccountId)], (id) => names.get(id)).join(', ');
}

export function Entries({ card }: { card: LearningCard }) {
  if (card.record.learnings.length === 0) return <p className="ll-small">Nothing learned yet.</p>;
  return (
    <ul className="ll-list ll-entries" aria-label={`What ${card.issue.key} learned`}>
      {card.record.learnings.map((entry) => (
        <li key={entry.id} className={entry.surprise ? 'll-entry ll-entry-surprise' : 'll-entry'}>
          <span className="ll-body">{entry.text}</span>
          {entry.surprise ? (
            <span className="ll-entry-mark">
              <SurpriseMark />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The tags as chips (the page's `.ll-tag` class: one rule for every chip, not eight properties set on each). */
export function Tags({ tags }: { tags: string[] }) {
  return (
    <div className="ll-tags">
      <VisuallyHidden>Tags:</VisuallyHidden>
      {tags.map((tag) => (
        <span key={tag} className="ll-tag">
          {tag}
        </span>
      ))}
    </div>
  );
}

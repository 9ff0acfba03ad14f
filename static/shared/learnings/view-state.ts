/**
 * The pure logic behind the "Learnings from Jira" views (the macro and the
 * config view's preview): pages accumulated as the reader scrolls, search
 * within what is loaded, groups with counts, whose names to ask for.
 */
import type { LearningsPage } from '../../../src/contract/resolvers';
import { groupCards, matchesSearch, type CardGroup, type Grouping, type LearningCard } from '../../../src/domain/search/learning-cards';
import { isHttpUrl } from '../../../src/domain/record/learning-record';
import { PEOPLE_PER_LOOKUP } from '../../../src/contract/limits';
import { ACCOUNT_ID_PATTERN, ISSUE_KEY_PATTERN } from '../../../src/domain/record/identifiers';

export interface Loaded {
  cards: LearningCard[];
  nextPageToken: string | null;
  jql: string;
  asOf: string;
  config: LearningsPage['config'];
  /** How many pages were read. */
  pages: number;
}

export function firstPage(page: LearningsPage): Loaded {
  return { ...page, cards: dedupe([], page.cards), pages: 1 };
}

/** Adds the next page; an issue already shown (the order shifted while paging) is not repeated. */
export function appendPage(loaded: Loaded, page: LearningsPage): Loaded {
  return { ...loaded, cards: dedupe(loaded.cards, page.cards), nextPageToken: page.nextPageToken, pages: loaded.pages + 1 };
}

function dedupe(existing: readonly LearningCard[], more: readonly LearningCard[]): LearningCard[] {
  const seen = new Set(existing.map((card) => card.issue.id));
  const out = [...existing];
  for (const card of more) {
    if (seen.has(card.issue.id)) continue;
    seen.add(card.issue.id);
    out.push(card);
  }
  return out;
}

export interface VisibleGroups {
  groups: CardGroup[];
  /** Issues shown after the search (an issue in two tag groups counts once). */
  shown: number;
}

export function visibleGroups(cards: readonly LearningCard[], groupBy: Grouping, search: string): VisibleGroups {
  const matching = cards.filter((card) => matchesSearch(card, search));
  return { groups: groupCards(matching, groupBy), shown: matching.length };
}

/** The people these cards name (editor and entry authors), not yet known, at most 50: one `people/lookup` call. */
export function accountIdsToName(cards: readonly LearningCard[], known: ReadonlySet<string>, limit = PEOPLE_PER_LOOKUP): string[] {
  const wanted = new Set<string>();
  for (const card of cards) {
    for (const id of [card.record.updatedBy, ...card.record.learnings.map((e) => e.authorAccountId)]) {
      if (id && !known.has(id) && ACCOUNT_ID_PATTERN.test(id)) wanted.add(id);
      if (wanted.size >= limit) return [...wanted];
    }
  }
  return [...wanted];
}

/** The issue's path on the site, for the host's router. */
export function issuePath(key: string): string | null {
  return ISSUE_KEY_PATTERN.test(key) ? `/browse/${key}` : null;
}

/** The issue's full address (for the link's href: copy link, hover), or null without a trustworthy site. */
export function issueHref(siteUrl: unknown, key: string): string | null {
  const path = issuePath(key);
  if (!path || typeof siteUrl !== 'string' || !isHttpUrl(siteUrl)) return null;
  const base = new URL(siteUrl);
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}${path}`;
}

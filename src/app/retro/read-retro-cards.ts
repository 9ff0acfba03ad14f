/**
 * One search of the retro view read in at most two rounds of calls, whatever its size: its first
 * page (100 issues with their records) and its ids (one ids-only page) in parallel; when there is
 * more than a page, the other issues by id, 100 a call, all at once. Chained pages cost one round
 * each (five at the cap); this costs one more call (the ids) for a sprint that fits one page.
 */
import { cardOf } from '../../domain/search/card-of';
import type { LearningCard } from '../../domain/search/learning-cards';
import {
  MAX_BULK_READ,
  type IssueBulkReadPort,
  type IssueIdSearchPort,
  type IssueSearchPort,
  type LearningHit,
} from '../../ports/search/issue-search.port';

/** Jira's largest page when fields are asked for. */
export const RETRO_PAGE_SIZE = 100;
/** A search reads at most this many pages' worth (500 issues with learnings), so an invocation stays far from 25 s. */
export const MAX_SEARCH_PAGES = 5;
const MAX_READ = RETRO_PAGE_SIZE * MAX_SEARCH_PAGES;

export type RetroSearchPort = IssueSearchPort & IssueIdSearchPort & IssueBulkReadPort;

export interface ReadCards {
  cards: LearningCard[];
  /** True when not every issue the search found was read: more than the cap (what was read is counted), or `failed`. */
  truncated: boolean;
  /** True when Jira's bulk fetch still could not return some issues: unlike the cap, this count may differ next time. */
  failed: boolean;
}

export interface CardsReading {
  /** The first page's cards: what names and link checks can start on. */
  first: Promise<LearningCard[]>;
  /** Every card of the search up to the cap, in the search's order. */
  all: Promise<ReadCards>;
}

const cardsOf = (hits: readonly LearningHit[]): LearningCard[] => hits.map(cardOf).filter((card): card is LearningCard => card !== null);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Reads these ids, 100 a call, all at once: the hits, and the ids Jira could not return this time. */
async function readAll(search: IssueBulkReadPort, ids: readonly string[]): Promise<{ hits: LearningHit[]; failedIds: string[] }> {
  const reads = await Promise.all(chunks(ids, MAX_BULK_READ).map((batch) => search.readByIds(batch)));
  return { hits: reads.flatMap((r) => r.hits), failedIds: reads.flatMap((r) => r.failedIds) };
}

/**
 * The first page's cards and the rest read by id, in the order of the ids search (first-page cards it missed, last).
 * Ids Jira could not return are asked once more; any still missing make the reading incomplete (`truncated`), so
 * its figures are never taken for the whole sprint nor remembered.
 */
async function restByIds(search: IssueBulkReadPort, firstCards: LearningCard[], ids: string[]): Promise<ReadCards> {
  const kept = ids.slice(0, MAX_READ);
  const byId = new Map(firstCards.map((card) => [card.issue.id, card]));
  const first = await readAll(
    search,
    kept.filter((id) => !byId.has(id)),
  );
  const again = first.failedIds.length > 0 ? await readAll(search, first.failedIds) : { hits: [], failedIds: [] };
  for (const card of cardsOf([...first.hits, ...again.hits])) byId.set(card.issue.id, card);
  const listed = new Set(kept);
  const cards = kept.map((id) => byId.get(id)).filter((card): card is LearningCard => card !== undefined);
  cards.push(...firstCards.filter((card) => !listed.has(card.issue.id)));
  const failed = again.failedIds.length > 0;
  return { cards, truncated: ids.length > MAX_READ || failed, failed };
}

/** Starts the reading at once; the ids are awaited only when the first page is not the last. */
export function readRetroCards(search: RetroSearchPort, jql: string, reconcileIssueIds: readonly string[]): CardsReading {
  const page = search.search({ jql, pageSize: RETRO_PAGE_SIZE, reconcileIssueIds });
  const ids = search.searchIds({ jql, max: MAX_READ + 1, reconcileIssueIds });
  ids.catch(() => undefined);
  const first = page.then((p) => cardsOf(p.hits));
  const all = page.then(async (p) => {
    const firstCards = cardsOf(p.hits);
    if (!p.nextPageToken) return { cards: firstCards, truncated: false, failed: false };
    return restByIds(search, firstCards, await ids);
  });
  // Each is awaited by whoever needs it (the figures need no first page); a failure reaches them, never the process.
  first.catch(() => undefined);
  all.catch(() => undefined);
  return { first, all };
}

/**
 * The library page's pure logic: filters changed one control at a time, the words of the filters
 * for the empty state, and tag suggestions from the loaded cards. Plain values, tested without a DOM.
 */
import {
  LIBRARY_LIMITS,
  NO_FILTERS,
  type LibraryFilters,
  type LibrarySort,
  type Period,
} from '../../../../src/domain/library/library-filters';
import { normaliseTag } from '../../../../src/domain/record/text';
import type { LearningCard } from '../../../../src/domain/search/learning-cards';

export { NO_FILTERS };

export const PERIOD_LABELS: Record<Period, string> = {
  any: 'Any time',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '365d': 'Last 12 months',
};

export const SORT_LABELS: Record<LibrarySort, string> = {
  newest: 'Newest first',
  reused: 'Most reused first',
};

/** Adds the value, or removes it when it is there. */
export function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** Whether anything narrows the library (the empty state then offers to clear the filters). */
export function isFiltered(filters: LibraryFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.projects.length > 0 ||
    filters.tags.length > 0 ||
    filters.outcomes.length > 0 ||
    filters.surprisesOnly ||
    filters.period !== 'any' ||
    filters.author !== '' ||
    // "Most reused" lists only the learnings that helped a ticket.
    filters.sort === 'reused'
  );
}

/** A typed tag added as the panel stores it; unchanged when it is empty, already there, too long, or one too many. */
export function withTag(filters: LibraryFilters, typed: string): LibraryFilters {
  const tag = normaliseTag(typed);
  if (!tag || filters.tags.includes(tag) || Array.from(tag).length > LIBRARY_LIMITS.tagChars) return filters;
  if (filters.tags.length >= LIBRARY_LIMITS.tags) return filters;
  return { ...filters, tags: [...filters.tags, tag] };
}

/** Tags of the loaded cards that start with what is typed, most used first, not yet picked; at most `limit`. */
export function tagSuggestions(cards: readonly LearningCard[], typed: string, picked: readonly string[], limit = 8): string[] {
  const prefix = normaliseTag(typed);
  const counts = new Map<string, number>();
  for (const card of cards) {
    for (const tag of card.record.tags) {
      if (picked.includes(tag) || !tag.startsWith(prefix)) continue;
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))
    .slice(0, limit)
    .map(([tag]) => tag);
}

/** The account ids of the people who wrote the cards' learnings. */
export function authorsIn(cards: readonly LearningCard[]): string[] {
  return [...new Set(cards.flatMap((card) => card.record.learnings.map((entry) => entry.authorAccountId)))];
}

/**
 * "Written by" choices: the viewer first ("You"), then every author seen so far by name, alphabetically;
 * the picked author stays listed even when the loaded cards no longer name them.
 */
export function authorChoices(
  seen: readonly string[],
  names: ReadonlyMap<string, string>,
  viewerId: string | null,
  picked: string,
): Array<{ value: string; label: string }> {
  const ids = new Set([...seen, ...(picked ? [picked] : [])]);
  if (viewerId) ids.delete(viewerId);
  const others = [...ids]
    .map((id) => ({ value: id, label: names.get(id) ?? 'Someone not named yet' }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en') || a.value.localeCompare(b.value));
  return [...(viewerId ? [{ value: viewerId, label: 'You' }] : []), ...others];
}

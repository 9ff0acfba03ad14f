/**
 * The shown cards' authors' names and their "This helped" links checked, started on the search's
 * first page, beside the reads of the later pages: a second lookup or check only for authors or
 * links that the later pages bring. Links to issues the reader cannot browse become placeholders.
 */
import { PEOPLE_PER_LOOKUP } from '../../contract/limits';
import { hideLinkedIssues, linkedIssueIdsOf } from '../../domain/record/evidence-visibility';
import { authorIdsOf, type LearningCard } from '../../domain/search/learning-cards';
import type { PeopleDirectoryPort } from '../../ports/people/people-directory.port';
import type { BrowsePermissionPort } from '../../ports/search/issue-search.port';
import { unbrowsableAmong } from '../record/hide-unbrowsable-links';
import type { CardsReading } from './read-retro-cards';

interface Lookups {
  people: PeopleDirectoryPort;
  permissions: BrowsePermissionPort;
}

interface Known {
  names: Record<string, string>;
  /** Authors asked for, and linked issues checked (with those the reader may not browse). */
  asked: Set<string>;
  checked: Set<string>;
  hidden: Set<string>;
}

/** Names of the authors and links of these cards not yet known, in one round (the lookup and the check in parallel). */
async function learn(deps: Lookups, accountId: string, cards: readonly LearningCard[], known: Known): Promise<Known> {
  const authors = authorIdsOf(cards)
    .slice(0, PEOPLE_PER_LOOKUP)
    .filter((id) => !known.asked.has(id));
  const links = linkedIssueIdsOf(cards.map((card) => card.record)).filter((id) => !known.checked.has(id));
  const [names, hidden] = await Promise.all([
    authors.length ? deps.people.displayNames(authors) : Promise.resolve({}),
    unbrowsableAmong(deps.permissions, accountId, links),
  ]);
  return {
    names: { ...known.names, ...names },
    asked: new Set([...known.asked, ...authors]),
    checked: new Set([...known.checked, ...links]),
    hidden: new Set([...known.hidden, ...hidden]),
  };
}

/** Every card of the reading, as the reader may see it, with its authors' names (at most one lookup's worth). */
export async function nameAndCheckCards(
  deps: Lookups,
  accountId: string,
  reading: CardsReading,
): Promise<{ cards: LearningCard[]; names: Record<string, string> }> {
  const none: Known = { names: {}, asked: new Set(), checked: new Set(), hidden: new Set() };
  const [early, { cards }] = await Promise.all([reading.first.then((first) => learn(deps, accountId, first, none)), reading.all]);
  const known = await learn(deps, accountId, cards, early);
  const shown = cards.map((card) => {
    const record = hideLinkedIssues(card.record, known.hidden);
    return record === card.record ? card : { ...card, record };
  });
  return { cards: shown, names: known.names };
}

/** Words the app uses for a record everywhere it is shown: the screens, the exports, the macro. */
import type { Outcome } from './learning-record';

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  open: 'Open',
  validated: 'Validated',
  invalidated: 'Invalidated',
  inconclusive: 'Inconclusive',
};

export const outcomeLabel = (outcome: Outcome): string => OUTCOME_LABELS[outcome];

/** "1 learning", "3 learnings". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The people who wrote something, by display name, never by account id: those
 * whose name is not known (not looked up yet, or the lookup failed) are counted,
 * not shown. ["Ada Lovelace", "1 other person"], ["someone"], ["2 people"].
 */
export function peopleNamed(accountIds: readonly string[], nameOf: (accountId: string) => string | undefined): string[] {
  const unique = [...new Set(accountIds.filter(Boolean))];
  const named = unique.map(nameOf).filter((name): name is string => Boolean(name));
  const unnamed = unique.length - named.length;
  if (unnamed === 0) return named;
  if (named.length > 0) return [...named, plural(unnamed, 'other person', 'other people')];
  return [unnamed === 1 ? 'someone' : plural(unnamed, 'person', 'people')];
}

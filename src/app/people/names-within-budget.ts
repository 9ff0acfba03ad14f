import { FORMER_USER } from '../../domain/privacy/personal-data';
import { ACCOUNT_ID_PATTERN } from '../../domain/record/identifiers';
import type { PeopleDirectoryPort } from '../../ports/people/people-directory.port';
import { displayNames } from './display-names';

/**
 * How long opening a view waits for display names once it knows whom to name. Past it the view is
 * answered without names (the page asks `people/lookup` itself), so names never hold up the first paint.
 */
export const NAMES_BUDGET_MS = 600;

/** Each person asked for: their display name, or null when Jira does not show them to the viewer. */
export type AskedNames = Record<string, string | null>;

/** Ids Jira could name: what `people/lookup` accepts, less a closed account's `unknown` (Jira names nobody by it). */
const mayBeNamed = (accountId: string) => ACCOUNT_ID_PATTERN.test(accountId) && accountId !== FORMER_USER;

/**
 * The `people/lookup` use case, bounded in time: null when Jira has not answered within the budget or
 * failed (names are a nicety: never a reason to fail the view). Nobody Jira could name: no call at all.
 */
export async function namesWithinBudget(
  deps: { people: PeopleDirectoryPort },
  accountIds: readonly string[],
  budgetMs: number = NAMES_BUDGET_MS,
): Promise<AskedNames | null> {
  const asked = [...new Set(accountIds)];
  const lookedUp = asked.filter(mayBeNamed);
  if (lookedUp.length === 0) return Object.fromEntries(asked.map((id) => [id, null]));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outOfTime = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      resolve(null);
    }, budgetMs);
  });
  const lookup = displayNames(deps, { accountIds: lookedUp }).then(
    ({ names }): AskedNames => Object.fromEntries(asked.map((id) => [id, names[id] ?? null])),
    () => null, // failed (Jira down, refused, throttled): the page asks again
  );
  try {
    return await Promise.race([lookup, outOfTime]);
  } finally {
    clearTimeout(timer);
  }
}

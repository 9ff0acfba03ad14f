import type { PeopleNames } from '../../contract/resolvers';
import type { PeopleDirectoryPort } from '../../ports/people/people-directory.port';

/** Names for the people a record mentions: one lookup, duplicates asked once. */
export async function displayNames(deps: { people: PeopleDirectoryPort }, input: { accountIds: readonly string[] }): Promise<PeopleNames> {
  return { names: await deps.people.displayNames([...new Set(input.accountIds)]) };
}

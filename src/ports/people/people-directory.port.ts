/** Display names for account ids, as the person using the app may see them. */
export interface PeopleDirectoryPort {
  displayNames(accountIds: readonly string[]): Promise<Record<string, string>>;
}

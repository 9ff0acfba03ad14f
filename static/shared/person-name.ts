/** How a person is named: "you" for the viewer, else the display name once known, else the account id as stored. */
export type Directory = ReadonlyMap<string, string>;

export function nameOf(accountId: string, viewerAccountId: string | null, directory?: Directory): string {
  if (viewerAccountId && accountId === viewerAccountId) return 'you';
  return directory?.get(accountId) ?? accountId;
}

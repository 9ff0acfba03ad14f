/**
 * How a person is named in the panel. Today: the account id as stored, or
 * "you" for the viewer. The hook for display names later: give `nameOf` a
 * directory (e.g. filled from one bulk user lookup) and every place follows.
 */
export type Directory = ReadonlyMap<string, string>;

export function nameOf(accountId: string, viewerAccountId: string | null, directory?: Directory): string {
  if (viewerAccountId && accountId === viewerAccountId) return 'you';
  return directory?.get(accountId) ?? accountId;
}

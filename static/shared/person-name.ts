/** How a person is named: "you" for the viewer, else the display name once known, else a neutral word (never the account id). */
export type Directory = ReadonlyMap<string, string>;

/** Shown for someone whose name is not known yet, or whom Jira does not show the viewer. */
export const UNNAMED_PERSON = 'someone';

export function nameOf(accountId: string, viewerAccountId: string | null, directory?: Directory): string {
  if (viewerAccountId && accountId === viewerAccountId) return 'you';
  return directory?.get(accountId) ?? UNNAMED_PERSON;
}

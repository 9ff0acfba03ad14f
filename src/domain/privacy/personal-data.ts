/**
 * Personal data the app holds: Atlassian account ids beside what people wrote. Pure: which ids
 * a stored value names, and the value with one person's id replaced by the marker Jira itself
 * uses for an account it cannot name (`unknown`), which is never reported
 * (Atlassian's user privacy guide).
 */

/** What a closed account's id becomes: Jira's own id for an unknown account. */
export const FORMER_USER = 'unknown';

/** "1-128 characters long, and may contain alphanumeric characters, as well as - and :". */
const ACCOUNT_ID = /^[A-Za-z0-9:-]{1,128}$/;

/** The Personal data reporting API takes up to 90 accounts per request. */
export const REPORT_BATCH_SIZE = 90;
/** "By default, the cycle period is 7 days", unless the API's Cycle-Period header says otherwise. */
export const DEFAULT_CYCLE_MS = 7 * 24 * 3_600_000;

export const isReportableAccountId = (id: unknown): id is string => typeof id === 'string' && id !== FORMER_USER && ACCOUNT_ID.test(id);

/** The fields where the app stores an account id: who saved, who last updated, who wrote an entry or a reuse, who owns a sprint goal. */
const ACCOUNT_FIELDS = new Set(['savedBy', 'updatedBy', 'authorAccountId', 'accountId', 'ownerAccountId']);
/**
 * The fields that list account ids: a record's indexed learning authors (`index.authors`). From the stored
 * format version 2 on, learnings name their author by place in that list: an id is replaced in place, so
 * each place still holds its learning's author.
 */
const ACCOUNT_LIST_FIELDS = new Set(['authors']);
const isAccountList = (key: string, child: unknown): child is unknown[] => ACCOUNT_LIST_FIELDS.has(key) && Array.isArray(child);

/** Every account id a stored value names in the app's account fields, at any depth. */
export function accountIdsIn(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (ACCOUNT_FIELDS.has(key) && isReportableAccountId(child)) found.add(child);
        else if (isAccountList(key, child)) child.filter(isReportableAccountId).forEach((id) => found.add(id));
        else walk(child);
      }
    }
  };
  walk(value);
  return [...found];
}

/** The value with this person's id replaced by FORMER_USER in the account fields, and whether anything changed. */
export function withoutAccount<T>(value: T, accountId: string): { value: T; changed: boolean } {
  const found = { changed: false };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => {
        if (ACCOUNT_FIELDS.has(key) && child === accountId) {
          found.changed = true;
          return [key, FORMER_USER];
        }
        if (isAccountList(key, child) && child.includes(accountId)) {
          found.changed = true;
          return [key, child.map((id) => (id === accountId ? FORMER_USER : id))];
        }
        return [key, walk(child)];
      }),
    );
  };
  const next = walk(value) as T;
  return { value: found.changed ? next : value, changed: found.changed };
}

/** `Cycle-Period` in seconds (its unit is not documented: seconds, as Retry-After), or undefined when unreadable. */
export function cyclePeriodMsOf(header: string | null): number | undefined {
  if (!header || !/^\d+$/.test(header.trim())) return undefined;
  const seconds = Number(header.trim());
  return seconds > 0 ? seconds * 1000 : undefined;
}

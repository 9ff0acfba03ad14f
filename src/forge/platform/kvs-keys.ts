import { kvs, WhereConditions } from '@forge/kvs';

/** KVS answers at most 100 keys per query page. */
const PAGE_SIZE = 100;

/** Every key (with its value) under a prefix, page by page (KVS queries are eventually consistent). */
export async function entriesUnder<T = unknown>(prefix: string): Promise<Array<{ key: string; value: T }>> {
  const found: Array<{ key: string; value: T }> = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE_SIZE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<T>();
    found.push(...page.results.map((r) => ({ key: r.key, value: r.value })));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

/** Deletes the keys, a batch at a time (KVS takes 25 per batch). */
export async function deleteKeys(keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 25) {
    await Promise.all(keys.slice(i, i + 25).map((key) => kvs.delete(key)));
  }
}

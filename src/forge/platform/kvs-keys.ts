import { kvs, WhereConditions } from '@forge/kvs';

/** KVS answers at most 100 keys per query page. */
const PAGE_SIZE = 100;

/** Every key (with its value, unchecked: callers narrow it) under a prefix, page by page (KVS queries are eventually consistent). */
export async function entriesUnder(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
  const found: Array<{ key: string; value: unknown }> = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE_SIZE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    found.push(...page.results.map((r) => ({ key: r.key, value: r.value })));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

/** A stored value's string field, or undefined when the value is not an object or the field not a string. */
export function stringField(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field: unknown = (value as Record<string, unknown>)[name];
  return typeof field === 'string' ? field : undefined;
}

/** A stored value's array field (its entries unchecked), or [] when absent. */
export function arrayField(value: unknown, name: string): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  const field: unknown = (value as Record<string, unknown>)[name];
  return Array.isArray(field) ? (field as unknown[]) : [];
}

/** Deletes the keys, a batch at a time (KVS takes 25 per batch). */
export async function deleteKeys(keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 25) {
    await Promise.all(keys.slice(i, i + 25).map((key) => kvs.delete(key)));
  }
}

// A JQL query's order: its ORDER BY fields, then Jira's default.
import type { Field, OrderBy } from '@atlaskit/jql-ast';
import type { FieldDef, IssueView, Value } from './jql-fields';

/** The order: ORDER BY fields, then Jira's default (created, newest first); id breaks ties. */
export function orderOf(
  orderBy: OrderBy | undefined,
  fieldDef: (name: string, field: Field) => FieldDef | undefined,
  errors: string[],
): (a: IssueView, b: IssueView) => number {
  const keys: Array<{ key: (issue: IssueView) => Value | null; desc: boolean }> = [];
  for (const item of orderBy?.fields ?? []) {
    const name = item.field.value;
    const def = fieldDef(name, item.field);
    if (!def) {
      errors.push(`Field '${name}' does not exist or you do not have permission to view it.`);
      continue;
    }
    if (!def.sortKey) {
      errors.push(`Field '${name}' does not support sorting.`);
      continue;
    }
    keys.push({ key: def.sortKey, desc: item.direction?.value.toLowerCase() === 'desc' });
  }
  if (keys.length === 0) {
    keys.push({ key: (issue) => Date.parse(issue.row.created), desc: true });
    keys.push({ key: (issue) => Number(issue.row.id), desc: true });
  }
  keys.push({ key: (issue) => Number(issue.row.id), desc: false });
  return (a, b) => {
    for (const { key, desc } of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      // Empty values sort after every value in ascending order, first in descending order.
      const cmp = x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
      return desc ? -cmp : cmp;
    }
    return 0;
  };
}

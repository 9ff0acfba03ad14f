/**
 * JQL written as text, for the few fixed shapes the app builds itself ("Learned before", issues by
 * key): field names are the app's own, and every value goes through `quoteJqlValue`, so nothing a
 * person typed can change the query's shape. Queries that hold a person's JQL are built on
 * Atlassian's parser instead (`learning-query.ts`).
 */

/** A JQL string literal: in double quotes, with backslashes and double quotes escaped. */
export function quoteJqlValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `field IN ("a", "b")`, every value quoted. */
export function inClause(field: string, values: readonly string[]): string {
  return `${field} IN (${values.map(quoteJqlValue).join(', ')})`;
}

/** `field ~ "text"` (contains), the text quoted. */
export function containsClause(field: string, text: string): string {
  return `${field} ~ ${quoteJqlValue(text)}`;
}

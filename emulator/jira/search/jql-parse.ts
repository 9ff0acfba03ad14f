/**
 * JQL parsed by Atlassian's own grammar (@atlaskit/jql-parser through
 * @atlaskit/jql-ast's JastBuilder), with Jira's wording for syntax errors.
 */
import { JastBuilder, type Jast, type Query } from '@atlaskit/jql-ast';

const OPERATOR_LIST = "'=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'";

/** Jira's wording for the grammar's syntax errors. */
function syntaxMessage(jql: string, raw: string, start: number): string {
  const where = `(line 1, character ${start + 1})`;
  const got = /input '([^']*)'/.exec(raw)?.[1] ?? /at '([^']*)'/.exec(raw)?.[1] ?? jql.slice(start, start + 1);
  const atEnd = got === '<EOF>' || start >= jql.length;
  const prefix = 'Error in the JQL Query:';
  const recognition = /token recognition error at: '(.)/.exec(raw);
  if (recognition) {
    const c = recognition[1] ?? '';
    return `${prefix} The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead. ${where}`;
  }
  if (/expecting \{'<', '>'/.test(raw)) {
    return atEnd
      ? `${prefix} Expecting operator before the end of the query. The valid operators are ${OPERATOR_LIST}.`
      : `${prefix} Expecting operator but got '${got}'. The valid operators are ${OPERATOR_LIST}. ${where}`;
  }
  if (/expecting \{EMPTY/.test(raw)) {
    return atEnd
      ? `${prefix} Expecting either a value, list or function before the end of the query. The query is invalid.`
      : `${prefix} Expecting either a value, list or function but got '${got}'. You must surround '${got}' in quotation marks to use it as a value. ${where}`;
  }
  if (/missing '\)'/.test(raw) || /expecting \{'\)', ','\}/.test(raw)) {
    return `${prefix} Expecting ')' but got '${atEnd ? 'the end of the query' : got}'. ${where}`;
  }
  if (/^[+.,;?|*/%^$#@[\]]$/.test(got)) {
    return `${prefix} The character '${got}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${got.charCodeAt(0).toString(16).padStart(4, '0')}' instead. ${where}`;
  }
  if (atEnd) return `${prefix} Expecting a field name before the end of the query. ${where}`;
  return `${prefix} Expecting either 'OR' or 'AND' but got '${got}'. ${where}`;
}

export interface ParsedJql {
  jast: Jast;
  query: Query | undefined;
  syntaxErrors: string[];
}

/** Parsing with the ANTLR grammar takes milliseconds: the same query text is parsed once (the AST is only read). */
const parsedCache = new Map<string, ParsedJql>();
const PARSED_CACHE_SIZE = 500;

export function parseJql(jql: string): ParsedJql {
  const cached = parsedCache.get(jql);
  if (cached) return cached;
  const parsed = parseJqlUncached(jql);
  if (parsedCache.size >= PARSED_CACHE_SIZE) {
    const oldest = parsedCache.keys().next();
    if (!oldest.done) parsedCache.delete(oldest.value);
  }
  parsedCache.set(jql, parsed);
  return parsed;
}

function parseJqlUncached(jql: string): ParsedJql {
  const jast = new JastBuilder().build(jql);
  const syntaxErrors = jast.errors.map((e) => syntaxMessage(jql, e.message, (e as { start?: number }).start ?? jql.length));
  return { jast, query: jast.query ? jast.query : undefined, syntaxErrors: [...new Set(syntaxErrors)] };
}

// Jira's JQL endpoints beside search: jql/parse (each query's structure and errors, as strict, warn or
// none) and search/approximate-count.
import { compileJql, parseJql, type CompiledJql, type JqlEnvironment } from './jql-compiler';
import { structureOf } from './jql-structure';
import { answer, errorBody, jqlErrorBody, type RouteAnswer, type RouteRequest } from './search-http';

/** POST /rest/api/3/jql/parse */
export function jqlParse(env: JqlEnvironment, req: RouteRequest): RouteAnswer {
  const validation = (req.url.searchParams.get('validation') ?? 'strict').toLowerCase();
  if (!['strict', 'warn', 'none'].includes(validation)) {
    return answer(400, errorBody(`The value '${validation}' is not valid for 'validation': use strict, warn or none.`));
  }
  let body: unknown;
  try {
    body = req.bodyText ? JSON.parse(req.bodyText) : {};
  } catch {
    return answer(400, errorBody('Invalid request payload. Refer to the REST API documentation and try again.'));
  }
  const asked: unknown = body !== null && typeof body === 'object' ? (body as { queries?: unknown }).queries : undefined;
  if (!Array.isArray(asked) || asked.length === 0 || asked.some((q) => typeof q !== 'string' || q.length === 0)) {
    return answer(400, { errorMessages: [], errors: { queries: 'The queries must be a non-empty list of non-empty strings.' } });
  }
  const queries = (asked as string[]).map((query) => {
    const parsed = parseJql(query);
    if (parsed.syntaxErrors.length > 0 || !parsed.query) return { query, errors: parsed.syntaxErrors };
    const structure = structureOf(parsed.query);
    if (validation === 'none') return { query, structure, errors: [] };
    const semantic = compileJql(query, env).errors;
    return validation === 'warn' ? { query, structure, errors: [], warnings: semantic } : { query, structure, errors: semantic };
  });
  return answer(200, { queries });
}

/** POST /rest/api/3/search/approximate-count: how many issues a bounded query finds. */
export function approximateCount(
  run: (jql: string) => { compiled: CompiledJql; issues: readonly unknown[] },
  req: RouteRequest,
): RouteAnswer {
  let body: unknown;
  try {
    body = req.bodyText ? JSON.parse(req.bodyText) : {};
  } catch {
    return answer(400, errorBody('Invalid request payload. Refer to the REST API documentation and try again.'));
  }
  const asked: unknown = body !== null && typeof body === 'object' ? (body as { jql?: unknown }).jql : undefined;
  const jql = typeof asked === 'string' ? asked : '';
  const { compiled, issues } = run(jql);
  if (compiled.errors.length > 0) return answer(400, jqlErrorBody(compiled.errors));
  if (!compiled.bounded)
    return answer(400, jqlErrorBody(['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']));
  return answer(200, { count: issues.length });
}

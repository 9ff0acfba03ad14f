/**
 * The JQL the app sends to find learnings: a person's query (validated with
 * Atlassian's own grammar), narrowed to issues that carry a learning record,
 * with the app's filters and order. Built on the AST, never by pasting strings
 * into one another, so "a OR b" cannot swallow the filters.
 */
import type { Clause, Jast, OrderBy } from '@atlaskit/jql-ast';
import { jqlAst } from './jql-ast';
import { OUTCOMES, type Outcome } from '../record/learning-record';
import { jqlProblemMessage } from './jql-problems';

/** The macro's orders. */
export const SORTS = ['updated', 'created', 'key'] as const;
export type MacroSort = (typeof SORTS)[number];
/** And the library's "Most reused": only learnings that helped a ticket, the most tickets first. */
export type LearningSort = MacroSort | 'reused';

export interface LearningQuery {
  /** The person's JQL; its own ORDER BY is replaced by `sort`. */
  jql: string;
  surprisesOnly: boolean;
  /** Empty means every outcome. */
  outcomes: Outcome[];
  sort: LearningSort;
}

export type BuiltJql = { ok: true; jql: string } | { ok: false; message: string };

const ORDER: Record<LearningSort, string> = {
  updated: 'ORDER BY learningUpdated DESC, key DESC',
  created: 'ORDER BY created DESC, key DESC',
  key: 'ORDER BY key ASC',
  reused: 'ORDER BY learningReuses DESC, learningUpdated DESC, key DESC',
};

/** A fresh builder each time: a reused one answers a repeated query with an empty tree. */
function parse(jql: string): Jast {
  return new (jqlAst().JastBuilder)().build(jql);
}

function whereOf(jql: string): Clause | undefined {
  return parse(jql).query?.where ?? undefined;
}

/** A syntax error in a person's JQL, as a sentence naming the place and the fix (jql-problems.ts); null when it parses. */
export function jqlSyntaxProblem(jql: string): string | null {
  return jqlProblemMessage(jql);
}

/** Only issues that have a record: every saved record has an outcome. */
const HAS_RECORD = 'learningOutcome IS NOT EMPTY';

export { quoteJqlValue } from './jql-text';

/** With `order: false`, the query has no ORDER BY (a count needs none), built on the parsed tree. */
export function buildLearningJql(query: LearningQuery, options: { order?: boolean } = {}): BuiltJql {
  const problem = jqlSyntaxProblem(query.jql);
  if (problem) return { ok: false, message: problem };
  const filters = [HAS_RECORD];
  if (query.surprisesOnly) filters.push('learningSurprise = "true"');
  // Descending, Jira lists issues without a value first: the order needs the count to be there.
  if (query.sort === 'reused') filters.push('learningReuses > 0');
  const outcomes = query.outcomes.filter((o) => OUTCOMES.includes(o));
  if (outcomes.length > 0 && outcomes.length < OUTCOMES.length) filters.push(`learningOutcome IN (${outcomes.join(', ')})`);

  const clauses: Clause[] = [];
  const own = whereOf(query.jql);
  if (own) clauses.push(own);
  const ours = whereOf(filters.join(' AND '));
  if (ours) clauses.push(ours);
  const { creators, print, COMPOUND_OPERATOR_AND } = jqlAst();
  const where = clauses.length === 1 ? clauses[0] : creators.compoundClause(creators.compoundOperator(COMPOUND_OPERATOR_AND), clauses);
  const orderBy = options.order === false ? undefined : (parse(ORDER[query.sort]).query?.orderBy as OrderBy);
  const ast = parse('');
  return { ok: true, jql: print({ ...ast, query: creators.query(where, orderBy) }, { printWidth: Infinity, operatorCase: 'upper' }) };
}

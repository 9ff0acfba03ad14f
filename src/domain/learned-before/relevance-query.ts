/**
 * The one JQL search behind "Learned before": issues whose indexed learning
 * text, hypothesis or tags share something with what the person is writing,
 * other than their own issue. Built on Atlassian's JQL AST with every value
 * quoted and escaped, so nothing typed can change the query's shape.
 *
 *   (learningText ~ "refund" OR learningHypothesis ~ "refund" OR learningTags IN ("pricing")) AND key != "FLEX-200"
 */
import type { Clause, ListOperand, Operator, ValueOperand } from '@atlaskit/jql-ast';
import { jqlAst } from '../search/jql-ast';
import { normaliseTags } from '../record/learning-record';
import { quoteJqlValue } from '../search/learning-query';
import { termsOf, type Term } from './relevance-text';

/** Each term costs two clauses; Jira answers long ORs slower, and a hypothesis rarely has more than this many telling words. */
export const MAX_QUERY_TERMS = 8;
export const MAX_QUERY_TAGS = 10;

export interface LearnedBeforeInput {
  /** What the person is writing: the hypothesis, or the issue's summary when there is none yet. */
  text: string;
  tags: readonly string[];
}

export interface LearnedBeforeQuery {
  terms: Term[];
  tags: string[];
}

/**
 * The terms worth searching for: content words, at most MAX_QUERY_TERMS of
 * them, the longest first kept when there are more (a long word is usually
 * the telling one: "refund" over "show"), in their written order.
 */
export function learnedBeforeQueryOf(input: LearnedBeforeInput): LearnedBeforeQuery {
  const all = termsOf(input.text);
  const kept =
    all.length <= MAX_QUERY_TERMS
      ? all
      : [...all]
          .map((term, index) => ({ term, index }))
          .sort((a, b) => b.term.word.length - a.term.word.length || a.index - b.index)
          .slice(0, MAX_QUERY_TERMS)
          .sort((a, b) => a.index - b.index)
          .map(({ term }) => term);
  return { terms: kept, tags: normaliseTags(input.tags).slice(0, MAX_QUERY_TAGS) };
}

const value = (text: string): ValueOperand => jqlAst().creators.byText.valueOperand(quoteJqlValue(text));
const list = (texts: readonly string[]): ListOperand => jqlAst().creators.listOperand(texts.map(value));
const clause = (field: string, operator: Operator['value'], operand: ValueOperand | ListOperand): Clause => {
  const { creators } = jqlAst();
  return creators.terminalClause(creators.field(field), creators.operator(operator), operand);
};

/** The query of this clause (and order), printed on one line with upper-case operators. */
function printed(where: Clause, orderByJql?: string): string {
  const { JastBuilder, creators, print } = jqlAst();
  const orderBy = orderByJql ? new JastBuilder().build(orderByJql).query?.orderBy : undefined;
  const ast = new JastBuilder().build('');
  return print({ ...ast, query: creators.query(where, orderBy ?? undefined) }, { printWidth: Infinity, operatorCase: 'upper' });
}

/** The JQL for a query, or null when there is nothing to search for (no content word, no tag). */
export function learnedBeforeJql(query: LearnedBeforeQuery, excludeIssueKey: string): string | null {
  const { creators, COMPOUND_OPERATOR_AND, COMPOUND_OPERATOR_OR, OPERATOR_IN, OPERATOR_LIKE, OPERATOR_NOT_EQUALS } = jqlAst();
  const anyOf: Clause[] = [];
  for (const term of query.terms) {
    anyOf.push(clause('learningText', OPERATOR_LIKE, value(term.word)));
    anyOf.push(clause('learningHypothesis', OPERATOR_LIKE, value(term.word)));
  }
  if (query.tags.length > 0) anyOf.push(clause('learningTags', OPERATOR_IN, list(query.tags)));
  if (anyOf.length === 0) return null;
  const [only] = anyOf;
  const matches = anyOf.length === 1 && only ? only : creators.compoundClause(creators.compoundOperator(COMPOUND_OPERATOR_OR), anyOf);
  const where = creators.compoundClause(creators.compoundOperator(COMPOUND_OPERATOR_AND), [
    matches,
    clause('key', OPERATOR_NOT_EQUALS, value(excludeIssueKey)),
  ]);
  return printed(where, 'ORDER BY learningUpdated DESC');
}

/** `key IN ("FLEX-112", "CHK-60")`: a few issues by key, every value quoted. */
export function issuesByKeyJql(keys: readonly string[]): string {
  return printed(clause('key', jqlAst().OPERATOR_IN, list(keys)));
}

/**
 * The one JQL search behind "Learned before": issues whose indexed learning
 * text, hypothesis or tags share something with what the person is writing,
 * other than their own issue. Written as text with every value quoted and
 * escaped (`jql-text.ts`), so nothing typed can change the query's shape, and
 * the panel's function carries no JQL parser.
 *
 *   (learningText ~ "refund" OR learningHypothesis ~ "refund" OR learningTags IN ("pricing")) AND key != "FLEX-200"
 */
import { normaliseTags } from '../record/learning-record';
import { containsClause, inClause, quoteJqlValue } from '../search/jql-text';
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

/** The JQL for a query, or null when there is nothing to search for (no content word, no tag). */
export function learnedBeforeJql(query: LearnedBeforeQuery, excludeIssueKey: string): string | null {
  const anyOf = query.terms.flatMap((term) => [containsClause('learningText', term.word), containsClause('learningHypothesis', term.word)]);
  if (query.tags.length > 0) anyOf.push(inClause('learningTags', query.tags));
  if (anyOf.length === 0) return null;
  const matches = anyOf.length === 1 ? anyOf.join('') : `(${anyOf.join(' OR ')})`;
  return `${matches} AND key != ${quoteJqlValue(excludeIssueKey)} ORDER BY learningUpdated DESC`;
}

/** `key IN ("FLEX-112", "CHK-60")`: a few issues by key, every value quoted. */
export function issuesByKeyJql(keys: readonly string[]): string {
  return inClause('key', keys);
}

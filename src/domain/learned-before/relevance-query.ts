/**
 * The JQL searches behind "Learned before" (find-learned-before.ts): per term,
 * issues whose indexed learning text or hypothesis mention it; issues sharing a
 * tag; then the chosen few by id. Written as text with every value quoted and
 * escaped (`jql-text.ts`), so nothing typed can change the query's shape, and
 * the panel's function carries no JQL parser.
 *
 *   (learningText ~ "refund" OR learningHypothesis ~ "refund") AND key != "FLEX-200" ORDER BY learningUpdated DESC
 */
import { normaliseTags } from '../record/learning-record';
import { containsClause, inClause, quoteJqlValue } from '../search/jql-text';
import { termsOf, type Term } from './relevance-text';

/** Each term costs one search of the first round; a hypothesis rarely has more than this many telling words. */
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

/** The first round (preselect.ts): one ids-only query per term, most recently updated first. */
export function termMatchJql(term: Term, excludeIssueKey: string): string {
  const mentions = `(${containsClause('learningText', term.word)} OR ${containsClause('learningHypothesis', term.word)})`;
  return `${mentions} AND key != ${quoteJqlValue(excludeIssueKey)} ORDER BY learningUpdated DESC`;
}

/** And one for the tags, or null without any. */
export function tagMatchJql(tags: readonly string[], excludeIssueKey: string): string | null {
  if (tags.length === 0) return null;
  return `${inClause('learningTags', tags)} AND key != ${quoteJqlValue(excludeIssueKey)} ORDER BY learningUpdated DESC`;
}

/** `id IN ("10112", "10060")`: the preselected issues, read in full. */
export function issuesByIdJql(ids: readonly string[]): string {
  return inClause('id', ids);
}

/** `key IN ("FLEX-112", "CHK-60")`: a few issues by key, every value quoted. */
export function issuesByKeyJql(keys: readonly string[]): string {
  return inClause('key', keys);
}

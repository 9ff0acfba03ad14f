/**
 * Jira's text search (`~`, `!~`), close enough for the app: case-insensitive
 * words with light English stemming ("refunds" finds "refund"), stop words
 * ignored, every term must match, `refund*` and `ref?nd` wildcards (not
 * stemmed), and exact phrases in inner quotes (`text ~ "\"labeling matters\""`).
 */

// The same words and stems as the app's own ranking, so "refunds" finds "refund" in both.
import { stem, wordsOf } from '../../../src/domain/relevance-text';

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not', 'of', 'on', 'or',
  'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
]);

type Term = { kind: 'word'; stem: string } | { kind: 'wildcard'; pattern: RegExp } | { kind: 'phrase'; stems: string[] };

export interface TextQuery {
  terms: Term[];
}

/** Parses the value of a `~` clause; returns a message when Jira would refuse it. */
export function parseTextQuery(value: string, field: string): TextQuery | { error: string } {
  const terms: Term[] = [];
  const phraseRe = /"([^"]*)"/g;
  for (const [, phrase] of value.matchAll(phraseRe)) {
    const stems = wordsOf(phrase!).map(stem);
    if (stems.length > 0) terms.push({ kind: 'phrase', stems });
  }
  const rest = value.replace(phraseRe, ' ');
  for (const raw of rest.split(/\s+/).filter(Boolean)) {
    const token = raw.toLowerCase().replace(/^[+]/, '');
    if (/[*?]/.test(token)) {
      if (/^[*?]/.test(token)) return { error: `The text query '${value}' for field '${field}' is not allowed to start with a wildcard.` };
      const body = token.replace(/[^\p{L}\p{N}*?]/gu, '');
      const source = body.replace(/\*/g, '[\\p{L}\\p{N}]*').replace(/\?/g, '[\\p{L}\\p{N}]');
      terms.push({ kind: 'wildcard', pattern: new RegExp(`^${source}$`, 'u') });
      continue;
    }
    for (const word of wordsOf(token)) {
      if (!STOP_WORDS.has(word)) terms.push({ kind: 'word', stem: stem(word) });
    }
  }
  return { terms };
}

/** Whether any of the texts matches every term of the query (terms may match different texts, as Jira's `text` field does). */
export function textMatches(query: TextQuery, texts: readonly string[]): boolean {
  if (query.terms.length === 0) return false;
  const words = texts.map(wordsOf);
  const allWords = words.flat();
  const allStems = new Set(allWords.map(stem));
  return query.terms.every((term) => {
    switch (term.kind) {
      case 'word':
        return allStems.has(term.stem);
      case 'wildcard':
        return allWords.some((w) => term.pattern.test(w));
      case 'phrase':
        return words.some((list) => {
          const stems = list.map(stem);
          for (let i = 0; i + term.stems.length <= stems.length; i++) {
            if (term.stems.every((s, j) => stems[i + j] === s)) return true;
          }
          return false;
        });
    }
  });
}

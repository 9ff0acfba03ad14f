/**
 * Jira's text search (`~`, `!~`) over the emulator's own analyzer
 * (text-analyzer.ts): every term must match, words match by stem ("refunds"
 * finds "refund"), `refund*` and `ref?nd` wildcards match indexed terms (they
 * are not analyzed, as in Lucene), and exact phrases in inner quotes
 * (`text ~ "\"labeling matters\""`) match consecutive positions.
 */
import { analyze, type AnalyzedTerm } from './text-analyzer';

type Term = { kind: 'word'; term: string } | { kind: 'wildcard'; pattern: RegExp } | { kind: 'phrase'; terms: AnalyzedTerm[] };

export interface TextQuery {
  terms: Term[];
}

const wildcardPattern = (token: string): RegExp => {
  const body = token.replace(/[^\p{L}\p{N}*?]/gu, '');
  const source = body.replace(/\*/g, '[\\p{L}\\p{N}]*').replace(/\?/g, '[\\p{L}\\p{N}]');
  return new RegExp(`^${source}$`, 'u');
};

/** Parses the value of a `~` clause; returns a message when Jira would refuse it. */
export function parseTextQuery(value: string, field: string): TextQuery | { error: string } {
  const terms: Term[] = [];
  const phraseRe = /"([^"]*)"/g;
  for (const [, phrase] of value.matchAll(phraseRe)) {
    const analyzed = analyze(phrase ?? '');
    if (analyzed.length > 0) terms.push({ kind: 'phrase', terms: analyzed });
  }
  const rest = value.replace(phraseRe, ' ');
  for (const raw of rest.split(/\s+/).filter(Boolean)) {
    const token = raw.toLowerCase().replace(/^[+]/, '');
    if (/[*?]/.test(token)) {
      if (/^[*?]/.test(token)) return { error: `The text query '${value}' for field '${field}' is not allowed to start with a wildcard.` };
      terms.push({ kind: 'wildcard', pattern: wildcardPattern(token) });
      continue;
    }
    for (const { term } of analyze(token)) terms.push({ kind: 'word', term });
  }
  return { terms };
}

/** Issue texts analyzed once (they are only read), shared by every search. */
const ANALYZED_TEXTS = new Map<string, AnalyzedTerm[]>();

function analyzedText(text: string): AnalyzedTerm[] {
  let analyzed = ANALYZED_TEXTS.get(text);
  if (!analyzed) {
    if (ANALYZED_TEXTS.size >= 20_000) ANALYZED_TEXTS.clear();
    analyzed = analyze(text);
    ANALYZED_TEXTS.set(text, analyzed);
  }
  return analyzed;
}

function phraseMatches(phrase: AnalyzedTerm[], text: AnalyzedTerm[]): boolean {
  const at = new Map(text.map((t) => [t.position, t.term]));
  const firstPosition = phrase[0]?.position ?? 0;
  return text.some((start) => phrase.every((p) => at.get(start.position + p.position - firstPosition) === p.term));
}

/** Whether the texts match every term of the query (terms may match different texts, as Jira's `text` field does). */
export function textMatches(query: TextQuery, texts: readonly string[]): boolean {
  if (query.terms.length === 0) return false;
  const analyzed = texts.map(analyzedText);
  const indexed = new Set(analyzed.flat().map((t) => t.term));
  return query.terms.every((term) => {
    switch (term.kind) {
      case 'word':
        return indexed.has(term.term);
      case 'wildcard':
        return [...indexed].some((t) => term.pattern.test(t));
      case 'phrase':
        return analyzed.some((text) => phraseMatches(term.terms, text));
    }
  });
}

/**
 * The emulator's own English text analysis, modelled on Lucene's
 * EnglishAnalyzer, which Jira's text index is built on: Unicode word
 * boundaries (UAX #29, as Lucene's StandardTokenizer), possessive "'s"
 * dropped, lower-cased, Lucene's English stop words removed (they keep their
 * position, so phrases do not jump over them) and Porter stemming (Lucene's
 * PorterStemFilter, here the `stemmer` package). It shares nothing with the
 * app's own ranking, so the app's search is measured against an analyzer it
 * did not write.
 */
import { stemmer } from 'stemmer';

/** Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with',
]);

/** One indexed term and where it stands in the text (stop words count as positions). */
export interface AnalyzedTerm {
  term: string;
  position: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
const POSSESSIVE = /['’]s$/;

/** The words of a text, lower-cased, without possessive "'s": what the tokenizer and the first filters give. */
export function tokensOf(text: string): string[] {
  const tokens: string[] = [];
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    const token = segment.segment.toLowerCase().replace(POSSESSIVE, '');
    if (token !== '') tokens.push(token);
  }
  return tokens;
}

/** The stem of one lower-cased word, as the index holds it. */
export function stemOf(token: string): string {
  return stemmer(token);
}

/** A text as the index holds it: stems with their positions, stop words left out. */
export function analyze(text: string): AnalyzedTerm[] {
  const out: AnalyzedTerm[] = [];
  tokensOf(text).forEach((token, position) => {
    if (!ENGLISH_STOP_WORDS.has(token)) out.push({ term: stemOf(token), position });
  });
  return out;
}

/**
 * Ranking for "Learned before": which earlier learnings are worth showing to
 * someone writing a hypothesis, and why. Explainable on purpose:
 *
 *   score = (text + tags) × recency
 *
 * - text: Okapi BM25 of the query's terms over the candidates' text (the
 *   hypothesis counts double, then the learnings, the summary and the tags),
 *   with IDF taken over the candidates, divided by the IDF of the query terms
 *   that occur in any candidate, so 1 ≈ "mentions everything the query is about".
 * - tags: +TAG_BOOST per tag shared with the query (at most MAX_TAG_BOOST).
 * - recency: mild, from 1 (today) down to 1 − RECENCY_WEIGHT for old records.
 *
 * A candidate is shown only at or above MIN_SCORE: "nothing relevant" is an
 * empty list, not the five least bad. Other teams' learnings come first.
 * Pure: the clock is passed in.
 */
import type { LearningCard } from '../search/learning-cards';
import type { LearnedBeforeQuery } from './relevance-query';
import { stem, stemsOf, wordsOf, type Term } from './relevance-text';

export const BM25 = { k1: 1.2, b: 0.75 } as const;
export const FIELD_WEIGHTS = { hypothesis: 2, learnings: 1.5, summary: 1, tags: 1 } as const;
export const TAG_BOOST = 0.3;
export const MAX_TAG_BOOST = 0.6;
export const RECENCY_WEIGHT = 0.2;
export const RECENCY_HALF_LIFE_DAYS = 120;
export const MIN_SCORE = 0.32;
export const MAX_SHOWN = 5;
/** Far weaker than the best match is noise beside it, however many words it shares. */
export const MIN_SHARE_OF_BEST = 0.3;
/** A single shared word is a coincidence more often than not. */
export const MIN_MATCHED_TERMS = 2;

export interface RankedLearning {
  card: LearningCard;
  score: number;
  /** Short, human: "shares tag pricing", "mentions refund and labeling". */
  reasons: string[];
  /** From another project than the issue being written. */
  otherTeam: boolean;
  /** How many of the query's terms it mentions, and how many tags it shares. */
  matched: { terms: number; tags: number };
}

interface Doc {
  card: LearningCard;
  tf: Map<string, number>;
  length: number;
  tags: Set<string>;
}

function docOf(card: LearningCard): Doc {
  const tf = new Map<string, number>();
  let length = 0;
  const add = (text: string, weight: number) => {
    for (const s of stemsOf(text)) {
      tf.set(s, (tf.get(s) ?? 0) + weight);
      length += weight;
    }
  };
  add(card.record.hypothesis, FIELD_WEIGHTS.hypothesis);
  for (const entry of card.record.learnings) add(entry.text, FIELD_WEIGHTS.learnings);
  add(card.issue.summary, FIELD_WEIGHTS.summary);
  add(card.record.tags.join(' '), FIELD_WEIGHTS.tags);
  return { card, tf, length, tags: new Set(card.record.tags) };
}

/** The query's terms plus the words of its tags ("price-lock" → price, lock), one per stem. */
function queryTermsOf(query: LearnedBeforeQuery): Term[] {
  const terms = new Map(query.terms.map((t) => [t.stem, t]));
  for (const word of query.tags.flatMap(wordsOf)) {
    const s = stem(word);
    if (word.length > 1 && !terms.has(s)) terms.set(s, { stem: s, word });
  }
  return [...terms.values()];
}

/** How many issues matched a question in all, and how many of them mention each term (preselect.ts). */
export interface CandidateCorpus {
  size: number;
  documentFrequency: ReadonlyMap<string, number>;
}

/** BM25's inverse document frequency of a term `having` of `size` documents mention. */
export const inverseDocumentFrequency = (size: number, having: number): number =>
  having === 0 ? 0 : Math.log(1 + (size - having + 0.5) / (having + 0.5));

/** Days between two ISO times, never negative. */
const ageInDays = (iso: string, now: Date): number => Math.max(0, (now.getTime() - Date.parse(iso)) / 86_400_000) || 0;

export function recencyFactor(updatedAt: string, now: Date): number {
  return 1 - RECENCY_WEIGHT + RECENCY_WEIGHT * 0.5 ** (ageInDays(updatedAt, now) / RECENCY_HALF_LIFE_DAYS);
}

const list = (words: string[]): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

/** Every candidate scored, best first, with its reasons; no threshold, no limit (see `learnedBefore`). */
export function scoreLearnings(query: LearnedBeforeQuery, cards: readonly LearningCard[], options: RankOptions): RankedLearning[] {
  return scored(query, cards, options).ranked;
}

interface RankOptions {
  now: Date;
  currentProjectKey: string;
  /** Document frequencies over every match, when the cards are a preselected few of them (preselect.ts). */
  corpus?: CandidateCorpus;
}

function scored(
  query: LearnedBeforeQuery,
  cards: readonly LearningCard[],
  options: RankOptions,
): { ranked: RankedLearning[]; termsAsked: number } {
  const docs = cards.map(docOf);
  const terms = queryTermsOf(query);
  const n = docs.length;
  if (n === 0) return { ranked: [], termsAsked: terms.length };
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / n || 1;
  const idf = new Map<string, number>();
  const corpus = options.corpus;
  for (const term of terms) {
    const inCards = docs.filter((d) => d.tf.has(term.stem)).length;
    const overMatches = corpus?.documentFrequency.get(term.stem);
    // A card that mentions a term is evidence of it, whatever the first round counted.
    idf.set(
      term.stem,
      corpus === undefined || overMatches === undefined || inCards === 0
        ? inverseDocumentFrequency(n, inCards)
        : inverseDocumentFrequency(Math.max(corpus.size, n), Math.max(overMatches, inCards)),
    );
  }
  const idfTotal = [...idf.values()].reduce((a, b) => a + b, 0);
  const queryTags = new Set(query.tags);

  const ranked = docs.map((doc): RankedLearning => {
    const contributions: Array<{ word: string; part: number }> = [];
    let bm25 = 0;
    for (const term of terms) {
      const tf = doc.tf.get(term.stem) ?? 0;
      const weight = idf.get(term.stem) ?? 0;
      if (tf === 0 || weight === 0) continue;
      const norm = BM25.k1 * (1 - BM25.b + (BM25.b * doc.length) / avgLength);
      const part = (weight * (tf * (BM25.k1 + 1))) / (tf + norm);
      bm25 += part;
      contributions.push({ word: term.word, part });
    }
    const text = idfTotal > 0 ? bm25 / idfTotal : 0;
    const shared = [...doc.tags].filter((tag) => queryTags.has(tag));
    const tagScore = Math.min(MAX_TAG_BOOST, shared.length * TAG_BOOST);
    const score = (text + tagScore) * recencyFactor(doc.card.record.updatedAt, options.now);

    const reasons: string[] = [];
    if (shared.length > 0) reasons.push(`shares ${shared.length === 1 ? 'tag' : 'tags'} ${list(shared.slice(0, 3))}`);
    const mentioned = contributions
      .sort((a, b) => b.part - a.part)
      .map((c) => c.word)
      .filter((word) => !shared.includes(word))
      .slice(0, 3);
    if (mentioned.length > 0) reasons.push(`mentions ${list(mentioned)}`);
    return {
      card: doc.card,
      score: Math.round(score * 1000) / 1000,
      reasons,
      otherTeam: doc.card.issue.project.key !== options.currentProjectKey,
      matched: { terms: contributions.length, tags: shared.length },
    };
  });
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.card.record.updatedAt.localeCompare(a.card.record.updatedAt) ||
      a.card.issue.key.localeCompare(b.card.issue.key),
  );
  return { ranked, termsAsked: terms.length };
}

/**
 * What "Learned before" shows: candidates at or above MIN_SCORE that share a
 * tag or mention at least two of the query's terms (one only when the person
 * wrote a single telling word: a lone shared word in a longer hypothesis is a
 * coincidence, however few candidates mention more), other teams' first (each
 * part best first), at most `limit`; none scoring under MIN_SHARE_OF_BEST of
 * the best one.
 */
export function learnedBefore(
  query: LearnedBeforeQuery,
  cards: readonly LearningCard[],
  options: RankOptions & { limit?: number; minScore?: number },
): RankedLearning[] {
  const { ranked, termsAsked } = scored(query, cards, options);
  const minTerms = Math.min(MIN_MATCHED_TERMS, termsAsked);
  const floor = Math.max(options.minScore ?? MIN_SCORE, (ranked[0]?.score ?? 0) * MIN_SHARE_OF_BEST);
  const relevant = ranked.filter((r) => r.score >= floor && (r.matched.tags > 0 || r.matched.terms >= minTerms));
  return [...relevant.filter((r) => r.otherTeam), ...relevant.filter((r) => !r.otherTeam)].slice(0, options.limit ?? MAX_SHOWN);
}

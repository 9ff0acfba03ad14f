/**
 * "Learned before" in two rounds, so the best five come from every match and not from the
 * most recent hundred: first one ids-only search per term (and one for the tags), which says
 * which issues mention which terms (up to 500 each, a few bytes per issue); then only the
 * best-placed few are read with their records and ranked in full (relevance.ts).
 *
 * Here: the first round's answer turned into (1) document frequencies over every match, so
 * the full ranking weighs a word by how common it is among all matches, and (2) the few ids
 * worth reading, by the summed weight of the terms they mention (a shared tag counts as a
 * term of average weight). Pure.
 */
import { inverseDocumentFrequency, MIN_MATCHED_TERMS, type CandidateCorpus } from './relevance';
import type { LearnedBeforeQuery } from './relevance-query';

/** Ids of the issues that mention one term, most recently updated first (Jira's order). */
export interface TermMatches {
  stem: string;
  ids: readonly string[];
}

export interface Preselection {
  /** The ids to read in full, best first. */
  ids: string[];
  corpus: CandidateCorpus;
}

interface Placed {
  weight: number;
  terms: number;
  tagged: boolean;
  /** Its best position in any list: lower is more recently updated. */
  position: number;
}

export function preselect(
  query: LearnedBeforeQuery,
  matches: { terms: readonly TermMatches[]; tagged: readonly string[] },
  limit: number,
): Preselection {
  const placed = new Map<string, Placed>();
  const place = (id: string, position: number): Placed => {
    const known = placed.get(id) ?? { weight: 0, terms: 0, tagged: false, position };
    known.position = Math.min(known.position, position);
    placed.set(id, known);
    return known;
  };
  matches.terms.forEach(({ ids }) => {
    ids.forEach((id, position) => place(id, position));
  });
  matches.tagged.forEach((id, position) => {
    place(id, position).tagged = true;
  });

  const size = placed.size;
  const documentFrequency = new Map(matches.terms.map(({ stem, ids }) => [stem, new Set(ids).size]));
  const weights = matches.terms.map(({ stem }) => inverseDocumentFrequency(size, documentFrequency.get(stem) ?? 0));
  const averageWeight = weights.length === 0 ? 1 : weights.reduce((a, b) => a + b, 0) / weights.length;
  matches.terms.forEach(({ ids }, index) => {
    for (const id of new Set(ids)) {
      const entry = place(id, 0);
      entry.weight += weights[index] ?? 0;
      entry.terms += 1;
    }
  });
  for (const entry of placed.values()) if (entry.tagged) entry.weight += averageWeight;

  const minTerms = Math.min(MIN_MATCHED_TERMS, query.terms.length);
  const ids = [...placed.entries()]
    .filter(([, entry]) => entry.tagged || entry.terms >= minTerms)
    .sort(([a, x], [b, y]) => y.weight - x.weight || x.position - y.position || a.localeCompare(b))
    .slice(0, limit)
    .map(([id]) => id);
  return { ids, corpus: { size, documentFrequency } };
}

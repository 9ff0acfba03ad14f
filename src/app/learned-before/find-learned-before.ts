/**
 * "Learned before": the most relevant learnings on other issues for what the
 * person is writing, chosen from every match (up to 500 per term), in two
 * rounds of Jira searches as the person (so Jira's permissions decide what
 * they may see): ids-only searches per term and for the tags, in parallel
 * (preselect.ts); then the best-placed few read with their records in
 * `properties=` and ranked in full (relevance.ts).
 */
import type { LearnedBeforeItem, LearnedBeforeList } from '../../contract/learned-before';
import { cardOf } from '../../domain/search/card-of';
import type { LearningCard } from '../../domain/search/learning-cards';
import { learnedBefore } from '../../domain/learned-before/relevance';
import { preselect } from '../../domain/learned-before/preselect';
import { issuesByIdJql, learnedBeforeQueryOf, tagMatchJql, termMatchJql } from '../../domain/learned-before/relevance-query';
import type { IssueIdSearchPort, IssueSearchPort } from '../../ports/search/issue-search.port';
import { normaliseTags, type IssueRef } from '../../domain/record/learning-record';

export interface LearnedBeforeDeps {
  /** Jira search as the person using the panel. */
  userSearch: IssueSearchPort & IssueIdSearchPort;
  now: () => Date;
}

/** Matches considered per term: every match in all but the commonest words, at a few bytes each. */
export const MATCHES_PER_TERM = 500;
/** Read in full and ranked: enough for five good ones after the full ranking's threshold. */
export const CANDIDATES_READ = 20;

export const projectKeyOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

export async function findLearnedBefore(
  deps: LearnedBeforeDeps,
  input: { issue: IssueRef; text: string; tags: readonly string[] },
): Promise<LearnedBeforeList> {
  // Normalised here too: a tag with control characters would otherwise break the JQL.
  const query = learnedBeforeQueryOf({ text: input.text, tags: normaliseTags(input.tags) });
  const tagJql = tagMatchJql(query.tags, input.issue.key);
  if (query.terms.length === 0 && !tagJql) return { items: [], candidates: 0 };
  const [termIds, tagged] = await Promise.all([
    Promise.all(query.terms.map((term) => deps.userSearch.searchIds({ jql: termMatchJql(term, input.issue.key), max: MATCHES_PER_TERM }))),
    tagJql ? deps.userSearch.searchIds({ jql: tagJql, max: MATCHES_PER_TERM }) : Promise.resolve([]),
  ]);
  const chosen = preselect(
    query,
    { terms: query.terms.map((term, i) => ({ stem: term.stem, ids: termIds[i] ?? [] })), tagged },
    CANDIDATES_READ,
  );
  if (chosen.ids.length === 0) return { items: [], candidates: chosen.corpus.size };
  // The project's name is shown beside each item; no other field beyond the summary.
  const { hits } = await deps.userSearch.search({ jql: issuesByIdJql(chosen.ids), pageSize: chosen.ids.length, parts: ['project'] });
  const cards = hits
    .filter((hit) => hit.key !== input.issue.key)
    .map(cardOf)
    .filter((card): card is LearningCard => card !== null);
  const ranked = learnedBefore(query, cards, {
    now: deps.now(),
    currentProjectKey: projectKeyOf(input.issue.key),
    corpus: chosen.corpus,
  });
  return {
    items: ranked.map(({ card, score, reasons, otherTeam }): LearnedBeforeItem => ({
      issue: {
        id: card.issue.id,
        key: card.issue.key,
        summary: card.issue.summary,
        projectKey: card.issue.project.key,
        projectName: card.issue.project.name,
      },
      hypothesis: card.record.hypothesis,
      learnings: card.record.learnings.map(({ text, surprise }) => ({ text, surprise })),
      outcome: card.record.outcome,
      updatedAt: card.record.updatedAt,
      score,
      reasons,
      otherTeam,
    })),
    candidates: chosen.corpus.size,
  };
}

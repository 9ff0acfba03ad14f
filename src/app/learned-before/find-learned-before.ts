/**
 * "Learned before": the most relevant learnings on other issues for what the
 * person is writing. One JQL search as the person (so Jira's permissions
 * decide what they may see), the records carried in `properties=`, then
 * ranked here (src/domain/relevance.ts).
 */
import type { LearnedBeforeItem, LearnedBeforeList } from '../../contract/learned-before';
import { cardOf } from '../../domain/search/card-of';
import type { LearningCard } from '../../domain/search/learning-cards';
import { learnedBefore } from '../../domain/learned-before/relevance';
import { learnedBeforeJql, learnedBeforeQueryOf } from '../../domain/learned-before/relevance-query';
import type { IssueSearchPort } from '../../ports/search/issue-search.port';
import { normaliseTags, type IssueRef } from '../../domain/record/learning-record';

export interface LearnedBeforeDeps {
  /** Jira search as the person using the panel. */
  userSearch: IssueSearchPort;
  now: () => Date;
}

/** The most recently updated candidates are ranked: one page, Jira's cap when fields are asked for. */
export const CANDIDATE_PAGE_SIZE = 100;

export const projectKeyOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

export async function findLearnedBefore(
  deps: LearnedBeforeDeps,
  input: { issue: IssueRef; text: string; tags: readonly string[] },
): Promise<LearnedBeforeList> {
  // Normalised here too: a tag with control characters would otherwise break the JQL.
  const query = learnedBeforeQueryOf({ text: input.text, tags: normaliseTags(input.tags) });
  const jql = learnedBeforeJql(query, input.issue.key);
  if (!jql) return { items: [], candidates: 0 };
  // The project's name is shown beside each item; no other field beyond the summary.
  const { hits } = await deps.userSearch.search({ jql, pageSize: CANDIDATE_PAGE_SIZE, parts: ['project'] });
  const cards = hits
    .filter((hit) => hit.key !== input.issue.key)
    .map(cardOf)
    .filter((card): card is LearningCard => card !== null);
  const ranked = learnedBefore(query, cards, { now: deps.now(), currentProjectKey: projectKeyOf(input.issue.key) });
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
    candidates: cards.length,
  };
}

/**
 * "This helped": an earlier issue's learning becomes evidence on the ticket being
 * written. The link joins the person's draft and nothing is written until they
 * save; the save (writeRevision) then records the reuse, so the earlier issue's
 * panel can say how many tickets it helped, and which.
 */
import { AppError } from '../../contract/errors';
import { helpedLinkId, type HelpedLink, type ReuseSummary } from '../../contract/learned-before';
import { linkedIssueIdOf } from '../../domain/record/evidence-visibility';
import { LIMITS, isHttpUrl, type EvidenceLink, type IssueRef, type LearningRecord } from '../../domain/record/learning-record';
import { issuesByKeyJql } from '../../domain/learned-before/relevance-query';
import { sliceText } from '../../domain/record/text';
import type { IssueLearningsPort } from '../../ports/record/issue-learnings.port';
import type { BrowsePermissionPort, IssueSearchPort } from '../../ports/search/issue-search.port';
import type { LearningReusePort } from '../../ports/learned-before/learning-reuse.port';
import type { SiteFactsPort } from '../../ports/search/site-facts.port';
import { BROWSE_URL_KEY_PATTERN } from '../../domain/record/identifiers';

export interface HelpedDeps {
  /** Jira search as the person: the earlier issue must be one they may browse. */
  userSearch: IssueSearchPort;
  /** Whether the person may edit this ticket (adding evidence is an edit). */
  issueLearnings: Pick<IssueLearningsPort, 'mayEdit'>;
  /** The site's address for the link (Jira's server info: the resolver context has none). */
  site: SiteFactsPort;
}

export interface ReusesDeps {
  reuses: LearningReusePort;
  /** The viewer's Browse permission on the helped tickets, one call for all of them. */
  permissions: BrowsePermissionPort;
}

/**
 * One round of three calls, all reads: may the person edit this ticket, may they browse
 * the earlier issue (a search as them), and the site's address (cached).
 */
export async function helpedLink(
  deps: HelpedDeps,
  input: { issue: IssueRef; accountId: string; sourceIssueKey: string },
): Promise<HelpedLink> {
  if (input.sourceIssueKey === input.issue.key)
    throw new AppError('INVALID_INPUT', 'An issue cannot help itself: choose a learning from another issue.');
  const [canEdit, found, siteUrl] = await Promise.all([
    deps.issueLearnings.mayEdit(input.issue.key),
    deps.userSearch.search({ jql: issuesByKeyJql([input.sourceIssueKey]), pageSize: 1 }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'INVALID_INPUT') throw notFound(input.sourceIssueKey);
      throw error;
    }),
    deps.site.siteUrl(),
  ]);
  if (!canEdit)
    throw new AppError(
      'FORBIDDEN',
      'You can view this issue but not edit it, so you cannot add evidence to it. Ask a project admin for Edit access.',
    );
  const source = found.hits.find((hit) => hit.key === input.sourceIssueKey);
  if (!source) throw notFound(input.sourceIssueKey);
  const url = `${(siteUrl ?? '').replace(/\/+$/, '')}/browse/${source.key}`;
  if (!siteUrl || !isHttpUrl(url)) throw new AppError('INVALID_INPUT', 'This site has no web address to link to.');
  return {
    link: {
      id: helpedLinkId(source.id),
      url,
      title: sliceText(`Learned before: ${source.key} ${source.summary}`.trim(), LIMITS.evidenceTitleChars),
    },
  };
}

/** The earlier issue's key, read back from its link (`…/browse/FLEX-112`). */
function sourceKeyOf(link: EvidenceLink): string {
  return BROWSE_URL_KEY_PATTERN.exec(link.url)?.[1] ?? '';
}

/** Each "This helped" link by the id of the issue it points at. */
function linksByIssueId(links: readonly EvidenceLink[]): Map<string, EvidenceLink> {
  const byId = new Map<string, EvidenceLink>();
  for (const link of links) {
    const id = linkedIssueIdOf(link);
    if (id !== null) byId.set(id, link);
  }
  return byId;
}

/**
 * After a save: a "This helped" link that is new records its reuse, one that was taken off
 * forgets it. Returns warnings: the save itself has already succeeded.
 */
export async function syncReuses(
  reuses: LearningReusePort,
  input: { issue: IssueRef; summary: string; accountId: string; at: string; previous: LearningRecord | null; next: LearningRecord },
): Promise<string[]> {
  const before = linksByIssueId(input.previous?.evidence ?? []);
  const after = linksByIssueId(input.next.evidence);
  const added = [...after].filter(([id]) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const results = await Promise.allSettled([
    ...added.map(([sourceIssueId, link]) =>
      reuses.record({
        sourceIssueId,
        sourceIssueKey: sourceKeyOf(link),
        targetIssueId: input.issue.id,
        targetIssueKey: input.issue.key,
        targetSummary: input.summary,
        accountId: input.accountId,
        at: input.at,
      }),
    ),
    ...removed.map((sourceIssueId) => reuses.forget(sourceIssueId, input.issue.id)),
  ]);
  return results.some((r) => r.status === 'rejected')
    ? [
        'Saved. The earlier issue could not be told that it helped, so its count misses this ticket: remove the link, save, then add it again to count it.',
      ]
    : [];
}

function notFound(key: string): AppError {
  return new AppError('NOT_FOUND', `${key} does not exist, or you do not have permission to see it.`);
}

/**
 * How many tickets this issue's learning helped: one KVS query, then one
 * Jira call (none when there are no reuses) for which of them the viewer may
 * browse. Only those are named; the rest are counted.
 */
export async function listReuses(deps: ReusesDeps, input: { issue: IssueRef; accountId: string }): Promise<ReuseSummary> {
  const reuses = await deps.reuses.listFor(input.issue.id);
  if (reuses.length === 0) return { total: 0, visible: [], hiddenCount: 0 };
  const allowed = await deps.permissions.browsableIssueIds(input.accountId, [...new Set(reuses.map((r) => r.targetIssueId))]);
  const visible = reuses.filter((r) => allowed.has(r.targetIssueId));
  return {
    total: reuses.length,
    visible: visible.map((r) => ({ key: r.targetIssueKey, summary: r.targetSummary, at: r.at })),
    hiddenCount: reuses.length - visible.length,
  };
}

/**
 * "This helped": an earlier issue's learning becomes evidence on the ticket
 * being written (through the same write path as a save, so the record's
 * history and limits apply), and the reuse is remembered so the earlier
 * issue's panel can say how many tickets it helped, and which.
 */
import { AppError } from '../contract/errors';
import { helpedLinkId, type HelpedView, type ReuseSummary } from '../contract/learned-before';
import { LIMITS, draftOf, emptyDraft, isHttpUrl, normaliseDraft, propertySizeOf, sizeReportOf, type EvidenceLink } from '../domain/learning-record';
import { issuesByKeyJql } from '../domain/relevance-query';
import type { BrowsePermissionPort, IssueSearchPort } from '../ports/issue-search.port';
import type { LearningReusePort } from '../ports/learning-reuse.port';
import type { SiteFactsPort } from '../ports/site-facts.port';
import { readCurrent, writeRevision, type IssueRef, type WriteDeps } from './write-revision';

export interface HelpedDeps extends WriteDeps {
  /** Jira search as the person: the earlier issue must be one they may browse. */
  userSearch: IssueSearchPort;
  reuses: LearningReusePort;
  /** The site's address for the link (Jira's server info: the resolver context has none). */
  site: SiteFactsPort;
}

export interface ReusesDeps {
  reuses: LearningReusePort;
  /** The viewer's Browse permission on the helped tickets, one call for all of them. */
  permissions: BrowsePermissionPort;
}


/**
 * Three Jira calls: one search (the earlier issue, as the person, and this
 * one's summary), reading the property, writing the next revision; the write
 * is skipped when the link is already there. Then one KVS write for the reuse.
 */
export async function markHelped(
  deps: HelpedDeps,
  input: { issue: IssueRef; accountId: string; sourceIssueKey: string },
): Promise<HelpedView> {
  if (input.sourceIssueKey === input.issue.key) throw new AppError('INVALID_INPUT', 'An issue cannot help itself: choose a learning from another issue.');
  const [found, siteUrl] = await Promise.all([
    deps.userSearch.search({ jql: issuesByKeyJql([input.sourceIssueKey, input.issue.key]), pageSize: 2 }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'INVALID_INPUT') throw notFound(input.sourceIssueKey);
      throw error;
    }),
    deps.site.siteUrl(),
  ]);
  const { hits } = found;
  const source = hits.find((hit) => hit.key === input.sourceIssueKey);
  const target = hits.find((hit) => hit.key === input.issue.key);
  if (!source) throw notFound(input.sourceIssueKey);

  const url = `${(siteUrl ?? '').replace(/\/+$/, '')}/browse/${source.key}`;
  if (!siteUrl || !isHttpUrl(url)) throw new AppError('INVALID_INPUT', 'This site has no web address to link to.');
  const link: EvidenceLink = {
    id: helpedLinkId(source.id),
    url,
    title: `Learned before: ${source.key} ${source.summary}`.trim().slice(0, LIMITS.evidenceTitleChars),
  };

  const current = await readCurrent(deps, input.issue.key);
  const stored = current.reading.kind === 'record' ? current.reading.record : null;
  const draft = stored ? draftOf(stored) : emptyDraft();
  const existing = draft.evidence.find((l) => l.url === url || l.id === link.id);
  let saved;
  if (existing && stored) {
    saved = { record: stored, size: sizeReportOf(propertySizeOf(stored)), mergedWithOthers: false };
  } else {
    if (draft.evidence.length >= LIMITS.evidence) {
      throw new AppError('INVALID_INPUT', `This record already has ${LIMITS.evidence} evidence links, the most it can hold: remove one, then try again.`);
    }
    saved = await writeRevision(deps, {
      issue: input.issue,
      accountId: input.accountId,
      current,
      draft: normaliseDraft({ ...draft, evidence: [...draft.evidence, link] }),
      lastKnownRevision: stored?.revision ?? 0,
      mergedWithOthers: false,
    });
  }

  await deps.reuses.record({
    sourceIssueId: source.id,
    sourceIssueKey: source.key,
    targetIssueId: input.issue.id,
    targetIssueKey: input.issue.key,
    targetSummary: target?.summary ?? '',
    accountId: input.accountId,
    at: deps.now().toISOString(),
  });
  return { saved, link: existing ?? link, linkAdded: !existing };
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

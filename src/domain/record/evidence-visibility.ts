/**
 * "This helped" puts a link to the earlier issue into a record's evidence.
 * Someone who cannot browse that earlier issue must not read its key or
 * summary there: such links are shown to them as a neutral placeholder, and
 * a save from their draft puts the stored link back, so hiding loses nothing.
 */
import type { EvidenceLink, LearningDraft, LearningRecord } from './learning-record';

const LINK_PREFIX = 'learned-before-';

export const HIDDEN_LINK_TITLE = 'An earlier issue you cannot view';

/** The evidence link id for "this earlier issue helped": one per earlier issue. */
export const linkedIssueLinkId = (issueId: string): string => `${LINK_PREFIX}${issueId}`;

/** The earlier issue's id when the link is a "This helped" link. */
export function linkedIssueIdOf(link: Pick<EvidenceLink, 'id'>): string | null {
  return link.id.startsWith(LINK_PREFIX) ? link.id.slice(LINK_PREFIX.length) || null : null;
}

export function linkedIssueIdsOf(records: ReadonlyArray<{ evidence: readonly EvidenceLink[] }>): string[] {
  const ids = records.flatMap((record) => record.evidence.map(linkedIssueIdOf)).filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

function siteOf(url: string): string {
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return 'https://invalid.example/';
  }
}

function placeholderOf(link: EvidenceLink): EvidenceLink {
  return { id: link.id, url: siteOf(link.url), title: HIDDEN_LINK_TITLE };
}

/** A link as a reader who may not browse the issues in `hidden` sees it. */
export function hideLink(link: EvidenceLink, hidden: ReadonlySet<string>): EvidenceLink {
  return hidden.has(linkedIssueIdOf(link) ?? '') ? placeholderOf(link) : link;
}

/** The record (or draft) as a reader who may not browse the issues in `hidden` sees it. */
export function hideLinkedIssues<R extends { evidence: EvidenceLink[] }>(record: R, hidden: ReadonlySet<string>): R {
  if (!record.evidence.some((link) => hidden.has(linkedIssueIdOf(link) ?? ''))) return record;
  return { ...record, evidence: record.evidence.map((link) => hideLink(link, hidden)) };
}

/** Puts back the stored links that a reader saw as placeholders; a placeholder with nothing stored behind it is dropped. */
export function restoreHiddenLinks(draft: LearningDraft, stored: LearningRecord | null): LearningDraft {
  if (!draft.evidence.some((link) => link.title === HIDDEN_LINK_TITLE && linkedIssueIdOf(link))) return draft;
  const storedById = new Map((stored?.evidence ?? []).map((link) => [link.id, link]));
  const evidence = draft.evidence.flatMap((link) => {
    if (link.title !== HIDDEN_LINK_TITLE || !linkedIssueIdOf(link)) return [link];
    const original = storedById.get(link.id);
    return original ? [original] : [];
  });
  return { ...draft, evidence };
}

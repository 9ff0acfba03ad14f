/**
 * "Learned before": what the issue panel may ask about earlier learnings on
 * other issues. The current issue and the person come from the Forge
 * context, never from a payload.
 */
import type { EvidenceLink, Outcome } from '../domain/record/learning-record';
import type { Result } from './errors';

export interface LearnedBeforePayload {
  /** What the person is writing: the hypothesis, or the issue's summary when there is none yet (≤ 2,000 characters). */
  text: string;
  /** The draft's tags (≤ 10). */
  tags: string[];
}

export interface LearnedBeforeItem {
  issue: { id: string; key: string; summary: string; projectKey: string; projectName: string };
  hypothesis: string;
  learnings: Array<{ text: string; surprise: boolean }>;
  outcome: Outcome;
  updatedAt: string;
  /** The relevance score (see src/domain/relevance.ts); only items at or above the threshold are sent. */
  score: number;
  /** Why it is shown: "shares tag pricing", "mentions refund". */
  reasons: string[];
  /** From another project than the issue being written. */
  otherTeam: boolean;
}

export interface LearnedBeforeList {
  /** At most five, other teams first; empty when nothing is relevant enough. */
  items: LearnedBeforeItem[];
  /** How many candidates Jira returned for the query (before ranking). */
  candidates: number;
}

export interface HelpedPayload {
  /** The earlier issue whose learning helped; the person must be able to browse it. */
  sourceIssueKey: string;
}

export interface HelpedLink {
  /**
   * The evidence link to the earlier issue, for the person's draft. Nothing is written until
   * they save; the save records the reuse (and a save that drops the link forgets it).
   */
  link: EvidenceLink;
}

export interface ReuseSummary {
  /** How many tickets said this issue's learning helped them. */
  total: number;
  /** The ones the viewer may browse, newest first. */
  visible: Array<{ key: string; summary: string; at: string }>;
  /** The rest: counted, never named. */
  hiddenCount: number;
}

/** The evidence link's id for an earlier issue: one per issue, so pressing "This helped" twice adds nothing. */
export { linkedIssueLinkId as helpedLinkId } from '../domain/record/evidence-visibility';

export type LearnedBeforeDefs = {
  'learnedBefore/find': (payload: LearnedBeforePayload) => Result<LearnedBeforeList>;
  'learnedBefore/markHelped': (payload: HelpedPayload) => Result<HelpedLink>;
  'learnedBefore/listReuses': () => Result<ReuseSummary>;
};

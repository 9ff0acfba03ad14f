/**
 * One team learning a lot from another (issue #16's demo story): Checkout's people, while writing a
 * hypothesis, press "This helped" on Flex Refunds' learnings sprint after sprint. Each mark is stored
 * as the app stores it: a "Learned before" evidence link on the helped ticket's record (saved with
 * its hypothesis, by its author) and a reuse in KVS under the earlier issue.
 */
import { linkedIssueLinkId } from '../src/domain/record/evidence-visibility';
import { LIMITS, type EvidenceLink } from '../src/domain/record/learning-record';
import { sliceText } from '../src/domain/record/text';
import { storageKeys } from '../src/forge/platform/storage-keys';
import type { LearningReuse } from '../src/ports/learned-before/learning-reuse.port';
import type { SiteDataset } from '../emulator';
import { prng } from './demo-generator';
import type { GeneratedIssue, GeneratedRecord } from './demo-generated-types';
import type { RecordSpec } from './demo-specs';
import { SPRINTS } from './demo-team-setup';

export interface ReuseStory {
  /** The team that learns: its tickets are the helped ones. */
  learner: string;
  /** The team whose learnings help. */
  teacher: string;
  /** The learner's sprints in which its people mark learnings as helpful. */
  sprintNames: readonly string[];
  /** The share of the learner's tickets there that reuse a learning, and of those that reuse a second one. */
  share: number;
  secondShare: number;
  seed: number;
  /** Learnings never marked here: FLEX-112's first reuse is the one the README's tour makes by hand ("This helped" on a CHK ticket). */
  spared: readonly string[];
}

export const CHK_LEARNS_FROM_FLEX: ReuseStory = {
  learner: 'CHK',
  teacher: 'FLEX',
  sprintNames: ['CHK Sprint 19', 'CHK Sprint 20', 'CHK Sprint 21', 'CHK Sprint 22', 'CHK Sprint 23'],
  share: 0.75,
  secondShare: 0.3,
  seed: 7,
  spared: ['FLEX-112'],
};

/** The local site's address, as the app builds a "This helped" link from Jira's server info. */
export const DEMO_SITE_URL = 'http://localhost:4100';

type Work = { issues: GeneratedIssue[]; records: GeneratedRecord[] };

/** The day of a record's first learning, in days ago (the larger, the earlier); none: it has not learned yet. */
const firstLearningDaysAgo = (spec: Pick<RecordSpec, 'entries'>): number | null =>
  spec.entries.length === 0 ? null : Math.max(...spec.entries.map((entry) => entry.daysAgo));

const sharedTags = (a: readonly string[], b: readonly string[]): number => a.filter((tag) => b.includes(tag)).length;

/**
 * The learner's records in the story's sprints, each given up to two of the teacher's learnings that share
 * a tag with it and were written before its hypothesis (`others`: the teacher's hand-written records).
 */
export function withReuseStory<W extends Work>(work: W, others: readonly RecordSpec[], story: ReuseStory = CHK_LEARNS_FROM_FLEX): W {
  const rng = prng(story.seed);
  const sprintIds = new Set(SPRINTS.filter((s) => story.sprintNames.includes(s.name)).map((s) => s.id));
  const inStory = new Set(
    work.issues.filter((i) => i.projectKey === story.learner && i.sprintId !== null && sprintIds.has(i.sprintId)).map((i) => i.key),
  );
  const teachers = [...others, ...work.records].filter(
    (r) => r.issueKey.startsWith(`${story.teacher}-`) && !story.spared.includes(r.issueKey),
  );
  const records = work.records.map((record) => {
    if (!inStory.has(record.issueKey) || rng() >= story.share) return record;
    const candidates = teachers
      .filter((t) => (firstLearningDaysAgo(t) ?? 0) > record.hypothesisDaysAgo && sharedTags(t.tags, record.tags) > 0)
      .sort((a, b) => sharedTags(b.tags, record.tags) - sharedTags(a.tags, record.tags) || a.issueKey.localeCompare(b.issueKey));
    const top = candidates.slice(0, 4);
    const first = top.splice(Math.floor(rng() * top.length), 1)[0];
    if (!first) return record;
    const second = rng() < story.secondShare ? top[Math.floor(rng() * top.length)] : undefined;
    return { ...record, helpedBy: [first.issueKey, ...(second ? [second.issueKey] : [])] };
  });
  return { ...work, records };
}

/** The earlier issue a "This helped" link points at. */
export interface HelpedSource {
  id: string;
  key: string;
  summary: string;
}

/** The link "This helped" adds to the ticket's evidence (as `learnedBefore/markHelped` builds it). */
export function helpedLinkOf(source: HelpedSource): EvidenceLink {
  return {
    id: linkedIssueLinkId(source.id),
    url: `${DEMO_SITE_URL}/browse/${source.key}`,
    title: sliceText(`Learned before: ${source.key} ${source.summary}`.trim(), LIMITS.evidenceTitleChars),
  };
}

/** The reuse the save of a "This helped" link records (KvsLearningReuse), with its reference from the helped issue. */
export function reuseRowsOf(reuse: LearningReuse): SiteDataset['kvs'] {
  const key = storageKeys.reuse(reuse.sourceIssueId, reuse.targetIssueId);
  return [
    { key, valueText: JSON.stringify(reuse), at: reuse.at },
    { key: storageKeys.issueRef(reuse.targetIssueId, key), valueText: JSON.stringify({ key }), at: reuse.at },
  ];
}

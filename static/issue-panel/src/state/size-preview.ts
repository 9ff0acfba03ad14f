/**
 * How much of the issue property a draft would use, computed locally with the
 * same functions the backend uses (stamp the revision, measure the JSON).
 */
import {
  LIMITS,
  normaliseDraft,
  sizeReportOf,
  stampRevision,
  type LearningDraft,
  type LearningRecord,
  type SizeReport,
} from '../../../../src/domain/record/learning-record';
import { propertySizeOf } from '../../../../src/domain/record/stored-format';

export function previewRecordOf(
  draft: LearningDraft,
  previous: LearningRecord | null,
  by: { accountId: string; now: Date },
): LearningRecord {
  return stampRevision(previous, normaliseDraft(draft), by);
}

export function sizePreviewOf(draft: LearningDraft, previous: LearningRecord | null, by: { accountId: string; now: Date }): SizeReport {
  return sizeReportOf(propertySizeOf(previewRecordOf(draft, previous, by)));
}

export interface SizeMeterText {
  /** Share of the limit used, 0–100 (can exceed 100). */
  percent: number;
  label: string;
  /** What to do, when there is something to do. */
  advice: string | null;
}

const kb = (chars: number): string => `${(chars / 1024).toFixed(1)} KB`;

/**
 * Roughly how many characters of new learnings still fit: each learning's text is stored twice
 * (shown, and copied into the index Jira's search reads), plus about 170 bytes of id, author and
 * dates per learning. Rounded down to a hundred: a promise, not a measurement.
 */
const BYTES_PER_NEW_LEARNING = 170;
export function charactersThatFit(remaining: number): number {
  return Math.max(0, Math.floor((remaining - BYTES_PER_NEW_LEARNING) / 2 / 100) * 100);
}

export function sizeMeterText(size: SizeReport): SizeMeterText {
  const percent = Math.round((size.used / size.limit) * 100);
  const label = `${percent}% of ${Math.round(size.limit / 1024)} KB used`;
  if (size.level === 'over') {
    return {
      percent,
      label,
      advice: `Too large to save by ${kb(-size.remaining)}: shorten or remove some learnings or evidence links, then save.`,
    };
  }
  if (size.level === 'warning') {
    return {
      percent,
      label,
      advice:
        `Room for about ${charactersThatFit(size.remaining).toLocaleString('en-US')} more characters of learnings ` +
        '(Jira keeps 32 KB per issue, and each learning is stored twice: to show and to search). ' +
        'Keep each learning to a line or two and move long notes to a linked page (add it under Evidence).',
    };
  }
  return { percent, label, advice: null };
}

export const WARN_AT_PERCENT = Math.round(LIMITS.warnAtShare * 100);

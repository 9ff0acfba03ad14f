/**
 * A revision's changes in words a person reads at a glance: "Learning added" with a quoted
 * excerpt, "Outcome changed from Open to Invalidated". Pure; the excerpt is kept apart so the
 * view can show someone's text as theirs (any script, no bidi tricks).
 */
import type { HistoryItem } from '../../../../src/contract/resolvers';
import type { RevisionChange, RevisionChanges } from '../../../../src/domain/record/revision-changes';
import { CONFIDENCE_LABELS, OUTCOME_LABELS, plural } from '../../../shared/format';

export interface ChangeLine {
  words: string;
  /** Someone's text, quoted after the words. */
  quote: string | null;
}

const QUOTED: Record<string, string> = {
  learningRemoved: 'Learning removed',
  learningEdited: 'Learning edited',
  surpriseFlagged: 'Flagged as a surprise',
  surpriseUnflagged: 'No longer a surprise',
};

const line = (words: string, quote: string | null = null): ChangeLine => ({ words, quote });

const named = (tags: readonly string[], count: number) =>
  count > tags.length ? `${tags.join(', ')} and ${String(count - tags.length)} more` : tags.join(', ');

function wordsOf(change: RevisionChange): ChangeLine {
  switch (change.kind) {
    case 'hypothesisWritten':
      return line('Hypothesis written');
    case 'hypothesisEdited':
      return line('Hypothesis edited');
    case 'hypothesisCleared':
      return line('Hypothesis cleared');
    case 'learningAdded':
      return line(change.surprise ? 'Surprise added' : 'Learning added', change.excerpt);
    case 'learningRemoved':
    case 'learningEdited':
    case 'surpriseFlagged':
    case 'surpriseUnflagged':
      return line(QUOTED[change.kind] ?? change.kind, change.excerpt);
    case 'outcomeChanged':
      return line(`Outcome changed from ${OUTCOME_LABELS[change.from]} to ${OUTCOME_LABELS[change.to]}`);
    case 'confidenceChanged':
      if (!change.from && change.to) return line(`Confidence set to ${CONFIDENCE_LABELS[change.to]}`);
      if (change.from && !change.to) return line(`Confidence removed (was ${CONFIDENCE_LABELS[change.from]})`);
      return line(
        `Confidence changed from ${change.from ? CONFIDENCE_LABELS[change.from] : ''} to ${change.to ? CONFIDENCE_LABELS[change.to] : ''}`,
      );
    case 'tagsAdded':
      return line(`${change.count === 1 ? 'Tag' : 'Tags'} added: ${named(change.tags, change.count)}`);
    case 'tagsRemoved':
      return line(`${change.count === 1 ? 'Tag' : 'Tags'} removed: ${named(change.tags, change.count)}`);
    case 'evidenceAdded':
      return line(`${plural(change.count, 'evidence link')} added`);
    case 'evidenceRemoved':
      return line(`${plural(change.count, 'evidence link')} removed`);
  }
}

/** Each change on its own line, then how many more; "No changes to the content" when the save changed nothing. */
export function changeLines(changes: RevisionChanges): ChangeLine[] {
  if (changes.list.length === 0) return [line('No changes to the content')];
  const lines = changes.list.map(wordsOf);
  return changes.more > 0 ? [...lines, line(`and ${plural(changes.more, 'more change')}`)] : lines;
}

/** Revisions kept before changes were recorded say what they held instead. */
export function contentLine(item: Pick<HistoryItem, 'learningCount' | 'surpriseCount' | 'outcome'>): string {
  return `${plural(item.learningCount, 'learning')} · ${plural(item.surpriseCount, 'surprise')}${item.outcome ? ` · ${item.outcome}` : ''}`;
}

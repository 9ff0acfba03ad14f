/** Resolving a save conflict: one choice per conflicting field, applied with the domain's resolveConflict. */
import type { ConflictDetails } from '../../../../src/contract/resolvers';
import type { LearningDraft } from '../../../../src/domain/record/learning-record';
import { resolveConflict, type FieldConflict } from '../../../../src/domain/record/merge-learnings';

export type Choice = 'mine' | 'theirs';

/** Choices by the conflict's position in `details.conflicts`. */
export type Choices = ReadonlyArray<Choice | undefined>;

export function allChosen(details: ConflictDetails, choices: Choices): boolean {
  return details.conflicts.every((_, index) => choices[index] !== undefined);
}

export function choose(choices: Choices, index: number, choice: Choice): Choices {
  const next = [...choices];
  next[index] = choice;
  return next;
}

export function chooseAll(details: ConflictDetails, choice: Choice): Choices {
  return details.conflicts.map(() => choice);
}

/** The merged draft with each choice applied; unchosen conflicts keep the stored value ("theirs"). */
export function resolvedDraftOf(details: ConflictDetails, choices: Choices): LearningDraft {
  return details.conflicts.reduce<LearningDraft>(
    (draft, conflict, index) => resolveConflict(draft, conflict, choices[index] ?? 'theirs'),
    details.merged,
  );
}

/** What a resolved conflict is saved as: the resolved draft against the stored revision. */
export function resolvedSaveOf(details: ConflictDetails, choices: Choices): { baseRevision: number; draft: LearningDraft } {
  return { baseRevision: details.current.revision, draft: resolvedDraftOf(details, choices) };
}

export function conflictTitle(conflict: FieldConflict): string {
  switch (conflict.kind) {
    case 'hypothesis':
      return 'Hypothesis';
    case 'outcome':
      return 'Outcome';
    case 'confidence':
      return 'Confidence';
    case 'learning':
      return 'A learning';
    case 'evidence':
      return 'An evidence link';
  }
}

/** Each side of a conflict as text, for showing "Yours" and "Theirs" side by side. */
export function conflictSideText(conflict: FieldConflict, side: Choice): string {
  switch (conflict.kind) {
    case 'hypothesis':
      return conflict[side] || '(empty)';
    case 'outcome':
      return conflict[side];
    case 'confidence':
      return conflict[side] ?? 'not set';
    case 'learning': {
      const entry = conflict[side];
      return `${entry.text || '(empty)'}${entry.surprise ? ' — marked as a surprise' : ''}`;
    }
    case 'evidence': {
      const link = conflict[side];
      return link.title && link.title !== link.url ? `${link.title} (${link.url})` : link.url;
    }
  }
}

/** Is this a CONFLICT error's details? (The envelope types details loosely.) */
export function isConflictDetails(details: unknown): details is ConflictDetails {
  if (typeof details !== 'object' || details === null) return false;
  const value = details as Partial<ConflictDetails>;
  return Array.isArray(value.conflicts) && typeof value.merged === 'object' && typeof value.current === 'object';
}

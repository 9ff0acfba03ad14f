/**
 * "Learned before" in the editor, as plain data: what to ask for, when the
 * question has really changed, and how a helped learning joins the draft.
 * No React, no bridge, no clock: jest tests it with plain values.
 */
import { helpedLinkId, type LearnedBeforeItem, type LearnedBeforePayload } from '../../../../src/contract/learned-before';
import type { AppErrorBody } from '../../../../src/contract/errors';
import { normaliseTags, type EvidenceLink, type LearningDraft } from '../../../../src/domain/record/learning-record';
import { termsOf } from '../../../../src/domain/learned-before/relevance-text';
import { sliceText } from '../../../../src/domain/record/text';

/** Wait this long after the last keystroke before asking. */
export const DEBOUNCE_MS = 600;

/**
 * The question for what is being written: the hypothesis, or the issue's
 * summary while there is no hypothesis yet, and the draft's tags. Null when
 * there is nothing worth asking about (no content word, no tag).
 */
export function learnedBeforePayloadOf(draft: Pick<LearningDraft, 'hypothesis' | 'tags'>, summary: string): LearnedBeforePayload | null {
  const text = sliceText(draft.hypothesis.trim() || summary.trim(), 2000);
  const tags = normaliseTags(draft.tags).slice(0, 10);
  if (termsOf(text).length === 0 && tags.length === 0) return null;
  return { text, tags };
}

/** Two payloads that ask the same thing (same content words, same tags) share a key: typing a comma or a "the" does not ask again. */
export function questionKeyOf(payload: LearnedBeforePayload | null): string {
  if (!payload) return '';
  return `${termsOf(payload.text)
    .map((t) => t.stem)
    .join(' ')}|${[...payload.tags].sort().join(',')}`;
}

export type LearnedBeforeState =
  | { status: 'idle' }
  | { status: 'loading'; key: string; items: LearnedBeforeItem[] }
  | { status: 'ready'; key: string; items: LearnedBeforeItem[] }
  | { status: 'error'; key: string; items: LearnedBeforeItem[]; error: AppErrorBody };

export type LearnedBeforeEvent =
  | { type: 'cleared' }
  | { type: 'asked'; key: string }
  | { type: 'answered'; key: string; items: LearnedBeforeItem[] }
  | { type: 'failed'; key: string; error: AppErrorBody };

const itemsOf = (state: LearnedBeforeState): LearnedBeforeItem[] => (state.status === 'idle' ? [] : state.items);

/** Answers to an older question are dropped; while a new one is asked, the last items stay (no flicker). */
export function learnedBeforeReducer(state: LearnedBeforeState, event: LearnedBeforeEvent): LearnedBeforeState {
  switch (event.type) {
    case 'cleared':
      return { status: 'idle' };
    case 'asked':
      return { status: 'loading', key: event.key, items: itemsOf(state) };
    case 'answered':
      return state.status !== 'idle' && state.key === event.key ? { status: 'ready', key: event.key, items: event.items } : state;
    case 'failed':
      return state.status !== 'idle' && state.key === event.key
        ? { status: 'error', key: event.key, items: itemsOf(state), error: event.error }
        : state;
  }
}

/** Whether this item's issue is already linked as evidence (by "This helped", or by hand). */
export function isLinked(evidence: readonly EvidenceLink[], item: Pick<LearnedBeforeItem, 'issue'>): boolean {
  const id = helpedLinkId(item.issue.id);
  const path = `/browse/${item.issue.key}`;
  return evidence.some((link) => link.id === id || link.url.endsWith(path));
}

/** The draft with the helped link added (once), everything typed kept. */
export function draftWithLink(draft: LearningDraft, link: EvidenceLink): LearningDraft {
  if (draft.evidence.some((l) => l.id === link.id || l.url === link.url)) return draft;
  return { ...draft, evidence: [...draft.evidence, link] };
}

/** "This learning helped 2 tickets", or null when it has not helped any yet. */
export function reuseHeading(total: number): string | null {
  return total === 0 ? null : `This learning helped ${total} ${total === 1 ? 'ticket' : 'tickets'}`;
}

/** The tickets the viewer may not browse are counted, never named. */
export function hiddenNote(hiddenCount: number, named: number): string | null {
  if (hiddenCount === 0) return null;
  return named === 0 ? `${hiddenCount} you cannot see` : `and ${hiddenCount} more you cannot see`;
}

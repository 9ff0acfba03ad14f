/** The retro view's pure UI logic: what the list shows, which JQL is shown, presenter moves. */
import type { RetroView } from '../../../../src/contract/retro';
import type { LearningCard } from '../../../../src/domain/search/learning-cards';
import { hasSurprise, surprisesOf, type Surprise } from '../../../../src/domain/retro/retro-surprises';

export type Scope = 'surprises' | 'all';

/** Without custom JQL the view holds every card of the sprint and narrows here, without another call. */
export function listedCards(view: RetroView, scope: Scope): LearningCard[] {
  if (view.query?.customJql) return view.cards;
  return scope === 'surprises' ? view.cards.filter(hasSurprise) : view.cards;
}

export function shownJql(view: RetroView, scope: Scope): string {
  if (!view.query) return '';
  return view.query.customJql ?? (scope === 'surprises' ? view.query.surprisesJql : view.query.everythingJql);
}

/** The JQL to send for what the person typed: null when it is the view's own query. */
export function jqlToSend(view: RetroView, typed: string): { jql: string | null; scope: Scope | null } {
  const norm = (value: string) => value.trim().replace(/\s+/g, ' ');
  const t = norm(typed);
  if (!view.query || t === '') return { jql: null, scope: null };
  if (t === norm(view.query.surprisesJql)) return { jql: null, scope: 'surprises' };
  if (t === norm(view.query.everythingJql)) return { jql: null, scope: 'all' };
  return { jql: typed.trim(), scope: null };
}

export const presenterSurprises = (cards: readonly LearningCard[]): Surprise[] => surprisesOf(cards);

export type PresenterKey = 'next' | 'previous' | 'first' | 'last' | 'exit' | null;

/** Keys of the presenter, ignored while a person types in a field. */
export function presenterKey(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }, typing: boolean): PresenterKey {
  if (event.key === 'Escape') return 'exit';
  if (typing || event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'j':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'k':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

export function movePresenter(index: number, count: number, key: Exclude<PresenterKey, 'exit' | null>): number {
  if (count === 0) return 0;
  switch (key) {
    case 'next':
      return Math.min(index + 1, count - 1);
    case 'previous':
      return Math.max(index - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
  }
}

/** "+2", "−1", "±0" against the previous sprint. */
export function changeText(change: number): string {
  return change > 0 ? `+${change}` : change < 0 ? `\u2212${-change}` : '\u00b10';
}

/** Jira's issue navigator for a JQL, as a path for the bridge router (`router.open`). */
export function issueNavigatorPath(jql: string): string {
  return `/issues/?jql=${encodeURIComponent(jql)}`;
}

/**
 * How the presenter introduces a hypothesis: "We believed:" unless the text already opens with
 * "We believe…" (the template the app suggests), which would then read twice.
 */
export function hypothesisLabel(hypothesis: string): string {
  return /^\s*we\s+believed?\b/i.test(hypothesis) ? 'Hypothesis:' : 'We believed:';
}

/** The view's title says what the list shows: a person's own JQL is no sprint's surprises. */
export function viewTitle(view: RetroView, scope: Scope): string {
  if (view.query?.customJql) return 'Custom query';
  return scope === 'all' ? 'Everything we learned this sprint' : 'Surprises this sprint';
}

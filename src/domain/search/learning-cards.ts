/**
 * Learnings as they are shown across issues (macro, retro, "learned before"):
 * one card per issue with a readable record, then grouped and filtered.
 * Reading a hit into a card (`cardOf`, which validates with zod) is in
 * card-of.ts, so the UI can import this module without the schemas.
 */
import { OUTCOMES, type LearningRecord, type Outcome } from '../record/learning-record';
import { outcomeLabel } from '../record/wording';

export interface CardIssue {
  id: string;
  key: string;
  summary: string;
  project: { key: string; name: string };
  status: string | null;
  parent: { key: string; summary: string } | null;
  sprints: Array<{ id: number; name: string; state: string }>;
  created: string | null;
  /** How many tickets marked this issue's learning "This helped" (all of them, named or not); absent when none. */
  reuses?: number;
}

export interface LearningCard {
  issue: CardIssue;
  record: LearningRecord;
}

/** Everyone who wrote on these cards (the last saver and each entry's author), first seen first. */
export function authorIdsOf(cards: readonly LearningCard[]): string[] {
  const ids = new Set<string>();
  for (const { record } of cards) {
    if (record.updatedBy) ids.add(record.updatedBy);
    for (const entry of record.learnings) if (entry.authorAccountId) ids.add(entry.authorAccountId);
  }
  return [...ids];
}

export const GROUPINGS = ['none', 'outcome', 'tag', 'project', 'epic', 'sprint'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface CardGroup {
  key: string;
  label: string;
  cards: LearningCard[];
}

function groupKeysOf(card: LearningCard, by: Grouping): Array<{ key: string; label: string }> {
  switch (by) {
    case 'none':
      return [{ key: 'all', label: 'All learnings' }];
    case 'outcome':
      return [{ key: card.record.outcome, label: outcomeLabel(card.record.outcome) }];
    case 'tag':
      return card.record.tags.length
        ? card.record.tags.map((tag) => ({ key: `tag:${tag}`, label: tag }))
        : [{ key: 'tag:', label: 'No tag' }];
    case 'project':
      return [
        {
          key: card.issue.project.key,
          label: card.issue.project.name ? `${card.issue.project.name} (${card.issue.project.key})` : card.issue.project.key,
        },
      ];
    case 'epic':
      return card.issue.parent
        ? [{ key: card.issue.parent.key, label: `${card.issue.parent.key} ${card.issue.parent.summary}`.trim() }]
        : [{ key: '', label: 'No epic' }];
    case 'sprint': {
      const sprint = card.issue.sprints.at(-1);
      return sprint ? [{ key: `sprint:${sprint.id}`, label: sprint.name }] : [{ key: 'sprint:', label: 'No sprint' }];
    }
  }
}

/**
 * Groups in a stable order: outcomes in their lifecycle order, others by
 * first appearance (the search order), the "no …" group last. A card with
 * several tags appears under each.
 */
export function groupCards(cards: readonly LearningCard[], by: Grouping): CardGroup[] {
  const groups = new Map<string, CardGroup>();
  for (const card of cards) {
    for (const { key, label } of groupKeysOf(card, by)) {
      const group = groups.get(key) ?? { key, label, cards: [] };
      group.cards.push(card);
      groups.set(key, group);
    }
  }
  const list = [...groups.values()];
  const isEmptyGroup = (g: CardGroup) => g.key === '' || g.key.endsWith(':');
  if (by === 'outcome') list.sort((a, b) => OUTCOMES.indexOf(a.key as Outcome) - OUTCOMES.indexOf(b.key as Outcome));
  return [...list.filter((g) => !isEmptyGroup(g)), ...list.filter(isEmptyGroup)];
}

/** Words of a search box, all of which must appear somewhere in the card (case-insensitive). */
export function matchesSearch(card: LearningCard, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    card.issue.key,
    card.issue.summary,
    card.record.hypothesis,
    ...card.record.learnings.map((e) => e.text),
    ...card.record.tags,
    ...card.record.evidence.map((l) => l.title),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

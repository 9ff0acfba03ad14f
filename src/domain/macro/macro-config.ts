/**
 * The Confluence macro's configuration, as stored in the page. Read
 * tolerantly: anything missing or not understood falls back to a default, so
 * an old or hand-edited config still renders. No zod here: the config view
 * bundles this module; the strict schema is in macro-config-schema.ts.
 */
import { GROUPINGS, type Grouping } from '../search/learning-cards';
import type { LearningQuery, MacroSort } from '../search/learning-query';
import { SORTS } from '../search/learning-query';
import { OUTCOMES, type Outcome } from '../record/learning-record';

export const LAYOUTS = ['cards', 'table', 'compact'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const SHOWABLE_PARTS = ['hypothesis', 'entries', 'evidence', 'tags', 'author', 'dates'] as const;
export type ShowablePart = (typeof SHOWABLE_PARTS)[number];

export const MACRO_LIMITS = { jqlChars: 2000, titleChars: 200 } as const;

export interface MacroConfig {
  title: string;
  jql: string;
  groupBy: Grouping;
  surprisesOnly: boolean;
  outcomes: Outcome[];
  sort: MacroSort;
  layout: Layout;
  show: Record<ShowablePart, boolean>;
}

/** Inserting the macro and pressing save already shows something: the last 90 days of learnings, by outcome. */
export const DEFAULT_MACRO_CONFIG: MacroConfig = {
  title: 'What we learned',
  jql: 'learningUpdated >= -90d',
  groupBy: 'outcome',
  surprisesOnly: false,
  outcomes: [],
  sort: 'updated',
  layout: 'cards',
  show: { hypothesis: true, entries: true, evidence: true, tags: true, author: true, dates: true },
};

/** The preset filled from an epic the person picks (see epic-query.ts). */
export const EPIC_PRESET = { id: 'epic', label: 'An epic and its children' } as const;
/** The preset filled from a sprint the person picks (see sprint-query.ts): a retro page keeps its sprint. */
export const SPRINT_PRESET = { id: 'retro', label: 'Surprises of one sprint (for a retro page)' } as const;

export interface JqlPreset {
  id: string;
  label: string;
  jql: string;
  /** What the person should change in the JQL, if anything. */
  hint?: string;
}

/**
 * Starting points offered in the config view; each is plain JQL the person can edit. None names a
 * project or an issue of any site. "An epic and its children" and the retro's sprint are not among
 * them: their JQL is written once an epic or a sprint of the site is picked (epic-query.ts,
 * sprint-query.ts), so picking them never leaves a query Jira refuses or one that changes meaning
 * later (`sprint in openSprints()` shows the next sprint once it starts).
 */
export const JQL_PRESETS: JqlPreset[] = [
  { id: 'recent', label: 'Everything learned in the last 90 days', jql: 'learningUpdated >= -90d' },
  { id: 'surprises', label: 'Surprises of the last 30 days', jql: 'learningSurprise = "true" AND learningUpdated >= -30d' },
  { id: 'mine', label: 'Issues I am assigned to or reported', jql: 'assignee = currentUser() OR reporter = currentUser()' },
  { id: 'tag', label: 'A tag', jql: 'learningTags = pricing', hint: 'Change pricing to your tag.' },
  { id: 'invalidated', label: 'Invalidated hypotheses', jql: 'learningOutcome = invalidated' },
];

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isStringUpTo =
  (max: number) =>
  (value: unknown): value is string =>
    typeof value === 'string' && value.length <= max;
const isOutcomeList = (value: unknown): value is Outcome[] =>
  Array.isArray(value) && value.length <= OUTCOMES.length && Array.from(value).every(isOneOf(OUTCOMES));

function pick<T>(isValid: (value: unknown) => value is T, value: unknown, fallback: T): T {
  return isValid(value) ? value : fallback;
}

/**
 * Tolerant: what is stored in a page, field by field, with defaults. A field
 * is kept when it would pass `macroConfigSchema` (macro-config-schema.ts, the
 * strict form the resolvers check); plain checks here keep zod out of the UI.
 */
export function macroConfigOf(raw: unknown): MacroConfig {
  const value = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_MACRO_CONFIG;
  const show = value.show && typeof value.show === 'object' ? (value.show as Record<string, unknown>) : {};
  return {
    title: pick(isStringUpTo(MACRO_LIMITS.titleChars), value.title, d.title),
    jql: pick(isStringUpTo(MACRO_LIMITS.jqlChars), value.jql, d.jql),
    groupBy: pick(isOneOf(GROUPINGS), value.groupBy, d.groupBy),
    surprisesOnly: pick(isBoolean, value.surprisesOnly, d.surprisesOnly),
    outcomes: isOutcomeList(value.outcomes) ? [...value.outcomes] : d.outcomes,
    sort: pick(isOneOf(SORTS), value.sort, d.sort),
    layout: pick(isOneOf(LAYOUTS), value.layout, d.layout),
    show: Object.fromEntries(SHOWABLE_PARTS.map((part) => [part, pick(isBoolean, show[part], d.show[part])])) as MacroConfig['show'],
  };
}

export function queryOf(config: MacroConfig): LearningQuery {
  return { jql: config.jql, surprisesOnly: config.surprisesOnly, outcomes: config.outcomes, sort: config.sort };
}

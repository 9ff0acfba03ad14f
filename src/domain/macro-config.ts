/**
 * The Confluence macro's configuration, as stored in the page. Read
 * tolerantly: anything missing or not understood falls back to a default, so
 * an old or hand-edited config still renders.
 */
import { z } from 'zod';
import { GROUPINGS, type Grouping } from './learning-cards';
import type { LearningQuery, LearningSort } from './learning-query';
import { SORTS } from './learning-query';
import { OUTCOMES, type Outcome } from './learning-record';

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
  sort: LearningSort;
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

export interface JqlPreset {
  id: string;
  label: string;
  jql: string;
  /** What the person should change in the JQL, if anything. */
  hint?: string;
}

/** Starting points offered in the config view; each is plain JQL the person can edit. */
export const JQL_PRESETS: JqlPreset[] = [
  { id: 'recent', label: 'Everything learned in the last 90 days', jql: 'learningUpdated >= -90d' },
  { id: 'project', label: 'A project', jql: 'project = FLEX', hint: 'Change FLEX to your project key.' },
  { id: 'epic', label: 'An epic and its children', jql: 'parent = FLEX-100 OR key = FLEX-100', hint: 'Change FLEX-100 to your epic.' },
  { id: 'tag', label: 'A tag', jql: 'learningTags = pricing', hint: 'Change pricing to your tag.' },
  { id: 'surprises', label: 'Surprises of the last 90 days', jql: 'learningSurprise = "true" AND learningUpdated >= -90d' },
  { id: 'invalidated', label: 'Invalidated hypotheses', jql: 'learningOutcome = invalidated' },
  {
    id: 'retro',
    label: 'Surprises of the current sprint (for a retro page)',
    jql: 'project = FLEX AND sprint in openSprints() AND learningSurprise = "true"',
    hint: 'Change FLEX to your project key; for a chosen sprint, use sprint = <sprint id> instead of sprint in openSprints().',
  },
];

/** Strict: what the config view submits and what a preview asks for. */
export const macroConfigSchema = z.strictObject({
  title: z.string().max(MACRO_LIMITS.titleChars, `The title may be at most ${MACRO_LIMITS.titleChars} characters.`),
  jql: z.string().max(MACRO_LIMITS.jqlChars, `The JQL may be at most ${MACRO_LIMITS.jqlChars} characters.`),
  groupBy: z.enum(GROUPINGS),
  surprisesOnly: z.boolean(),
  outcomes: z.array(z.enum(OUTCOMES)).max(OUTCOMES.length),
  sort: z.enum(SORTS),
  layout: z.enum(LAYOUTS),
  show: z.strictObject(Object.fromEntries(SHOWABLE_PARTS.map((part) => [part, z.boolean()])) as Record<ShowablePart, z.ZodBoolean>),
});

function pick<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/** Tolerant: what is stored in a page, field by field, with defaults. */
export function macroConfigOf(raw: unknown): MacroConfig {
  const value = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const shape = macroConfigSchema.shape;
  const d = DEFAULT_MACRO_CONFIG;
  const show = value.show && typeof value.show === 'object' ? (value.show as Record<string, unknown>) : {};
  return {
    title: pick(shape.title, value.title, d.title),
    jql: pick(shape.jql, value.jql, d.jql),
    groupBy: pick(shape.groupBy, value.groupBy, d.groupBy),
    surprisesOnly: pick(shape.surprisesOnly, value.surprisesOnly, d.surprisesOnly),
    outcomes: pick(shape.outcomes, value.outcomes, d.outcomes),
    sort: pick(shape.sort, value.sort, d.sort),
    layout: pick(shape.layout, value.layout, d.layout),
    show: Object.fromEntries(SHOWABLE_PARTS.map((part) => [part, pick(z.boolean(), show[part], d.show[part])])) as MacroConfig['show'],
  };
}

export function queryOf(config: MacroConfig): LearningQuery {
  return { jql: config.jql, surprisesOnly: config.surprisesOnly, outcomes: config.outcomes, sort: config.sort };
}

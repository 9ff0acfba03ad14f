/** The config view's pure logic: reading the stored config, presets, field problems, the JQL check's state. */
import type { JqlCheck } from '../../../../src/contract/resolvers';
import { OUTCOMES, type Outcome } from '../../../../src/domain/record/learning-record';
import {
  JQL_PRESETS,
  MACRO_LIMITS,
  macroConfigOf,
  type JqlPreset,
  type MacroConfig,
  type ShowablePart,
} from '../../../../src/domain/macro/macro-config';

/** The config stored in the page (Forge puts it at `extension.config`), defaults filled in. */
export function configFromContext(context: unknown): MacroConfig {
  const extension = (context as { extension?: { config?: unknown } } | null | undefined)?.extension;
  return macroConfigOf(extension?.config);
}

export const CUSTOM_PRESET = 'custom';

/** The preset whose JQL this is, or "custom". */
export function presetOf(jql: string): string {
  const normal = (value: string) => value.trim().replace(/\s+/g, ' ');
  return JQL_PRESETS.find((preset) => normal(preset.jql) === normal(jql))?.id ?? CUSTOM_PRESET;
}

export function presetById(id: string): JqlPreset | undefined {
  return JQL_PRESETS.find((preset) => preset.id === id);
}

export type ConfigAction =
  | { type: 'title'; value: string }
  | { type: 'jql'; value: string }
  | { type: 'preset'; id: string }
  | { type: 'field'; field: 'groupBy' | 'sort' | 'layout'; value: string }
  | { type: 'surprisesOnly'; value: boolean }
  | { type: 'outcome'; outcome: Outcome; on: boolean }
  | { type: 'show'; part: ShowablePart; on: boolean };

export function configReducer(config: MacroConfig, action: ConfigAction): MacroConfig {
  switch (action.type) {
    case 'title':
      return { ...config, title: action.value };
    case 'jql':
      return { ...config, jql: action.value };
    case 'preset': {
      const preset = presetById(action.id);
      return preset ? { ...config, jql: preset.jql } : config;
    }
    case 'field': {
      // Only values the schema knows survive (macroConfigOf falls back field by field).
      const next = macroConfigOf({ ...config, [action.field]: action.value });
      return { ...config, [action.field]: next[action.field] };
    }
    case 'surprisesOnly':
      return { ...config, surprisesOnly: action.value };
    case 'outcome': {
      const set = new Set(config.outcomes);
      if (action.on) set.add(action.outcome);
      else set.delete(action.outcome);
      // In lifecycle order; all four is the same as none: every outcome.
      const outcomes = OUTCOMES.filter((o) => set.has(o));
      return { ...config, outcomes: outcomes.length === OUTCOMES.length ? [] : outcomes };
    }
    case 'show':
      return { ...config, show: { ...config.show, [action.part]: action.on } };
  }
}

export interface FieldProblems {
  title?: string;
  jql?: string;
}

export function fieldProblems(config: MacroConfig): FieldProblems {
  const problems: FieldProblems = {};
  if (config.title.length > MACRO_LIMITS.titleChars) problems.title = `The title may be at most ${MACRO_LIMITS.titleChars} characters.`;
  if (config.jql.length > MACRO_LIMITS.jqlChars) problems.jql = `The JQL may be at most ${MACRO_LIMITS.jqlChars} characters.`;
  return problems;
}

/** What the JQL check says about the query now in the box. */
export type CheckState =
  | { status: 'idle' }
  | { status: 'checking'; jql: string }
  | { status: 'valid'; jql: string; count: number | null }
  | { status: 'invalid'; jql: string; errors: string[] }
  | { status: 'unavailable'; jql: string; message: string };

export function checkStarted(jql: string): CheckState {
  return { status: 'checking', jql };
}

/** An answer counts only for the query still in the box: a late answer for an older query is dropped. */
export function checkAnswered(
  state: CheckState,
  jql: string,
  answer: { ok: true; value: JqlCheck } | { ok: false; error: { message: string } },
): CheckState {
  if (state.status !== 'checking' || state.jql !== jql) return state;
  if (!answer.ok) return { status: 'unavailable', jql, message: answer.error.message };
  return answer.value.errors.length > 0
    ? { status: 'invalid', jql, errors: answer.value.errors }
    : { status: 'valid', jql, count: answer.value.count };
}

/** Saving is refused only for what is certainly wrong: a field too long, or Jira's own errors for this query. */
export function saveBlocker(config: MacroConfig, check: CheckState): string | null {
  const problems = fieldProblems(config);
  if (problems.title || problems.jql) return problems.title ?? problems.jql ?? null;
  if (check.status === 'invalid' && check.jql === config.jql) return 'Fix the JQL first: Jira cannot run it.';
  return null;
}

/** "About 42 issues with learnings" */
export function countText(count: number | null): string {
  if (count === null) return 'Valid JQL.';
  if (count === 0) return 'Valid JQL, but no issue with learnings matches yet.';
  return `Valid JQL: about ${count} ${count === 1 ? 'issue' : 'issues'} with learnings.`;
}

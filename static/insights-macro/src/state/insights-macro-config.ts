/**
 * The "Learning insights" macro's config, as stored in the page (Forge puts it at
 * `extension.config`): which projects and how many periods. Read defensively (a page's stored
 * config is whatever was saved, by any version), with the backend's own limits; the backend
 * validates the payload again.
 */
import { INSIGHTS_LIMITS, type InsightsOpenPayload } from '../../../../src/contract/insights';
import { PROJECT_KEY_PATTERN } from '../../../../src/domain/record/identifiers';

export interface InsightsMacroConfig {
  /** Project keys; empty: every project the viewer may browse. */
  projects: string[];
  /** The newest periods shown, 1–6. */
  periods: number;
}

export const DEFAULT_INSIGHTS_MACRO_CONFIG: InsightsMacroConfig = { projects: [], periods: INSIGHTS_LIMITS.periods };

export const PERIOD_CHOICES: readonly number[] = Array.from({ length: INSIGHTS_LIMITS.periods }, (_, i) => i + 1);

function projectsOf(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const keys = raw.filter((key): key is string => typeof key === 'string' && PROJECT_KEY_PATTERN.test(key));
  return [...new Set(keys)].slice(0, INSIGHTS_LIMITS.projects);
}

function periodsOf(raw: unknown): number {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= INSIGHTS_LIMITS.periods ? raw : INSIGHTS_LIMITS.periods;
}

/** The stored config, anything unreadable replaced by its default. */
export function insightsConfigOf(raw: unknown): InsightsMacroConfig {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_INSIGHTS_MACRO_CONFIG };
  const stored = raw as { projects?: unknown; periods?: unknown };
  return { projects: projectsOf(stored.projects), periods: periodsOf(stored.periods) };
}

/** The config of the macro whose context this is (`extension.config`), defaults filled in. */
export function insightsConfigFromContext(context: unknown): InsightsMacroConfig {
  const extension = (context as { extension?: { config?: unknown } } | null | undefined)?.extension;
  return insightsConfigOf(extension?.config);
}

/** What `insights/open` is asked: no project list means every project the viewer may browse. */
export function openPayloadOf(config: InsightsMacroConfig): InsightsOpenPayload {
  return config.projects.length > 0 ? { projects: config.projects, periods: config.periods } : { periods: config.periods };
}

/** One project more or less in the choice, kept in the order the picker lists them. */
export function toggleProject(config: InsightsMacroConfig, key: string, on: boolean, order: readonly string[]): InsightsMacroConfig {
  const chosen = new Set(config.projects);
  if (on) chosen.add(key);
  else chosen.delete(key);
  const listed = order.filter((k) => chosen.has(k));
  const unlisted = [...chosen].filter((k) => !order.includes(k));
  return { ...config, projects: [...listed, ...unlisted].slice(0, INSIGHTS_LIMITS.projects) };
}

/**
 * The projects' words for the page's viewer. Never the chosen keys: a viewer must not learn the
 * name of a project they may not browse from the page (carol never reads GROW).
 */
export function scopeWords(config: InsightsMacroConfig): string {
  return config.projects.length > 0 ? 'the projects chosen for this page' : 'every project you may browse';
}

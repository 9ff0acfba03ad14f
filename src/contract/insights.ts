/**
 * Insights: figures per project and period from the aggregates the app keeps, shown only where
 * the viewer's own count proves they may see every issue counted. The person comes from the
 * Forge context, never from a payload.
 */
import type { FigureName, PeriodFigures, Trend } from '../domain/insights/insight-figures';
import type { Result } from './errors';

export const INSIGHTS_LIMITS = {
  /** The page shows the last six periods (sprints, or months for boards without sprints). */
  periods: 6,
  /** Projects one open may name. */
  projects: 50,
} as const;

export interface InsightsOpenPayload {
  /** Project keys to show; all the viewer may see when absent. */
  projects?: string[];
  /** How many of the newest periods (1–6, default 6). */
  periods?: number;
}

export interface PeriodInsights {
  kind: 'sprint' | 'month';
  label: string;
  /** Issues with a record in the period. */
  issues: number;
  figures: PeriodFigures;
  /** "This helped" links on the period's issues, by the project whose learning helped: only projects shown to the viewer. */
  helpedFrom: Record<string, number>;
  /** Links from projects not shown to the viewer (not named: they may not browse them, or some of their issues). */
  helpedFromOthers: number;
  /** The JQL listing the issues this period's figures count (every value quoted). */
  jql: string;
}

export interface ProjectInsights {
  projectKey: string;
  /** Oldest first. */
  periods: PeriodInsights[];
  /** The newest period against the one before. */
  trends: Record<FigureName, Trend>;
}

export interface InsightsView {
  projects: ProjectInsights[];
  /** Projects counted but not shown, each with why (some of their issues are hidden from the viewer). */
  withheld: Array<{ projectKey: string; reason: string }>;
  /** When the aggregates were last rebuilt is not tracked; this says what the figures cover. */
  note: string;
}

/**
 * "Rebuild now": `done` when the rebuild fitted in the resolver's time, with what it counted;
 * `requested` when the site has too many records for that (nothing was written): the rebuild
 * runs in the background within five minutes (the `insights-rebuild-on-request` trigger).
 */
export type InsightsRebuildAnswer =
  | { state: 'done'; issues: number; periods: number; projects: number }
  | { state: 'requested'; /** ISO 8601 instant of the ask. */ requestedAt: string };

// A type, not an interface: @forge/resolver's Definitions needs an index signature.
export type InsightsDefs = {
  'insights/open': (payload: InsightsOpenPayload) => Result<InsightsView>;
  /** Jira admins only (ADMINISTER global permission). */
  'insights/rebuild': () => Result<InsightsRebuildAnswer>;
};

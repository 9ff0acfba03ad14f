/**
 * The cross-team flow matrix: whose learnings helped whose tickets, as "This helped" links
 * summed over the periods the tab shows. Rows are the projects whose learning helped, columns
 * the projects whose tickets were helped; a last row counts links from projects not shown to the
 * viewer, never named (the backend already removed their names). Pure.
 */
import type { ProjectInsights } from '../../../../src/contract/insights';

export const OTHER_PROJECTS = 'Projects not shown to you';
/** The header of the rows' column. */
export const FLOW_CORNER = 'Learning from / ticket in';

export interface FlowMatrix {
  /** The projects shown, in the tab's order: the columns, and the rows but the last. */
  projects: string[];
  /** rows[i][j]: links from learnings of projects[i] on tickets of projects[j]. */
  rows: number[][];
  /** Per column, links from projects not shown to the viewer (the row "Projects not shown to you"). */
  others: number[];
  /** The largest cell, for the heat scale. */
  largest: number;
  total: number;
}

export function flowMatrix(projects: readonly ProjectInsights[]): FlowMatrix {
  const keys = projects.map((p) => p.projectKey);
  const rows = keys.map((from) => projects.map((to) => to.periods.reduce((sum, period) => sum + (period.helpedFrom[from] ?? 0), 0)));
  const others = projects.map((to) => to.periods.reduce((sum, period) => sum + period.helpedFromOthers, 0));
  const cells = [...rows.flat(), ...others];
  return {
    projects: keys,
    rows,
    others,
    largest: Math.max(0, ...cells),
    total: cells.reduce((sum, n) => sum + n, 0),
  };
}

/** 0 (no colour) for no links, else 1–4 by the share of the largest cell. */
export function heatLevel(count: number, largest: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || largest <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / largest))) as 1 | 2 | 3 | 4;
}

/** The matrix as rows of words, the header first: what the table, the CSV and the Markdown show. */
export function flowTable(matrix: FlowMatrix): string[][] {
  const header = [FLOW_CORNER, ...matrix.projects];
  const body = matrix.rows.map((row, i) => [matrix.projects[i] ?? '', ...row.map(String)]);
  const other = matrix.others.some((n) => n > 0) ? [[OTHER_PROJECTS, ...matrix.others.map(String)]] : [];
  return [header, ...body, ...other];
}

export const FLOW_TITLE = 'Cross-team flow';
export const FLOW_LEGEND =
  '"This helped" links over the periods shown: each row is the project whose learning helped, each column the project whose ticket it helped (the diagonal: within one team).';

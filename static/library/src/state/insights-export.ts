/**
 * The Insights figures as text to paste: CSV (RFC 4180 quoting; a cell a spreadsheet would read
 * as a formula, e.g. a sprint named "=HYPERLINK(…)", gets the leading apostrophe OWASP
 * recommends) and Markdown (a GFM table per project, written by the shared mdast writer, so a
 * sprint name cannot turn into structure or links). The same words as the tab's tables. Pure.
 */
import type { RootContent, TableCell, TableRow } from 'mdast';
import type { InsightsView } from '../../../../src/contract/insights';
import { quoteFormula } from '../../../../src/domain/export/export-formula';
import { heading, text, writeMarkdown } from '../../../../src/domain/export/markdown-writer';
import { FIGURES, formatFigure } from './insights-figures';
import { FLOW_TITLE, flowMatrix, flowTable } from './insights-flow';

const HEADER = ['Project', 'Period', 'Issues', ...FIGURES.map((f) => f.title)];

/** One row per project and period, in the order the tab shows them; "" where a period has no data. */
function figureTable(view: InsightsView): string[][] {
  return view.projects.flatMap((project) =>
    project.periods.map((period) => [
      project.projectKey,
      period.label,
      String(period.issues),
      ...FIGURES.map((f) => {
        const value = period.figures[f.name];
        return value === null ? '' : formatFigure(value, f.unit);
      }),
    ]),
  );
}

function csvCell(value: string): string {
  const safe = quoteFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The flow matrix below the figures, after an empty row and its title; every row as wide as the widest (RFC 4180). */
export function insightsCsv(view: InsightsView): string {
  const flow = view.projects.length > 0 ? [[], [FLOW_TITLE], ...flowTable(flowMatrix(view.projects))] : [];
  const rows = [HEADER, ...figureTable(view), ...flow];
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')].map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const cell = (value: string): TableCell => ({ type: 'tableCell', children: value ? [text(value)] : [] });
const row = (values: string[]): TableRow => ({ type: 'tableRow', children: values.map(cell) });

export function insightsMarkdown(view: InsightsView): string {
  const rows = figureTable(view);
  const header = HEADER.slice(1);
  return writeMarkdown([
    ...view.projects.flatMap((project): RootContent[] => [
      heading(3, text(project.projectKey)),
      {
        type: 'table' as const,
        align: header.map(() => null),
        children: [row(header), ...rows.filter((r) => r[0] === project.projectKey).map((r) => row(r.slice(1)))],
      },
    ]),
    ...flowMarkdown(view),
  ]);
}

function flowMarkdown(view: InsightsView): RootContent[] {
  if (view.projects.length === 0) return [];
  const [header = [], ...body] = flowTable(flowMatrix(view.projects));
  return [
    heading(3, text(FLOW_TITLE)),
    {
      type: 'table' as const,
      align: header.map((_, i) => (i === 0 ? null : ('right' as const))),
      children: [row(header), ...body.map(row)],
    },
  ];
}

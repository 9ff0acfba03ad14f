// Markdown and console tables.
import type { Row } from './report-input';

export function table(headers: string[], rows: string[][]): string {
  const esc = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function consoleTable(rows: Row[]): string {
  const cells = (r: Row) => [r.measure, r.value, r.limit, r.ratio];
  // Column widths from the rows (the header is padded to them, not counted).
  const w = [0, 1, 2, 3].map((i) => Math.max(0, ...rows.map((r) => cells(r)[i]?.length ?? 0)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(w[i] ?? 0)).join('  ');
  return [line(['measure', 'value', 'limit/budget', 'ratio']), line(w.map((n) => '-'.repeat(n))), ...rows.map((r) => line(cells(r)))].join(
    '\n',
  );
}

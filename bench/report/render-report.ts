// The bench's report: the Markdown of bench/RESULTS.md and the summary printed on the console.
import { findingsOf } from './findings';
import { callsSection, latencySection } from './markdown-calls';
import { backendSection, bundlesSection, renderSection } from './markdown-backend';
import { headerSection, howToReadSection } from './markdown-summary';
import type { ReportInput } from './report-input';
import { consoleTable } from './tables';

export function renderReport(r: ReportInput): { markdown: string; console: string } {
  const f = findingsOf(r);
  const { headline, over, near, missing } = f;
  const md: string[] = [];
  headerSection(r, f, md);
  callsSection(r, md);
  latencySection(r, md);
  backendSection(r, md);
  bundlesSection(r, md);
  renderSection(r, md);
  howToReadSection(md);
  return {
    markdown: md.join('\n'),
    console:
      consoleTable(headline) +
      (over.length ? `\n\nOver budget:\n${over.map((o) => `- ${o}`).join('\n')}` : '\n\nNothing over budget.') +
      (near.length ? `\n\nNear budget:\n${near.map((o) => `- ${o}`).join('\n')}` : '') +
      (missing.length ? `\n\nNot measured / caveats:\n${missing.map((o) => `- ${o}`).join('\n')}` : ''),
  };
}

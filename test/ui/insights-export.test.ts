/**
 * The Insights figures as CSV and Markdown, against text written here by hand: the tab's wording,
 * "" where a period has no data, RFC 4180 quoting, a formula-looking sprint name quoted with an
 * apostrophe in CSV, and a hostile sprint name read back from the Markdown as text, not structure.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { InsightsView, PeriodInsights } from '../../src/contract/insights';
import { insightsCsv, insightsMarkdown } from '../../static/library/src/state/insights-export';
import { NO_FIGURES } from '../support/no-figures';

const period = (
  label: string,
  figures: Partial<PeriodInsights['figures']>,
  flow: Pick<PeriodInsights, 'helpedFrom' | 'helpedFromOthers'> = { helpedFrom: {}, helpedFromOthers: 0 },
): PeriodInsights => ({
  kind: 'sprint',
  label,
  issues: 4,
  figures: { ...NO_FIGURES, ...figures },
  ...flow,
  jql: 'project = "FLEX"',
});
const TRENDS = Object.fromEntries(Object.keys(NO_FIGURES).map((k) => [k, null])) as InsightsView['projects'][number]['trends'];
const VIEW: InsightsView = {
  projects: [
    { projectKey: 'CHK', periods: [period('C1', {}, { helpedFrom: { FLEX: 3 }, helpedFromOthers: 0 })], trends: TRENDS },
    {
      projectKey: 'FLEX',
      periods: [
        period(
          'Sprint 1',
          { hypothesisCoverage: 0.5, medianDaysToLearning: 3.5, helpedFromOtherTeams: 2, reusedShare: 0.4 },
          { helpedFrom: { CHK: 2, FLEX: 1 }, helpedFromOthers: 1 },
        ),
        period('=HYPERLINK("x"), | [a](javascript:alert(1))', { surpriseRate: 0.25 }),
      ],
      trends: TRENDS,
    },
  ],
  withheld: [],
  note: '',
};

describe('the Insights export', () => {
  it('writes CSV with the tab’s words, quoted as RFC 4180 says and formula-safe, then the flow matrix as wide', () => {
    expect(insightsCsv(VIEW)).toBe(
      'Project,Period,Issues,Hypothesis coverage,Learning yield,Surprise rate,Decided rate,Invalidated rate,Median days to learning,Reuse from other teams,Learnings reused\r\n' +
        'CHK,C1,4,,,,,,,0,\r\n' +
        'FLEX,Sprint 1,4,50%,,,,,3.5 days,2,40%\r\n' +
        `FLEX,"'=HYPERLINK(""x""), | [a](javascript:alert(1))",4,,,25%,,,,0,\r\n` +
        ',,,,,,,,,,\r\n' +
        'Cross-team flow,,,,,,,,,,\r\n' +
        'Learning from / ticket in,CHK,FLEX,,,,,,,,\r\n' +
        'CHK,0,2,,,,,,,,\r\n' +
        'FLEX,3,1,,,,,,,,\r\n' +
        'Projects not shown to you,0,1,,,,,,,,\r\n',
    );
  });

  it('writes a Markdown table per project whose cells read back as the same text', () => {
    const markdown = insightsMarkdown(VIEW);
    const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'table', 'heading', 'table', 'heading', 'table']);
    const cellsOf = (index: number) => {
      const table = tree.children[index]!;
      if (table.type !== 'table') throw new Error('no table');
      return table.children.map((r) => r.children.map((c) => c.children.map((p) => ('value' in p ? p.value : p.type)).join('')));
    };
    const cells = cellsOf(3);
    expect(cells[1]).toEqual(['Sprint 1', '4', '50%', '', '', '', '', '3.5 days', '2', '40%']);
    expect(cellsOf(5)).toEqual([
      ['Learning from / ticket in', 'CHK', 'FLEX'],
      ['CHK', '0', '2'],
      ['FLEX', '3', '1'],
      ['Projects not shown to you', '0', '1'],
    ]);
    expect(cells[2]![0]).toBe('=HYPERLINK("x"), | [a](javascript:alert(1))');
    expect(markdown).not.toMatch(/\]\(javascript/);
  });
});

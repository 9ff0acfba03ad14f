import { load } from 'cheerio';
import { adfToHtml } from '../../src/domain/export/adf-to-html';
import { learningsToAdf } from '../../src/domain/export/export-adf';
import { DEFAULT_MACRO_CONFIG } from '../../src/domain/macro/macro-config';
import { FLEX_112_DRAFT, aRecord } from '../support/learning-mother';

const card = (hypothesis: string, evidence: Array<{ id: string; url: string; title: string }> = []) => ({
  issue: {
    id: '10112',
    key: 'FLEX-112',
    summary: 'Offer Flex as a refund option',
    project: { key: 'FLEX', name: 'Flex Refunds' },
    status: 'In Progress',
    parent: null,
    sprints: [],
    created: '2026-10-23T09:00:00.000Z',
  },
  record: aRecord({ ...FLEX_112_DRAFT(), hypothesis, evidence }),
});

const exportOf = (cards: ReturnType<typeof card>[], layout: 'cards' | 'table' = 'cards') =>
  learningsToAdf({
    title: 'What we learned',
    cards,
    groupBy: 'outcome',
    layout,
    show: DEFAULT_MACRO_CONFIG.show,
    asOf: '2026-11-21T09:00:00.000Z',
    jql: 'learningTags = pricing',
    siteUrl: 'https://example.atlassian.net',
    names: {},
  });

describe('the ADF export as HTML, for pasting formatted into Confluence', () => {
  it('renders headings, lists and links of a learnings export', () => {
    const html = adfToHtml(exportOf([card('Presenting Flex as a refund option will reduce drop-off.')]));
    expect(html).toMatch(/^<h\d>What we learned<\/h\d>/);
    expect(html).toContain('<ul><li>');
    expect(html).toContain('Presenting Flex as a refund option will reduce drop-off.');
    expect(html).toContain('<a href="https://example.atlassian.net/browse/FLEX-112">');
  });

  it('escapes every text and keeps only http/https links', () => {
    const hostile = '<img src=x onerror=alert(1)> & "quotes"';
    const adf = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: hostile }] },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'bad link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
        },
      ],
    };
    const html = adfToHtml(adf);
    expect(html).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</p><p>bad link</p>');
    expect(adfToHtml(exportOf([card(hostile)]))).not.toMatch(/<img|onerror=alert\(1\)>/);
  });

  it('answers an empty string for anything that is not a document', () => {
    expect(adfToHtml(null)).toBe('');
    expect(adfToHtml('doc')).toBe('');
  });
});

/**
 * The clipboard HTML also pastes into Excel, Google Sheets or LibreOffice,
 * which read each cell as if typed: a cell starting with `=`, `+`, `-`, `@`,
 * tab or carriage return is a formula (OWASP, "CSV Injection"). OWASP's
 * advice, followed here: prefix such a cell with a single quote, the
 * spreadsheets' own "this is text" mark; the text stays readable after it.
 */
describe('formulas in the clipboard table', () => {
  /** The cells of the table's second row, by header, as a browser's parser reads them. */
  function rowOf(html: string): Record<string, string> {
    const $ = load(html);
    const headers = $('table tr')
      .first()
      .children()
      .map((_, cell) => $(cell).text())
      .get();
    const cells = $('table tr')
      .eq(1)
      .children()
      .map((_, cell) => $(cell).text())
      .get();
    return Object.fromEntries(headers.map((header, i) => [header, cells[i]!]));
  }

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['=HYPERLINK("https://evil.example","x")', '\'=HYPERLINK("https://evil.example","x")'],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\n=1"],
    ['  =1', "'  =1"],
  ])('quotes a cell that starts %j', (hypothesis, cellText) => {
    expect(rowOf(adfToHtml(exportOf([card(hypothesis)], 'table'))).Hypothesis).toBe(cellText);
  });

  it.each(['1-1', 'a=b', 'Presenting Flex works.'])('leaves %j as it is', (hypothesis) => {
    expect(rowOf(adfToHtml(exportOf([card(hypothesis)], 'table'))).Hypothesis).toBe(hypothesis);
  });

  it('quotes the label of a link that starts a cell', () => {
    const row = rowOf(adfToHtml(exportOf([card('ok', [{ id: 'l1', url: 'https://evidence.example/x', title: '=1+1' }])], 'table')));
    expect(row.Evidence).toBe("'=1+1");
  });

  it('leaves text outside a table alone', () => {
    const html = adfToHtml(exportOf([card('=SUM(A1)')], 'cards'));
    expect(load(html)('p').text()).toContain('Hypothesis: =SUM(A1)');
    expect(html).not.toContain("'=SUM");
  });
});

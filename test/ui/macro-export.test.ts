/** The macro's frozen snapshots: ADF that Confluence's own validator accepts, and Markdown that stays text. */
import { validator } from '@atlaskit/adf-utils/validator';
import { learningsToAdf } from '../../src/domain/export/export-adf';
import { learningsToMarkdown } from '../../src/domain/export/export-markdown';
import { exportContent } from '../../static/learnings-macro/src/state/export';
import { FORMAT_WORDS } from '../../static/learnings-macro/src/state/export-formats';
import type { ExportInput } from '../../src/domain/export/export-model';
import { DEFAULT_MACRO_CONFIG, LAYOUTS } from '../../src/domain/macro/macro-config';
import { GROUPINGS } from '../../src/domain/search/learning-cards';
import { htmlOf, linksOf, readMarkdown, textsOf, walk as walkMd } from '../support/markdown-reader';
import { aCard, flex112, HOSTILE, hostileCard } from './macro-fixtures';

/** U+2060 WORD JOINER, which the Markdown export puts where a GFM autolink literal would begin. */
const WJ = '\u2060';

function input(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    title: 'Pricing learnings',
    cards: [flex112(), aCard(2), hostileCard()],
    groupBy: 'outcome',
    layout: 'cards',
    show: DEFAULT_MACRO_CONFIG.show,
    asOf: '2026-11-21T09:30:00.000Z',
    jql: 'learningTags = pricing AND learningOutcome IS NOT EMPTY',
    siteUrl: 'https://acme.atlassian.net',
    names: { 'acc-alice': 'Alice Ng' },
    ...overrides,
  };
}

/** Validates with the ADF specs @atlaskit/adf-utils builds from @atlaskit/adf-schema; collects every error. */
function adfErrors(doc: unknown): string[] {
  const errors: string[] = [];
  // The validator asks a feature-gate client that is not there, and says so on the console.
  const quiet = [
    jest.spyOn(console, 'warn').mockImplementation(() => undefined),
    jest.spyOn(console, 'error').mockImplementation(() => undefined),
  ];
  try {
    validator()(doc as never, (entity, error) => {
      errors.push(`${error.code}: ${error.message} (${JSON.stringify(entity).slice(0, 120)})`);
      return entity;
    });
  } finally {
    quiet.forEach((spy) => {
      spy.mockRestore();
    });
  }
  return errors;
}

type Node = {
  type: string;
  text?: string;
  content?: Node[];
  marks?: Array<{ type: string; attrs?: { href?: string } }>;
  attrs?: Record<string, unknown>;
};
function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  node.content?.forEach((child) => {
    walk(child, visit);
  });
}

describe('Copy as Confluence content (ADF)', () => {
  it.each(LAYOUTS.flatMap((layout) => GROUPINGS.map((groupBy) => [layout, groupBy] as const)))(
    'is valid ADF: %s layout, grouped by %s',
    (layout, groupBy) => {
      const doc = learningsToAdf(input({ layout, groupBy }));
      expect(doc.type).toBe('doc');
      expect(adfErrors(doc)).toEqual([]);
    },
  );

  it('is valid ADF with every part hidden, and with nothing found', () => {
    const none = Object.fromEntries(Object.keys(DEFAULT_MACRO_CONFIG.show).map((k) => [k, false])) as ExportInput['show'];
    expect(adfErrors(learningsToAdf(input({ show: none })))).toEqual([]);
    expect(adfErrors(learningsToAdf(input({ show: none, layout: 'table' })))).toEqual([]);
    expect(adfErrors(learningsToAdf(input({ cards: [] })))).toEqual([]);
  });

  it('holds FLEX-112: a link to the issue, the hypothesis, both learnings, the surprise marked, the outcome', () => {
    const doc = learningsToAdf(input({ cards: [flex112()] })) as unknown as Node;
    const texts: string[] = [];
    const links: string[] = [];
    const statuses: string[] = [];
    walk(doc, (node) => {
      if (node.text) texts.push(node.text);
      node.marks?.forEach((mark) => mark.type === 'link' && links.push(mark.attrs!.href!));
      if (node.type === 'status') statuses.push(String(node.attrs!.text));
    });
    const all = texts.join('\n');
    expect(links).toContain('https://acme.atlassian.net/browse/FLEX-112');
    expect(all).toContain('Presenting Flex as a refund option will reduce drop-off in low-price journeys.');
    expect(all).toContain("Customers in Spain engaged more, even if they didn't buy.");
    expect(all).toContain('Labeling matters more than refund amount.');
    expect(statuses).toEqual(expect.arrayContaining(['VALIDATED', 'SURPRISE']));
    expect(all).toContain('Validated (1)');
  });

  it('keeps hostile text as text and links only http/https evidence', () => {
    const doc = learningsToAdf(input({ cards: [hostileCard()] })) as unknown as Node;
    expect(adfErrors(doc)).toEqual([]);
    const hrefs: string[] = [];
    const types = new Set<string>();
    walk(doc, (node) => {
      types.add(node.type);
      node.marks?.forEach((mark) => mark.type === 'link' && hrefs.push(mark.attrs!.href!));
    });
    expect(hrefs.every((href) => /^https?:\/\//.test(href))).toBe(true);
    expect(hrefs.some((href) => /javascript|data:/i.test(href))).toBe(false);
    expect(hrefs).toContain('https://acme.atlassian.net/browse/EVIL-666');
    // Nothing but our own structure: no media, no extension, no HTML.
    expect([...types].every((t) => ['doc', 'heading', 'paragraph', 'text', 'status', 'bulletList', 'listItem'].includes(t))).toBe(true);
    expect(JSON.stringify(doc)).toContain('<script>alert(1)</script>'); // as the text of a text node
  });

  it('leaves the issue unlinked when the site is not known or not http(s)', () => {
    for (const siteUrl of [null, 'javascript:alert(1)']) {
      const hrefs: string[] = [];
      walk(learningsToAdf(input({ cards: [flex112()], siteUrl })) as unknown as Node, (node) =>
        node.marks?.forEach((mark) => mark.type === 'link' && hrefs.push(mark.attrs!.href!)),
      );
      expect(hrefs.some((href) => href.includes('/browse/'))).toBe(false);
    }
  });
});

describe('Copy as Markdown', () => {
  it('reads well for FLEX-112', () => {
    const md = learningsToMarkdown(input({ cards: [flex112()] }));
    expect(md).toContain('## Pricing learnings\n');
    expect(md).toContain('\n### Validated (1)\n');
    expect(md).toContain('\n#### [FLEX-112](https://acme.atlassian.net/browse/FLEX-112) Offer Flex as a refund option\n');
    expect(md).toContain('\n**Hypothesis:** Presenting Flex as a refund option will reduce drop-off in low-price journeys.\n');
    expect(md).toContain(
      "\n- Customers in Spain engaged more, even if they didn't buy. **(surprise)**\n- Labeling matters more than refund amount.\n",
    );
    expect(md).toContain('\n- [Drop-off dashboard](https://analytics.example.com/flex?a=1\\&b=\\(2\\))\n');
    expect(md).toContain('\n_by Alice Ng · updated 2026-11-02_\n');
  });

  it('neutralises Markdown and HTML injection: read back, the hostile card is text, and the only links are ours', () => {
    const tree = readMarkdown(learningsToMarkdown(input({ cards: [hostileCard()] })));
    const headings = tree.children.filter((node) => node.type === 'heading').map((node) => `${node.depth} ${textsOf(node).join('')}`);
    expect(headings).toEqual(['2 Pricing learnings', '3 Open (1)', `4 EVIL-666 ${HOSTILE.summary.replace('https://', `https:${WJ}//`)}`]);
    expect(htmlOf(tree)).toEqual([]);
    expect(linksOf(tree)).toEqual(['https://acme.atlassian.net/browse/EVIL-666', 'https://example.com/a%20b)c%3Cd%3E']);
    // The javascript: and data: evidence stays text; the https one keeps its title.
    expect(textsOf(tree)).toEqual(expect.arrayContaining(['Click me', 'Data', 'Real ](javascript:alert(1)) title']));
    expect(textsOf(tree).join('\n')).toContain(HOSTILE.hypothesis.replace(/\n/g, ' '));
  });

  it('keeps a table row per issue, and pipes in a cell as text, in the table layout', () => {
    const table = readMarkdown(learningsToMarkdown(input({ layout: 'table', groupBy: 'none' }))).children.find(
      (node) => node.type === 'table',
    );
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.children).toHaveLength(1 + 3);
    expect(new Set(table.children.map((row) => row.children.length))).toEqual(new Set([8]));
    expect(table.children.map((row) => textsOf(row.children[4]!).join(''))).toContain('tag|pipe');
  });

  it('says so when nothing matched', () => {
    expect(learningsToMarkdown(input({ cards: [] }))).toContain('No learnings matched.');
  });

  it("shows the person's JQL as they typed it, as code: no escaped brackets, quotes or asterisks", () => {
    const jql = 'project in (FLEX, GROW) AND learningTags = "pricing" AND text ~ "refund*"';
    const md = learningsToMarkdown(input({ jql }));
    expect(md).toContain('\nQuery: `project in (FLEX, GROW) AND learningTags = "pricing" AND text ~ "refund*"`\n');
    const codes: string[] = [];
    walkMd(readMarkdown(md), (node) => node.type === 'inlineCode' && codes.push(node.value));
    expect(codes).toEqual([jql]);
  });
});

describe('the copy menu (what lands on the clipboard)', () => {
  it('names the formats in words a product manager knows', () => {
    expect(Object.values(FORMAT_WORDS).map((w) => w.button)).toEqual(['Copy for a Confluence page', 'Copy as Markdown']);
  });

  it('gives a Confluence page formatted HTML, and a plain-text paste readable text, never a JSON blob', () => {
    const { html, text } = exportContent('page', input({ cards: [flex112()] }));
    expect(html).toMatch(/^<h2>Pricing learnings<\/h2>/);
    expect(html).toContain('<a href="https://acme.atlassian.net/browse/FLEX-112">FLEX-112</a>');
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(text).not.toMatch(/"type":\s*"doc"/);
    expect(text).toContain('## Pricing learnings');
    expect(text).toContain("Customers in Spain engaged more, even if they didn't buy.");
  });
});

import { validator } from '@atlaskit/adf-utils/validator';
import { retroToAdf, retroToMarkdown, type RetroExportInput } from '../../src/domain/export/retro-document';
import { figuresOf, surprisesOf } from '../../src/domain/retro/retro-surprises';
import { aDraft } from '../support/learning-mother';
import { htmlOf, linksOf, readMarkdown, textsOf, typesOf } from '../support/markdown-reader';
import { aCard, FLEX_112_CARD } from '../support/retro-mother';

/** Validates against @atlaskit/adf-schema's specs; collects every error instead of throwing. */
function adfErrors(doc: unknown): string[] {
  const errors: string[] = [];
  // The validator asks Atlaskit's feature-gate client, uninitialised here, and logs that it is.
  const silence = [jest.spyOn(console, 'error'), jest.spyOn(console, 'warn'), jest.spyOn(console, 'log')].map((spy) =>
    spy.mockImplementation(() => undefined),
  );
  try {
    validator()(doc as never, (entity, error) => {
      errors.push(`${error.code}: ${error.message}`);
      return entity;
    });
  } finally {
    silence.forEach((spy) => {
      spy.mockRestore();
    });
  }
  return errors;
}

const flex = FLEX_112_CARD();
const hostile = aCard(
  'FLEX-120',
  aDraft()
    .withHypothesis('# Not a heading <script>alert(1)</script> [x](javascript:alert(1))')
    .withSurprise('| cell | *star* _under_ `code` ![img](http://x/y.png)\nsecond line')
    .build(),
  { accountId: 'acc-bob' },
);

function input(over: Partial<RetroExportInput> = {}): RetroExportInput {
  const cards = [flex, hostile];
  const surprises = surprisesOf(cards);
  return {
    sprint: { name: 'FLEX Sprint 23', state: 'active', goal: 'Learn whether Flex sells in Spain.' },
    boardName: 'FLEX board',
    surprises,
    notes: {
      [surprises[0]!.key]: {
        discussed: true,
        note: 'Test the label in Spain first.\nThen price.',
        updatedAt: '2026-11-16T10:00:00.000Z',
        updatedBy: 'acc-alice',
      },
      [surprises[2]!.key]: {
        discussed: false,
        note: '<b>not bold</b> **nor this**',
        updatedAt: '2026-11-16T10:00:00.000Z',
        updatedBy: 'acc-alice',
      },
    },
    figures: { current: figuresOf(cards), previous: figuresOf([flex]), previousName: 'FLEX Sprint 22' },
    jql: 'sprint = 42 AND learningSurprise = "true"',
    asOf: '2026-11-16T09:30:00.000Z',
    siteUrl: 'https://acme.atlassian.net',
    names: { 'acc-alice': 'Alice Ng' },
    ...over,
  };
}

describe("exporting the sprint's surprises as ADF", () => {
  it('is valid against @atlaskit/adf-schema', () => {
    expect(adfErrors({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] })).not.toEqual([]);
    expect(adfErrors(retroToAdf(input()))).toEqual([]);
    expect(
      adfErrors(retroToAdf(input({ surprises: [], notes: {}, siteUrl: null, sprint: { name: '', state: 'closed', goal: '' } }))),
    ).toEqual([]);
  });

  it('holds each surprise with its issue link, hypothesis, outcome, discussed mark and take-away', () => {
    const json = JSON.stringify(retroToAdf(input()));
    expect(json).toContain('"href":"https://acme.atlassian.net/browse/FLEX-112"');
    expect(json).toContain("Customers in Spain engaged more, even if they didn't buy.");
    expect(json).toContain('"text":"DISCUSSED"');
    expect(json).toContain('"panelType":"note"');
    expect(json).toContain('Test the label in Spain first.\\nThen price.');
    expect(json).toContain('Alice Ng');
    expect(json).toContain('Surprises: 3 (was 2)');
  });

  it("keeps a person's text as text: no link or markup comes from it", () => {
    const doc = retroToAdf(input());
    const hrefs = [...JSON.stringify(doc).matchAll(/"href":"([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.every((href) => href!.startsWith('https://acme.atlassian.net/browse/'))).toBe(true);
    expect(JSON.stringify(doc)).toContain('<script>alert(1)</script>');
  });
});

describe("exporting the sprint's surprises as Markdown", () => {
  it('reads as a retro section', () => {
    const md = retroToMarkdown(input());
    expect(md).toMatch(/^## Surprises of FLEX Sprint 23\n/);
    expect(md).toContain('\n### [FLEX-112](https://acme.atlassian.net/browse/FLEX-112) Summary of FLEX-112\n');
    expect(md).toContain("\n**Surprise:** Customers in Spain engaged more, even if they didn't buy.\n");
    expect(md).toContain('\n**Outcome:** Validated · **discussed**\n');
    expect(md).toContain('\n> **Take-away:** Test the label in Spain first. Then price.\n');
    expect(md).toContain('Surprises: 3 (was 2) · Hypotheses decided: 1 (was 1). Compared with FLEX Sprint 22.');
  });

  it('keeps everything a person wrote as text: read back, no heading, table, HTML or link of theirs', () => {
    const tree = readMarkdown(retroToMarkdown(input()));
    const texts = textsOf(tree).join('\n');
    expect(texts).toContain(' # Not a heading <script>alert(1)</script> [x](javascript:alert(1))');
    expect(texts).toContain(' <b>not bold</b> **nor this**');
    expect(texts).toContain(' | cell | *star* _under_ `code` ![img](http:\u2060//x/y.png) second line');
    expect(tree.children.filter((node) => node.type === 'heading')).toHaveLength(1 + 3);
    expect(htmlOf(tree)).toEqual([]);
    expect(typesOf(tree).has('table')).toBe(false);
    expect(linksOf(tree)).toEqual([
      'https://acme.atlassian.net/browse/FLEX-112',
      'https://acme.atlassian.net/browse/FLEX-112',
      'https://acme.atlassian.net/browse/FLEX-120',
    ]);
  });

  it('says so when nothing surprised anyone', () => {
    expect(retroToMarkdown(input({ surprises: [], notes: {} }))).toContain('No surprises were flagged in this sprint.');
  });
});

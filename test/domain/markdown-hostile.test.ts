/**
 * Text a person wrote never becomes Markdown structure: every hostile text,
 * put in every place a person's text reaches (title, JQL, summary, issue key,
 * hypothesis, learnings, tags and so group headings, evidence titles and
 * addresses, names; the retro's sprint name, goal, board, notes), is read back
 * with an independent CommonMark + GFM parser (test/support/markdown-reader.ts)
 * and compared with the same export made with a harmless placeholder: the same
 * tree (no list, heading, code, HTML, link, image, definition, quote, rule or
 * table of its own), each text the hostile text as written here, and only
 * http/https links. Where the read-back text is not the input, the expected
 * text is spelled out: the exports put a person's text on one line (control
 * characters dropped, line breaks folded into spaces, trimmed), and put an
 * invisible word joiner (U+2060) where a GFM autolink literal would begin,
 * because no escape stops one (GitHub and remark-gfm look for them after
 * escapes are resolved).
 */
import type { Root } from 'mdast';
import { learningsToMarkdown } from '../../src/domain/export/export-markdown';
import type { ExportInput } from '../../src/domain/export/export-model';
import type { LearningCard } from '../../src/domain/search/learning-cards';
import { retroToMarkdown, type RetroExportInput } from '../../src/domain/export/retro-document';
import { figuresOf, surprisesOf } from '../../src/domain/retro/retro-surprises';
import { aDraft, aRecord } from '../support/learning-mother';
import { differences, htmlOf, linksOf, readMarkdown, textsOf, typesOf } from '../support/markdown-reader';

const PLACEHOLDER = 'PLACEHOLDER';
/** U+2060 WORD JOINER: invisible, no line break. */
const WJ = '\u2060';

/** [what it tries, the text, what reads back when it is not the text itself]: at least one of each kind the issue names, and more. */
const HOSTILE: Array<[string, string, string?]> = [
  ['ordered list', '1. first'],
  ['ordered list, parenthesis', '1) first'],
  ['year and full stop', '2026. was a year'],
  ['plus list', '+ plus item'],
  ['minus list', '- minus item'],
  ['star list', '* star item'],
  ['task list', '[ ] task\n[x] done', '[ ] task [x] done'],
  ['ATX heading', '# heading'],
  ['ATX heading, level 6', '###### six'],
  ['closing hashes', 'closing #'],
  ['block quote', '> quoted'],
  ['setext heading, =', 'setext\n===', 'setext ==='],
  ['setext heading, -', 'setext\n---', 'setext ---'],
  ['thematic break, -', '---'],
  ['thematic break, *', '* * *'],
  ['fenced code, backticks', '```js\nalert(1)\n```', '```js alert(1) ```'],
  ['fenced code, tildes', '~~~\ncode\n~~~', '~~~ code ~~~'],
  ['indented code', '    indented code', 'indented code'],
  ['indented code after a line', 'first\n\n    indented code', 'first      indented code'],
  ['inline code', '`code` ``double``'],
  ['HTML tag', '<script>alert(1)</script>'],
  ['HTML attribute', '<img src=x onerror=alert(1)>'],
  ['HTML block', '<div>\nblock\n</div>', '<div> block </div>'],
  ['HTML comment', '<!-- comment -->'],
  ['HTML line break', 'a<br>b'],
  ['entity references', '&amp; &lt; &#65; &#x41; &copy'],
  ['encoded HTML', '&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;'],
  ['inline link', '[link](http://evil.example)', `[link](http:${WJ}//evil.example)`],
  ['javascript link', '[js](javascript:alert(1))'],
  ['image', '![img](https://evil.example/x.png)', `![img](https:${WJ}//evil.example/x.png)`],
  ['reference definition', '[a]: http://evil.example', `[a]: http:${WJ}//evil.example`],
  ['reference link with its definition', '[a] [b][a] [a][]\n\n[a]: http://evil.example', `[a] [b][a] [a][]  [a]: http:${WJ}//evil.example`],
  ['footnote', 'note[^1]\n\n[^1]: http://evil.example', `note[^1]  [^1]: http:${WJ}//evil.example`],
  ['autolink, mailto', '<mailto:x@y.z>', `<mailto:x@${WJ}y.z>`],
  ['autolink, https', '<https://evil.example>', `<https:${WJ}//evil.example>`],
  ['mailto in text', 'mailto:x@y.z', `mailto:x@${WJ}y.z`],
  ['xmpp in text', 'xmpp:x@y.z/r', `xmpp:x@${WJ}y.z/r`],
  ['e-mail address in text', 'write to x.y+z@mail.y.z now', `write to x.y+z@${WJ}mail.y.z now`],
  ['www in text', 'see www.evil.example', `see www${WJ}.evil.example`],
  ['WWW in capitals', 'WWW.EVIL.EXAMPLE', `WWW${WJ}.EVIL.EXAMPLE`],
  ['bare URL in text', 'see https://evil.example/path?q=1&r=(2)', `see https:${WJ}//evil.example/path?q=1&r=(2)`],
  ['bare URL, http', 'http://evil.example', `http:${WJ}//evil.example`],
  ['an @ that is no address', '@alice and a@b'],
  ['emphasis', '*em* _em_ **strong** __strong__ ***both***'],
  ['emphasis across words', 'a_b_c *a*b'],
  ['strikethrough', '~~strike~~ ~one~'],
  ['table row', '| a | b |'],
  ['table with delimiter row', '| a | b |\n| - | - |\n| c | d |', '| a | b | | - | - | | c | d |'],
  ['pipes in text', 'a | b || c'],
  ['backslashes', 'back\\slash \\* \\_ \\\\ \\'],
  ['trailing backslash', 'ends with a backslash\\'],
  ['backslash hard break', 'line\\\nbreak', 'line\\ break'],
  ['spaces hard break', 'trailing spaces  \nnext', 'trailing spaces   next'],
  ['already escaped', '\\# \\- \\[x\\]'],
  ['brackets and parentheses', '[a] (b) ] ) [ ('],
  ['RTL override', '\u202Egnp.exe\u202C and \u2066isolate\u2069'],
  ['NUL and control characters', 'nul\u0000 bell\u0007 esc\u001b[31m del\u007f', 'nul bell esc[31m del'],
  ['line separators', 'one\r\ntwo\rthree\u2028four\u2029five', 'one two three four five'],
  ['leading whitespace and tab', ' \t leading', 'leading'],
  ['no-break space', 'a\u00a0b'],
  ['very long word', 'x'.repeat(5000)],
  ['very long word of markup', '*_[`<'.repeat(1000)],
  ['formula', '=SUM(A1)'],
  ['at sign formula', '@x'],
  ['plus number', '+1'],
  ['minus number', '-1'],
  ['tab formula', '\t=1', '=1'],
  ['emoji and CJK', '🙂 学んだこと'],
];

/** The export's own nodes: anything else would come from a person's text. */
const MACRO_TYPES = [
  'root',
  'heading',
  'paragraph',
  'text',
  'strong',
  'emphasis',
  'list',
  'listItem',
  'link',
  'table',
  'tableRow',
  'tableCell',
  'html',
  // The person's JQL, shown as code (written as typed, never read as Markdown).
  'inlineCode',
];
const RETRO_TYPES = ['root', 'heading', 'paragraph', 'text', 'strong', 'emphasis', 'link', 'blockquote'];

/** `typedAddress`: the text also typed as a whole evidence address (shown as text; an http(s) one would be a link, which other tests hold). */
function card(key: string, text: string, accountId: string, typedAddress = true): LearningCard {
  const record = aRecord(aDraft().withHypothesis(text).withLearning(text).withSurprise(text).withTags(text).build(), { accountId });
  const evidence = [
    { id: 'l1', url: 'https://evidence.example/page?q=1&r=(2)', title: text },
    { id: 'l2', url: 'javascript:alert(1)', title: text },
    { id: 'l3', url: 'mailto:x@y.z', title: text },
    ...(typedAddress ? [{ id: 'l4', url: text, title: '' }] : []),
  ];
  return {
    issue: {
      id: key,
      key,
      summary: text,
      project: { key: 'FLEX', name: 'Flex' },
      status: 'Done',
      parent: null,
      sprints: [{ id: 42, name: 'Sprint 42', state: 'active' }],
      created: '2026-10-01T09:00:00.000Z',
    },
    record: { ...record, evidence },
  };
}

function macroInput(text: string, layout: ExportInput['layout'], typedAddress = true): ExportInput {
  return {
    title: text,
    // A key Jira gave (linked) and one a foreign writer put there (text).
    cards: [card('FLEX-7', text, 'acc-h', typedAddress), card(`${text} key`, text, 'acc-h', typedAddress)],
    groupBy: 'tag',
    layout,
    show: { hypothesis: true, entries: true, evidence: true, tags: true, author: true, dates: true },
    asOf: '2026-11-21T09:30:00.000Z',
    jql: text,
    siteUrl: 'https://acme.atlassian.net',
    names: { 'acc-h': text },
  };
}

function retroInput(text: string, typedAddress = true): RetroExportInput {
  const cards = [card('FLEX-7', text, 'acc-h', typedAddress)];
  const surprises = surprisesOf(cards);
  return {
    sprint: { name: text, state: 'active', goal: text },
    boardName: text,
    surprises,
    notes: Object.fromEntries(
      surprises.map((s) => [s.key, { discussed: true, note: text, updatedAt: '2026-11-16T10:00:00.000Z', updatedBy: 'acc-h' }]),
    ),
    figures: { current: figuresOf(cards), previous: figuresOf([]), previousName: text },
    jql: text,
    asOf: '2026-11-16T09:30:00.000Z',
    siteUrl: 'https://acme.atlassian.net',
    names: { 'acc-h': text },
    goals: [{ question: text, answer: 'partly', answerNote: text, ownerName: text, issueKeys: ['FLEX-7'], carriedToSprint: text }],
  };
}

const EXPORTS: Array<[string, (text: string, typedAddress: boolean) => string, string[]]> = [
  ['macro, cards', (text, typedAddress) => learningsToMarkdown(macroInput(text, 'cards', typedAddress)), MACRO_TYPES],
  ['macro, table', (text, typedAddress) => learningsToMarkdown(macroInput(text, 'table', typedAddress)), MACRO_TYPES],
  ['retro', (text, typedAddress) => retroToMarkdown(retroInput(text, typedAddress)), RETRO_TYPES],
];

const CASES = HOSTILE.flatMap(([name, text, readBack]) =>
  EXPORTS.map(([where, make, types]) => [name, where, text, readBack ?? text, make, types] as const),
);

describe("Markdown exports read back by an independent parser: a person's text stays text", () => {
  it('has at least 30 hostile texts', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s (%s)', (_name, _where, text, readBack, make, types) => {
    const typedAddress = !/^https?:/i.test(text);
    const tree: Root = readMarkdown(make(text, typedAddress));
    const baseline: Root = readMarkdown(make(PLACEHOLDER, typedAddress));

    // Only the export's own kinds of node, HTML only the app's <br>, links only http(s) and the same as the placeholder's.
    expect([...typesOf(tree)].filter((type) => !types.includes(type))).toEqual([]);
    expect(htmlOf(tree).filter((html) => html !== '<br>')).toEqual([]);
    expect(linksOf(tree).filter((url) => !/^https?:\/\//.test(url))).toEqual([]);
    expect(linksOf(tree)).toEqual(linksOf(baseline));

    // The same tree as with the placeholder, each text node holding the hostile text where the placeholder was.
    expect(differences(tree, baseline, (value) => value.split(PLACEHOLDER).join(readBack))).toEqual([]);
    // And at least one text node is exactly the text (after a label's space): one node, not pieces.
    expect(textsOf(tree).filter((value) => value === readBack || value === ` ${readBack}`)).not.toEqual([]);
  });
});

describe('links in the Markdown exports', () => {
  const urls = (text: string, layout: ExportInput['layout']) => linksOf(readMarkdown(learningsToMarkdown(macroInput(text, layout))));

  it.each(['cards', 'table'] as const)('are the issue and http(s) evidence only (%s)', (layout) => {
    // FLEX-7 is linked, the second card's key ("harmless key") is not a Jira key; each card has one http(s) evidence.
    const evidence = 'https://evidence.example/page?q=1&r=(2)';
    expect(urls('harmless', layout).sort()).toEqual(['https://acme.atlassian.net/browse/FLEX-7', evidence, evidence].sort());
  });

  it('makes a link of an http(s) evidence address, as the URL parser normalises it, and of nothing else', () => {
    const withEvidence = (url: string) =>
      learningsToMarkdown({
        ...macroInput('harmless', 'cards'),
        cards: [
          {
            ...card('FLEX-7', 'harmless', 'acc-h'),
            record: { ...card('FLEX-7', 'harmless', 'acc-h').record, evidence: [{ id: 'l', url, title: '' }] },
          },
        ],
      });
    expect(linksOf(readMarkdown(withEvidence('https://x.example/a b)c<d>')))).toContain('https://x.example/a%20b)c%3Cd%3E');
    const shownAsText: Array<[string, string]> = [
      ['mailto:x@y.z', `mailto:x@${WJ}y.z`],
      ['www.x.example', `www${WJ}.x.example`],
      ['javascript:alert(1)', 'javascript:alert(1)'],
      ['data:text/html,<b>x</b>', 'data:text/html,<b>x</b>'],
      ['ftp://x.example/f', `ftp:${WJ}//x.example/f`],
      ['https://user:pw@x.example/', `https:${WJ}//user:pw@${WJ}x.example/`],
    ];
    for (const [url, shown] of shownAsText) {
      const tree = readMarkdown(withEvidence(url));
      expect(linksOf(tree)).toEqual(['https://acme.atlassian.net/browse/FLEX-7']);
      expect(textsOf(tree)).toContain(shown);
    }
  });

  it('leaves the issue unlinked when the site is not http(s)', () => {
    const md = learningsToMarkdown({ ...macroInput('harmless', 'cards'), siteUrl: 'javascript:alert(1)//' });
    const evidence = 'https://evidence.example/page?q=1&r=(2)';
    expect(linksOf(readMarkdown(md))).toEqual([evidence, evidence]);
  });
});

describe('formulas in Markdown table cells', () => {
  it('stay as written: Markdown is text, the clipboard HTML is what pastes into a spreadsheet (adf-to-html test)', () => {
    const input = macroInput('=HYPERLINK("https://evil.example","x")', 'table');
    const table = readMarkdown(learningsToMarkdown({ ...input, groupBy: 'none' })).children.find((node) => node.type === 'table');
    expect(textsOf(table!)).toContain(`=HYPERLINK("https:${WJ}//evil.example","x")`);
  });
});

/**
 * A frozen snapshot of the macro's learnings as Markdown (CommonMark + GFM
 * tables), built as an mdast tree and written by the shared Markdown writer
 * (markdown-writer.ts): what a person wrote is only ever a text node, so it
 * cannot become structure, and no autolink. The only links are the app's own
 * (the issue on the site, http/https evidence); the only HTML is the app's own
 * `<br>` between entries in a table cell. Every person's text is put on one
 * line first (`oneLine`: control characters dropped, line breaks folded into
 * spaces, trimmed). Pure.
 */
import type { PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { LearningCard } from '../search/learning-cards';
import { authorsOf, exportableHref, exportGroupsOf, isoDay, isoMinute, issueUrlOf, oneLine, type ExportInput } from './export-model';
import { evidenceLabel } from '../record/evidence-label';
import { outcomeLabel, plural } from '../record/wording';
import { BR, bulletList, emphasis, heading, inlineCode, labelled, linked, paragraph, strong, text, writeMarkdown } from './markdown-writer';

function issueInlines(card: LearningCard, input: ExportInput): PhrasingContent[] {
  const summary = oneLine(card.issue.summary);
  return [...linked(card.issue.key, issueUrlOf(input.siteUrl, card.issue.key)), ...(summary ? [text(` ${summary}`)] : [])];
}

function entryInlines(entry: LearningCard['record']['learnings'][number]): PhrasingContent[] {
  const value = oneLine(entry.text);
  const inlines: PhrasingContent[] = value ? [text(value)] : [];
  if (entry.surprise) inlines.push(...(value ? [text(' ')] : []), strong('(surprise)'));
  return inlines;
}

function cardBlocks(card: LearningCard, input: ExportInput): RootContent[] {
  const { record } = card;
  const { show } = input;
  const blocks: RootContent[] = [heading(4, ...issueInlines(card, input)), labelled('Outcome:', outcomeLabel(record.outcome))];
  const hypothesis = oneLine(record.hypothesis);
  if (show.hypothesis && hypothesis) blocks.push(labelled('Hypothesis:', hypothesis));
  if (show.entries && record.learnings.length > 0) {
    blocks.push(paragraph(strong('What we learned:')), bulletList(record.learnings.map((entry) => paragraph(...entryInlines(entry)))));
  }
  if (show.tags && record.tags.length > 0) blocks.push(labelled('Tags:', record.tags.map(oneLine).join(', ')));
  if (show.evidence && record.evidence.length > 0) {
    blocks.push(
      paragraph(strong('Evidence:')),
      bulletList(record.evidence.map((l) => paragraph(...linked(evidenceLabel(l), exportableHref(l))))),
    );
  }
  const meta: string[] = [];
  if (show.author) meta.push(`by ${authorsOf(card, input.names).map(oneLine).join(', ')}`);
  if (show.dates) meta.push(`updated ${isoDay(record.updatedAt)}`);
  if (meta.length) blocks.push(paragraph(emphasis(meta.join(' · '))));
  return blocks;
}

/** Pieces of a cell on lines of their own, with the app's `<br>` between them. */
function lines(pieces: PhrasingContent[][]): PhrasingContent[] {
  return pieces.flatMap((piece, i) => (i === 0 ? piece : [BR, ...piece]));
}

const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });

function tableBlock(cards: readonly LearningCard[], input: ExportInput): Table {
  const { show } = input;
  const plain = (value: string): PhrasingContent[] => (value ? [text(value)] : []);
  const columns: Array<[string, (card: LearningCard) => PhrasingContent[]]> = [
    ['Issue', (card) => issueInlines(card, input)],
    ['Outcome', (card) => plain(outcomeLabel(card.record.outcome))],
  ];
  if (show.hypothesis) columns.push(['Hypothesis', (card) => plain(oneLine(card.record.hypothesis))]);
  if (show.entries) columns.push(['What we learned', (card) => lines(card.record.learnings.map(entryInlines))]);
  if (show.tags) columns.push(['Tags', (card) => plain(card.record.tags.map(oneLine).join(', '))]);
  if (show.evidence)
    columns.push(['Evidence', (card) => lines(card.record.evidence.map((l) => linked(evidenceLabel(l), exportableHref(l))))]);
  if (show.author) columns.push(['By', (card) => plain(authorsOf(card, input.names).map(oneLine).join(', '))]);
  if (show.dates) columns.push(['Updated', (card) => plain(isoDay(card.record.updatedAt))]);
  const row = (cells: TableCell[]): TableRow => ({ type: 'tableRow', children: cells });
  return {
    type: 'table',
    align: columns.map(() => null),
    children: [
      row(columns.map(([name]) => cell([text(name)]))),
      ...cards.map((card) => row(columns.map(([, value]) => cell(value(card))))),
    ],
  };
}

/** The whole snapshot: title, when and how it was read, then the groups. */
export function learningsToMarkdown(input: ExportInput): string {
  const blocks: RootContent[] = [
    heading(2, text(oneLine(input.title) || 'Learnings from Jira')),
    paragraph(emphasis(`${plural(input.cards.length, 'issue')} with learnings, as of ${isoMinute(input.asOf)}.`)),
  ];
  // The person's query as code: it reads as typed (no escapes), and code is never a link or markup.
  const jql = oneLine(input.jql);
  if (jql) blocks.push(paragraph(text('Query: '), inlineCode(jql)));
  if (input.cards.length === 0) blocks.push(paragraph(text('No learnings matched.')));
  for (const group of exportGroupsOf(input)) {
    if (group.cards.length === 0) continue;
    if (group.label !== null) blocks.push(heading(3, text(`${oneLine(group.label) || '-'} (${group.cards.length})`)));
    if (input.layout === 'table') blocks.push(tableBlock(group.cards, input));
    else for (const card of group.cards) blocks.push(...cardBlocks(card, input));
  }
  return writeMarkdown(blocks);
}

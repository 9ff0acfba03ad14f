/**
 * The sprint's surprises, with the team's notes, for the retro page: as
 * Atlassian Document Format (built with @atlaskit/adf-utils' builders; every
 * piece of a person's text is a text node, never markup) and as Markdown
 * (escaped with the macro export's `escapeMarkdown`). Reuses the macro
 * export's helpers for links, names and dates. Pure: time and site passed in.
 */
import { doc, em, heading, link, panel, paragraph, status, strong, text } from '@atlaskit/adf-utils/builders';
import { authorsOf, isoMinute, issueUrlOf, outcomeLabel, plural } from './export-model';
import { escapeMarkdown } from './export-markdown';
import type { Outcome } from './learning-record';
import type { RetroNote } from './retro-notes';
import { compareFigures, type FigureComparison, type SprintFigures, type Surprise } from './retro-surprises';
import type { Sprint } from './sprint-choice';

export interface RetroExportInput {
  sprint: Pick<Sprint, 'name' | 'state' | 'goal'>;
  boardName: string;
  surprises: readonly Surprise[];
  /** By surprise key. */
  notes: Readonly<Record<string, RetroNote>>;
  figures: { current: SprintFigures; previous: SprintFigures | null; previousName: string | null };
  jql: string;
  asOf: string;
  siteUrl: string | null;
  names?: Readonly<Record<string, string>>;
}

type Doc = ReturnType<typeof doc>;
type Block = Parameters<typeof doc>[number];
type Inline = Exclude<Parameters<typeof paragraph>[number], string>;

const FIGURE_LABELS: Record<FigureComparison['name'], string> = {
  withHypothesis: 'Issues with a hypothesis',
  learnings: 'Learnings captured',
  surprises: 'Surprises',
  decided: 'Hypotheses decided',
};

function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\r\n?/g, '\n');
}

const oneLine = (value: string): string => clean(value).replace(/\n/g, ' ').trim();

function figureLine(figure: FigureComparison): string {
  const change = figure.change === null ? '' : ` (was ${figure.previous})`;
  return `${FIGURE_LABELS[figure.name]}: ${figure.current}${change}`;
}

function titleOf(input: RetroExportInput): string {
  return `Surprises of ${oneLine(input.sprint.name) || 'the sprint'}`;
}

function summaryOf(input: RetroExportInput): string {
  const issues = new Set(input.surprises.map((s) => s.card.issue.id)).size;
  const discussed = input.surprises.filter((s) => input.notes[s.key]?.discussed).length;
  const board = oneLine(input.boardName);
  return `${plural(input.surprises.length, 'surprise')} on ${plural(issues, 'issue')}${discussed ? `, ${discussed} discussed` : ''}${
    board ? ` · ${board}` : ''
  } · as of ${isoMinute(input.asOf)}`;
}

/** Our own words, with the previous sprint's name passed through `name` (escaped for Markdown). */
function comparisonOf(input: RetroExportInput, name: (value: string) => string = oneLine): string {
  const lines = compareFigures(input.figures.current, input.figures.previous).map(figureLine);
  const against = input.figures.previous && input.figures.previousName ? ` Compared with ${name(input.figures.previousName)}.` : '';
  return `${lines.join(' · ')}.${against}`;
}

// --- ADF ------------------------------------------------------------------------------------------

/** ADF's note panel; the enum lives in adf-schema, which the export does not load at run time. */
const NOTE_PANEL = { panelType: 'note' } as unknown as Parameters<typeof panel>[0];

const OUTCOME_COLOURS: Record<Outcome, string> = { open: 'blue', validated: 'green', invalidated: 'red', inconclusive: 'yellow' };

function plain(value: string): Inline[] {
  const cleaned = clean(value).trim();
  return cleaned ? [text(cleaned)] : [];
}

function surpriseBlocks(surprise: Surprise, input: RetroExportInput, ids: () => string): Block[] {
  const { card, entry } = surprise;
  const note = input.notes[surprise.key];
  const href = issueUrlOf(input.siteUrl, card.issue.key);
  const summary = oneLine(card.issue.summary);
  const blocks: Block[] = [
    heading({ level: 3 })(href ? (link({ href })(card.issue.key) as Inline) : text(card.issue.key), ...(summary ? [text(` ${summary}`)] : [])),
    paragraph(status({ text: 'SURPRISE', color: 'purple', localId: ids() }) as Inline, text(' '), ...plain(entry.text)),
  ];
  if (card.record.hypothesis.trim()) blocks.push(paragraph(strong('Hypothesis: ') as Inline, ...plain(card.record.hypothesis)));
  const outcome = status({ text: outcomeLabel(card.record.outcome).toUpperCase(), color: OUTCOME_COLOURS[card.record.outcome], localId: ids() }) as Inline;
  const discussed = note?.discussed ? [text(' '), status({ text: 'DISCUSSED', color: 'green', localId: ids() }) as Inline] : [];
  blocks.push(paragraph(strong('Outcome: ') as Inline, outcome, ...discussed));
  if (note && note.note.trim()) blocks.push(panel(NOTE_PANEL)(paragraph(strong('Take-away: ') as Inline, ...plain(note.note))));
  blocks.push(paragraph(em(`by ${authorsOf(card, input.names).map(oneLine).join(', ')}`) as Inline));
  return blocks;
}

export function retroToAdf(input: RetroExportInput): Doc {
  let n = 0;
  const ids = () => `ll-retro-${++n}`;
  const blocks: Block[] = [
    heading({ level: 2 })(text(titleOf(input))),
    paragraph(em(summaryOf(input)) as Inline),
  ];
  if (input.sprint.goal.trim()) blocks.push(paragraph(strong('Sprint goal: ') as Inline, ...plain(input.sprint.goal)));
  blocks.push(paragraph(text(comparisonOf(input))));
  if (input.surprises.length === 0) blocks.push(paragraph(text('No surprises were flagged in this sprint.')));
  for (const surprise of input.surprises) blocks.push(...surpriseBlocks(surprise, input, ids));
  blocks.push(paragraph(em(`JQL: ${oneLine(input.jql)}`) as Inline));
  return doc(...blocks);
}

// --- Markdown -------------------------------------------------------------------------------------

function surpriseLines(surprise: Surprise, input: RetroExportInput): string[] {
  const { card, entry } = surprise;
  const note = input.notes[surprise.key];
  const href = issueUrlOf(input.siteUrl, card.issue.key);
  const key = href ? `[${escapeMarkdown(card.issue.key)}](<${href}>)` : escapeMarkdown(card.issue.key);
  const summary = escapeMarkdown(card.issue.summary);
  const lines = [`### ${key}${summary ? ` ${summary}` : ''}`, '', `**Surprise:** ${escapeMarkdown(entry.text)}`];
  if (card.record.hypothesis.trim()) lines.push('', `**Hypothesis:** ${escapeMarkdown(card.record.hypothesis)}`);
  lines.push('', `**Outcome:** ${outcomeLabel(card.record.outcome)}${note?.discussed ? ' · **discussed**' : ''}`);
  if (note && note.note.trim()) lines.push('', `> **Take-away:** ${escapeMarkdown(note.note)}`);
  lines.push('', `_by ${authorsOf(card, input.names).map(escapeMarkdown).join(', ')}_`);
  return lines;
}

export function retroToMarkdown(input: RetroExportInput): string {
  const lines = [`## ${escapeMarkdown(titleOf(input))}`, '', `_${escapeMarkdown(summaryOf(input))}_`];
  if (input.sprint.goal.trim()) lines.push('', `**Sprint goal:** ${escapeMarkdown(input.sprint.goal)}`);
  lines.push('', comparisonOf(input, escapeMarkdown));
  if (input.surprises.length === 0) lines.push('', 'No surprises were flagged in this sprint.');
  for (const surprise of input.surprises) lines.push('', ...surpriseLines(surprise, input));
  lines.push('', `_JQL: ${escapeMarkdown(input.jql)}_`);
  return `${lines.join('\n')}\n`;
}

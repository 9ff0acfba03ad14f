/**
 * The sprint's surprises, with the team's notes, for the retro page: as
 * Atlassian Document Format (built with @atlaskit/adf-utils' builders; every
 * piece of a person's text is a text node, never markup) and as Markdown
 * (an mdast tree written by the shared markdown-writer: again every piece of
 * a person's text is a text node). Reuses the macro export's helpers for
 * links, names, dates and text normalisation. Pure: time and site passed in.
 */
import { doc, em, heading, link, panel, paragraph, status, strong, text } from '@atlaskit/adf-utils/builders';
import type { RootContent } from 'mdast';
import { authorsOf, clean, isoMinute, issueUrlOf, oneLine } from './export-model';
import { outcomeLabel, plural } from '../record/wording';
import * as md from './markdown-writer';
import type { Outcome } from '../record/learning-record';
import type { RetroNote } from '../retro/retro-notes';
import { compareFigures, type FigureComparison, type SprintFigures, type Surprise } from '../retro/retro-surprises';
import type { Sprint } from '../retro/sprint-choice';
import { goalsAdf, goalsMarkdown, type ExportedGoal } from './retro-goals-document';

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
  /** The sprint's learning goals, answered or not; none → no section. */
  goals?: readonly ExportedGoal[];
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

/** Our own words, with the previous sprint's name. */
function comparisonOf(input: RetroExportInput): string {
  const lines = compareFigures(input.figures.current, input.figures.previous).map(figureLine);
  const against = input.figures.previous && input.figures.previousName ? ` Compared with ${oneLine(input.figures.previousName)}.` : '';
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
    heading({ level: 3 })(href ? link({ href })(card.issue.key) : text(card.issue.key), ...(summary ? [text(` ${summary}`)] : [])),
    paragraph(status({ text: 'SURPRISE', color: 'purple', localId: ids() }), text(' '), ...plain(entry.text)),
  ];
  if (card.record.hypothesis.trim()) blocks.push(paragraph(strong('Hypothesis: '), ...plain(card.record.hypothesis)));
  const outcome = status({
    text: outcomeLabel(card.record.outcome).toUpperCase(),
    color: OUTCOME_COLOURS[card.record.outcome],
    localId: ids(),
  }) as Inline;
  const discussed = note?.discussed ? [text(' '), status({ text: 'DISCUSSED', color: 'green', localId: ids() }) as Inline] : [];
  blocks.push(paragraph(strong('Outcome: '), outcome, ...discussed));
  if (note && note.note.trim()) blocks.push(panel(NOTE_PANEL)(paragraph(strong('Take-away: '), ...plain(note.note))));
  blocks.push(paragraph(em(`by ${authorsOf(card, input.names).map(oneLine).join(', ')}`)));
  return blocks;
}

export function retroToAdf(input: RetroExportInput): Doc {
  let n = 0;
  const ids = () => `ll-retro-${++n}`;
  const blocks: Block[] = [heading({ level: 2 })(text(titleOf(input))), paragraph(em(summaryOf(input)))];
  if (input.sprint.goal.trim()) blocks.push(paragraph(strong('Sprint goal: '), ...plain(input.sprint.goal)));
  blocks.push(paragraph(text(comparisonOf(input))));
  blocks.push(...goalsAdf(input.goals ?? [], input.siteUrl, ids));
  if (input.surprises.length === 0) blocks.push(paragraph(text('No surprises were flagged in this sprint.')));
  for (const surprise of input.surprises) blocks.push(...surpriseBlocks(surprise, input, ids));
  blocks.push(paragraph(em(`JQL: ${oneLine(input.jql)}`)));
  return doc(...blocks);
}

// --- Markdown -------------------------------------------------------------------------------------

function surpriseMarkdown(surprise: Surprise, input: RetroExportInput): RootContent[] {
  const { card, entry } = surprise;
  const note = input.notes[surprise.key];
  const summary = oneLine(card.issue.summary);
  const blocks: RootContent[] = [
    md.heading(3, ...md.linked(card.issue.key, issueUrlOf(input.siteUrl, card.issue.key)), ...(summary ? [md.text(` ${summary}`)] : [])),
    md.labelled('Surprise:', oneLine(entry.text)),
  ];
  const hypothesis = oneLine(card.record.hypothesis);
  if (hypothesis) blocks.push(md.labelled('Hypothesis:', hypothesis));
  blocks.push(
    md.paragraph(
      md.strong('Outcome:'),
      md.text(` ${outcomeLabel(card.record.outcome)}`),
      ...(note?.discussed ? [md.text(' · '), md.strong('discussed')] : []),
    ),
  );
  const takeAway = note ? oneLine(note.note) : '';
  if (takeAway) blocks.push(md.blockquote(md.labelled('Take-away:', takeAway)));
  blocks.push(md.paragraph(md.emphasis(`by ${authorsOf(card, input.names).map(oneLine).join(', ')}`)));
  return blocks;
}

export function retroToMarkdown(input: RetroExportInput): string {
  const blocks: RootContent[] = [md.heading(2, md.text(titleOf(input))), md.paragraph(md.emphasis(summaryOf(input)))];
  const goal = oneLine(input.sprint.goal);
  if (goal) blocks.push(md.labelled('Sprint goal:', goal));
  blocks.push(md.paragraph(md.text(comparisonOf(input))));
  blocks.push(...goalsMarkdown(input.goals ?? [], input.siteUrl));
  if (input.surprises.length === 0) blocks.push(md.paragraph(md.text('No surprises were flagged in this sprint.')));
  for (const surprise of input.surprises) blocks.push(...surpriseMarkdown(surprise, input));
  blocks.push(md.paragraph(md.emphasis(`JQL: ${oneLine(input.jql)}`)));
  return md.writeMarkdown(blocks);
}

/**
 * A frozen snapshot of the macro's learnings as Atlassian Document Format,
 * ready to paste into a Confluence page. Built with @atlaskit/adf-utils'
 * builders: every piece of a person's text becomes a text node (never markup),
 * and only http/https evidence becomes a link. Pure.
 */
import {
  bulletList,
  doc,
  em,
  heading,
  link,
  listItem,
  paragraph,
  status,
  strong,
  table,
  tableCell,
  tableHeader,
  tableRow,
  text,
} from '@atlaskit/adf-utils/builders';
import type { LearningCard } from '../search/learning-cards';
import type { Outcome } from '../record/learning-record';
import { authorsOf, clean, exportableHref, exportGroupsOf, isoDay, isoMinute, issueUrlOf, oneLine, type ExportInput } from './export-model';
import { evidenceLabel } from '../record/evidence-label';
import { outcomeLabel, plural } from '../record/wording';

type Doc = ReturnType<typeof doc>;
type Block = Parameters<typeof doc>[number];
type Inline = Exclude<Parameters<typeof paragraph>[number], string>;
type Para = ReturnType<typeof paragraph>;

/** ADF has no empty text node. */
function plain(value: string): Inline[] {
  const cleaned = clean(value);
  return cleaned ? [text(cleaned)] : [];
}

function linked(label: string, href: string | null): Inline[] {
  const cleaned = clean(label).trim() || (href ?? '');
  if (!cleaned) return [];
  return [href ? link({ href })(cleaned) : text(cleaned)];
}

const bold = (value: string): Inline => strong(value);
const italic = (value: string): Inline => em(value);

/** A paragraph of inline nodes (an empty one is valid ADF). */
function para(...content: Inline[]): Para {
  return paragraph(...content);
}

const OUTCOME_COLOURS: Record<Outcome, string> = { open: 'blue', validated: 'green', invalidated: 'red', inconclusive: 'yellow' };

function outcomeStatus(outcome: Outcome, localId: string): Inline {
  return status({ text: outcomeLabel(outcome).toUpperCase(), color: OUTCOME_COLOURS[outcome], localId });
}

function surpriseStatus(localId: string): Inline {
  return status({ text: 'SURPRISE', color: 'purple', localId });
}

function issueInlines(card: LearningCard, input: ExportInput): Inline[] {
  const summary = oneLine(card.issue.summary);
  return [...linked(card.issue.key, issueUrlOf(input.siteUrl, card.issue.key)), ...(summary ? [text(` ${summary}`)] : [])];
}

function metaText(card: LearningCard, input: ExportInput): string {
  const parts: string[] = [];
  if (input.show.author) parts.push(`by ${authorsOf(card, input.names).join(', ')}`);
  if (input.show.dates) parts.push(`updated ${isoDay(card.record.updatedAt)}`);
  return parts.join(' · ');
}

function cardBlocks(card: LearningCard, input: ExportInput, ids: () => string): Block[] {
  const { record } = card;
  const { show } = input;
  const blocks: Block[] = [
    heading({ level: 4 })(...issueInlines(card, input)),
    para(bold('Outcome: '), outcomeStatus(record.outcome, ids())),
  ];
  if (show.hypothesis && record.hypothesis.trim()) blocks.push(para(bold('Hypothesis: '), ...plain(record.hypothesis)));
  if (show.entries && record.learnings.length > 0) {
    blocks.push(para(bold('What we learned:')));
    blocks.push(
      bulletList(
        ...record.learnings.map((entry) =>
          listItem([para(...plain(entry.text), ...(entry.surprise ? [text(' '), surpriseStatus(ids())] : []))]),
        ),
      ),
    );
  }
  if (show.tags && record.tags.length > 0) blocks.push(para(bold('Tags: '), text(record.tags.join(', '))));
  if (show.evidence && record.evidence.length > 0) {
    blocks.push(para(bold('Evidence:')));
    blocks.push(bulletList(...record.evidence.map((l) => listItem([para(...linked(evidenceLabel(l), exportableHref(l)))]))));
  }
  const meta = metaText(card, input);
  if (meta) blocks.push(para(italic(meta)));
  return blocks;
}

function tableBlock(cards: readonly LearningCard[], input: ExportInput, ids: () => string): Block {
  const { show } = input;
  const columns: Array<[string, (card: LearningCard) => Para[]]> = [
    ['Issue', (card) => [para(...issueInlines(card, input))]],
    ['Outcome', (card) => [para(outcomeStatus(card.record.outcome, ids()))]],
  ];
  if (show.hypothesis) columns.push(['Hypothesis', (card) => [para(...plain(card.record.hypothesis))]]);
  if (show.entries)
    columns.push([
      'What we learned',
      (card) => card.record.learnings.map((e) => para(...plain(e.text), ...(e.surprise ? [text(' '), surpriseStatus(ids())] : []))),
    ]);
  if (show.tags) columns.push(['Tags', (card) => [para(...plain(card.record.tags.join(', ')))]]);
  if (show.evidence)
    columns.push(['Evidence', (card) => card.record.evidence.map((l) => para(...linked(evidenceLabel(l), exportableHref(l))))]);
  if (show.author || show.dates) columns.push([show.author ? 'By' : 'Updated', (card) => [para(...plain(metaText(card, input)))]]);
  const cellOf = (content: Para[]) => tableCell()(...(content.length ? content : [para()]));
  return table(
    tableRow(columns.map(([name]) => tableHeader()(para(text(name))))),
    ...cards.map((card) => tableRow(columns.map(([, value]) => cellOf(value(card))))),
  );
}

/** The whole snapshot: title, when and how it was read, then the groups. */
export function learningsToAdf(input: ExportInput): Doc {
  let n = 0;
  const ids = () => `ll-status-${++n}`;
  const title = oneLine(input.title) || 'Learnings from Jira';
  const blocks: Block[] = [
    heading({ level: 2 })(text(title)),
    para(italic(`${plural(input.cards.length, 'issue')} with learnings, as of ${isoMinute(input.asOf)}.`)),
  ];
  const jql = oneLine(input.jql);
  if (jql) blocks.push(para(text(`Query: ${jql}`)));
  if (input.cards.length === 0) blocks.push(para(text('No learnings matched.')));
  for (const group of exportGroupsOf(input)) {
    if (group.cards.length === 0) continue;
    if (group.label !== null) blocks.push(heading({ level: 3 })(text(`${clean(group.label).trim() || '-'} (${group.cards.length})`)));
    if (input.layout === 'table') blocks.push(tableBlock(group.cards, input, ids));
    else for (const card of group.cards) blocks.push(...cardBlocks(card, input, ids));
  }
  return doc(...blocks);
}

/**
 * A frozen snapshot of the macro's learnings as Markdown (CommonMark + GFM
 * tables). Everything a person wrote is escaped, so it reads as text: no
 * heading, list, link, image, table cell or raw HTML can be smuggled in. Only
 * http/https evidence becomes a link. Pure.
 */
import type { LearningCard } from './learning-cards';
import {
  authorsOf,
  evidenceLabel,
  exportableHref,
  exportGroupsOf,
  isoDay,
  isoMinute,
  issueUrlOf,
  outcomeLabel,
  plural,
  type ExportInput,
} from './export-model';

/**
 * Escapes text for use inside one Markdown line, always after a prefix of
 * ours ("- ", "#### ", "| "), so no block can start: every character with an
 * inline meaning gets a backslash (emphasis, code, links, images, tables,
 * strikethrough), `<` `>` `&` too (no HTML, no entities), and the line breaks a
 * person typed are folded into spaces.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/[\\`*_{}[\]()#|<>&~!]/g, (ch) => `\\${ch}`)
    .replace(/^(\s+)/, '')
    .replace(/\s+$/, '');
}

/** A link destination in angle brackets: no spaces, brackets or parentheses survive unencoded. */
function destination(href: string): string {
  const percent = (ch: string) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  return `<${href.replace(/[<>\s()\\]/g, percent)}>`;
}

function mdLink(label: string, href: string | null): string {
  const text = escapeMarkdown(label) || escapeMarkdown(href ?? '');
  return href ? `[${text}](${destination(href)})` : text;
}

function cardHeading(card: LearningCard, input: ExportInput): string {
  const href = issueUrlOf(input.siteUrl, card.issue.key);
  const summary = escapeMarkdown(card.issue.summary);
  return `${mdLink(card.issue.key, href)}${summary ? ` ${summary}` : ''}`;
}

function cardLines(card: LearningCard, input: ExportInput): string[] {
  const { record } = card;
  const { show } = input;
  const lines = [`#### ${cardHeading(card, input)}`, '', `**Outcome:** ${outcomeLabel(record.outcome)}`];
  if (show.hypothesis && record.hypothesis.trim()) lines.push('', `**Hypothesis:** ${escapeMarkdown(record.hypothesis)}`);
  if (show.entries && record.learnings.length > 0) {
    lines.push('', '**What we learned:**', '');
    for (const entry of record.learnings) lines.push(`- ${escapeMarkdown(entry.text)}${entry.surprise ? ' **(surprise)**' : ''}`);
  }
  if (show.tags && record.tags.length > 0) lines.push('', `**Tags:** ${record.tags.map(escapeMarkdown).join(', ')}`);
  if (show.evidence && record.evidence.length > 0) {
    lines.push('', '**Evidence:**', '');
    for (const link of record.evidence) lines.push(`- ${mdLink(evidenceLabel(link), exportableHref(link))}`);
  }
  const meta: string[] = [];
  if (show.author) meta.push(`by ${authorsOf(card, input.names).map(escapeMarkdown).join(', ')}`);
  if (show.dates) meta.push(`updated ${isoDay(record.updatedAt)}`);
  if (meta.length) lines.push('', `_${meta.join(' · ')}_`);
  return lines;
}

const cell = (value: string): string => value || ' ';

function tableLines(cards: readonly LearningCard[], input: ExportInput): string[] {
  const { show } = input;
  const columns: Array<[string, (card: LearningCard) => string]> = [
    ['Issue', (card) => cardHeading(card, input)],
    ['Outcome', (card) => outcomeLabel(card.record.outcome)],
  ];
  if (show.hypothesis) columns.push(['Hypothesis', (card) => escapeMarkdown(card.record.hypothesis)]);
  if (show.entries)
    columns.push([
      'What we learned',
      (card) => card.record.learnings.map((e) => `${escapeMarkdown(e.text)}${e.surprise ? ' **(surprise)**' : ''}`).join('<br>'),
    ]);
  if (show.tags) columns.push(['Tags', (card) => card.record.tags.map(escapeMarkdown).join(', ')]);
  if (show.evidence) columns.push(['Evidence', (card) => card.record.evidence.map((l) => mdLink(evidenceLabel(l), exportableHref(l))).join('<br>')]);
  if (show.author) columns.push(['By', (card) => authorsOf(card, input.names).map(escapeMarkdown).join(', ')]);
  if (show.dates) columns.push(['Updated', (card) => isoDay(card.record.updatedAt)]);
  return [
    `| ${columns.map(([name]) => name).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...cards.map((card) => `| ${columns.map(([, value]) => cell(value(card))).join(' | ')} |`),
  ];
}

/** The whole snapshot: title, when and how it was read, then the groups. */
export function learningsToMarkdown(input: ExportInput): string {
  const title = escapeMarkdown(input.title) || 'Learnings from Jira';
  const lines = [`## ${title}`, '', `_${plural(input.cards.length, 'issue')} with learnings, as of ${isoMinute(input.asOf)}. JQL: ${escapeMarkdown(input.jql)}_`];
  if (input.cards.length === 0) lines.push('', 'No learnings matched.');
  for (const group of exportGroupsOf(input)) {
    if (group.cards.length === 0) continue;
    if (group.label !== null) lines.push('', `### ${escapeMarkdown(group.label) || '\\-'} (${group.cards.length})`);
    if (input.layout === 'table') lines.push('', ...tableLines(group.cards, input));
    else for (const card of group.cards) lines.push('', ...cardLines(card, input));
  }
  return `${lines.join('\n')}\n`;
}

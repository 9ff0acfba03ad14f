/**
 * What a frozen snapshot of the macro's learnings is made of, shared by the
 * ADF and Markdown exports. Pure: the time and the site are passed in.
 */
import { groupCards, type Grouping, type LearningCard } from '../search/learning-cards';
import { isHttpUrl, type EvidenceLink } from '../record/learning-record';
import { ISSUE_KEY_PATTERN } from '../record/identifiers';
import { withPlainLineBreaks } from '../record/text';
import type { Layout, ShowablePart } from '../macro/macro-config';
import { peopleNamed } from '../record/wording';

export interface ExportInput {
  title: string;
  cards: readonly LearningCard[];
  groupBy: Grouping;
  layout: Layout;
  show: Record<ShowablePart, boolean>;
  /** When the learnings were read (ISO). */
  asOf: string;
  /** The person's own JQL (not the query the app builds around it); shown for reference. */
  jql: string;
  /** The Atlassian site, e.g. https://acme.atlassian.net; issue links are left out without it. */
  siteUrl: string | null;
  /** Display names by account id; anyone missing is counted ("1 other person"), never shown by account id. */
  names?: Readonly<Record<string, string>>;
}

/** The issue's address on the site, or null when either part is not trustworthy. */
export function issueUrlOf(siteUrl: string | null, key: string): string | null {
  if (!siteUrl || !isHttpUrl(siteUrl) || !ISSUE_KEY_PATTERN.test(key)) return null;
  const base = new URL(siteUrl);
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}/browse/${key}`;
}

/** An evidence link's address when it may become a link (http/https only), normalised by the URL parser. */
export function exportableHref(link: EvidenceLink): string | null {
  if (!isHttpUrl(link.url)) return null;
  try {
    return new URL(link.url).href;
  } catch {
    return null;
  }
}

/**
 * The one normalisation every export applies to a person's text: C0 control
 * characters other than tab and line breaks, and DEL, are dropped (they have
 * no place in a document, and CommonMark turns NUL into U+FFFD), and CR LF or
 * a lone CR becomes LF.
 */
export function clean(value: string): string {
  return withPlainLineBreaks(value);
}

/** `clean`, then on one line: every line break (LF, U+2028, U+2029) folded into a space, and trimmed. */
export function oneLine(value: string): string {
  return clean(value)
    .replace(/[\n\u2028\u2029]/g, ' ')
    .trim();
}

/** YYYY-MM-DD in UTC: the same text wherever the export is made. */
export function isoDay(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().slice(0, 10);
}

/** "2026-11-21 09:30 UTC" */
export function isoMinute(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The people a record names: the last editor first, then entry authors, each once, by name (never an account id). */
export function authorsOf(card: LearningCard, names: ExportInput['names']): string[] {
  return peopleNamed([card.record.updatedBy, ...card.record.learnings.map((entry) => entry.authorAccountId)], (id) => names?.[id]);
}

export interface ExportGroup {
  label: string | null;
  cards: LearningCard[];
}

/** Groups as the macro shows them; one unnamed group when the macro does not group. */
export function exportGroupsOf(input: ExportInput): ExportGroup[] {
  if (input.groupBy === 'none') return [{ label: null, cards: [...input.cards] }];
  return groupCards(input.cards, input.groupBy).map((group) => ({ label: group.label, cards: group.cards }));
}

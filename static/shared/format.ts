/** Text formatting for every resource: pure, the clock is passed in. */
import type { Confidence, Outcome } from '../../src/domain/record/learning-record';

/** One definition for the screens and the exports. */
export { OUTCOME_LABELS, plural } from '../../src/domain/record/wording';

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "yesterday", "just now". */
/** One formatter per locale: making one costs far more than formatting, and every visible date asks. */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  return format;
}

export function timeAgo(iso: string, now: Date, locale = 'en'): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = relativeFormat(locale);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

/**
 * One date formatter per locale and style: `toLocaleString(locale, options)` builds a new
 * Intl.DateTimeFormat on every call (≈ 0.3 ms each: a page of 100 cards spent 30 ms on it).
 */
const DATE_STYLES = {
  full: { dateStyle: 'medium', timeStyle: 'short' },
  short: { dateStyle: 'medium' },
  clock: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  // A sprint's day as Jira stores it (UTC dates), e.g. "3 Mar".
  sprintDay: { day: 'numeric', month: 'short', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type DateStyle = keyof typeof DATE_STYLES;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, DATE_STYLES[style]);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Builds every date formatter a first screen uses. A page's first Intl.DateTimeFormat costs 24–40 ms (ICU's data and
 * the time zone; later ones ≈ 0.2 ms, measured in Debian's Chromium): mount-app.ts has this run while the first
 * call is still in flight, so the render that shows its answer does not pay it.
 */
export function prepareDateFormats(locale = 'en'): void {
  for (const style of Object.keys(DATE_STYLES) as DateStyle[]) dateFormat(locale, style).format(0);
  relativeFormat(locale).format(-1, 'day');
}

function formatDate(iso: string, locale: string, style: DateStyle): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return iso;
  return dateFormat(locale, style).format(then);
}

export function fullDate(iso: string, locale = 'en'): string {
  return formatDate(iso, locale, 'full');
}

export function shortDate(iso: string, locale = 'en'): string {
  return formatDate(iso, locale, 'short');
}

/** The time of day on a 24-hour clock, in the viewer's time zone ("12:31"). */
export function clockTime(iso: string, locale = 'en'): string {
  return formatDate(iso, locale, 'clock');
}

/** Lozenge appearances: success for validated, removed (red) for invalidated, moved (amber) for inconclusive. */
export const OUTCOME_APPEARANCE: Record<Outcome, 'default' | 'success' | 'removed' | 'moved' | 'inprogress'> = {
  open: 'inprogress',
  validated: 'success',
  invalidated: 'removed',
  inconclusive: 'moved',
};

export const CONFIDENCE_LABELS: Record<Confidence, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** The first line of a text, cut to `max` characters with an ellipsis. */
export function excerpt(text: string, max = 90): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** A sprint's state in words, as Jira's own boards say it. */
export const SPRINT_STATE_LABELS = { active: 'Active', closed: 'Closed', future: 'Future' } as const;

/**
 * "3 Mar – 17 Mar": a sprint's start and its end (completion when closed), as far as Jira knows them.
 * One formatter for every sprint: the retro's and the config's sprint pickers list dozens, and a
 * formatter built per date cost ≈ 60 ms of the retro's first render (Chrome profile, issue #14).
 */
export function sprintDates(
  sprint: { startDate: string | null; endDate: string | null; completeDate: string | null },
  locale = 'en',
): string {
  const day = (iso: string | null) => {
    const t = iso ? Date.parse(iso) : NaN;
    return Number.isNaN(t) ? null : dateFormat(locale, 'sprintDay').format(t);
  };
  const from = day(sprint.startDate);
  const to = day(sprint.completeDate ?? sprint.endDate);
  return from && to ? `${from} \u2013 ${to}` : (from ?? to ?? '');
}

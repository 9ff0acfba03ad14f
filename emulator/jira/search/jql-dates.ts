/**
 * JQL dates as Jira reads them: absolute dates in the searcher's time zone
 * ("2026-11-01", "2026/11/01 10:00"), periods relative to now ("-14d",
 * "-2w", "4w 2d", "-1h"), and the date functions (startOfDay(), endOfWeek("-1w")...).
 */

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { w: 7 * DAY, d: DAY, h: 3_600_000, m: 60_000 };

/** The wall-clock parts of an instant in a time zone. */
function partsIn(ms: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number } {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  });
  const parts = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    y: Number(parts.year),
    mo: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour),
    mi: Number(parts.minute),
    s: Number(parts.second),
    wd: weekdays.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** The instant of a wall-clock time in a time zone (months may overflow, as Date.UTC allows). */
export function zonedTime(timeZone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = partsIn(guess, timeZone);
    const seen = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s, ms);
    const diff = seen - wall;
    if (diff === 0) break;
    guess -= diff;
  }
  return guess;
}

/** "-14d", "2w", "4w 2d", "-1h 30m", "+3M", "1y": a signed duration, or undefined. */
export function parsePeriod(text: string, nowMs: number, timeZone: string): number | undefined {
  const match = /^\s*([-+]?)\s*((?:\d+\s*[yMwdhm]\s*)+)$/.exec(text);
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  let months = 0;
  let ms = 0;
  for (const [, n, unit] of (match[2] ?? '').matchAll(/(\d+)\s*([yMwdhm])/g)) {
    const count = Number(n);
    if (unit === 'y') months += 12 * count;
    else if (unit === 'M') months += count;
    else ms += count * (UNIT_MS[unit ?? ''] ?? 0);
  }
  let at = nowMs;
  if (months !== 0) {
    const p = partsIn(nowMs, timeZone);
    at = zonedTime(timeZone, p.y, p.mo + sign * months, p.d, p.h, p.mi, p.s, nowMs % 1000);
  }
  return at + sign * ms;
}

const ABSOLUTE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;

/** An absolute JQL date in the searcher's time zone, or undefined. */
export function parseAbsoluteDate(text: string, timeZone: string): number | undefined {
  const m = ABSOLUTE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d) return undefined;
  return zonedTime(timeZone, y, mo, d, h, mi);
}

export const DATE_FUNCTIONS = [
  'now',
  'currentLogin',
  'lastLogin',
  'startOfDay',
  'endOfDay',
  'startOfWeek',
  'endOfWeek',
  'startOfMonth',
  'endOfMonth',
  'startOfYear',
  'endOfYear',
] as const;

/**
 * A date function's instant. Weeks start on Sunday (the demo users' locale is
 * en_US). The optional argument shifts the result: "-1" (in the function's
 * unit), "+2d", "-1w"... Returns a message for a bad argument.
 */
export function dateFunction(name: string, args: string[], nowMs: number, timeZone: string): number | { error: string } {
  const lower = name.toLowerCase();
  if (lower === 'now' || lower === 'currentlogin' || lower === 'lastlogin') {
    if (args.length > 0) return { error: `Function '${name}' expected '0' arguments but received '${args.length}'.` };
    return nowMs;
  }
  const m = /^(start|end)of(day|week|month|year)$/.exec(lower);
  if (!m) return { error: `Unable to find JQL function '${name}()'.` };
  if (args.length > 1) return { error: `Function '${name}' expected between '0' and '1' arguments but received '${args.length}'.` };
  const [, edge, unit] = m as unknown as [string, 'start' | 'end', 'day' | 'week' | 'month' | 'year'];
  let base = nowMs;
  if (args.length === 1) {
    const arg = (args[0] ?? '').trim();
    const bare = /^([-+]?\d+)$/.exec(arg);
    const unitLetter = { day: 'd', week: 'w', month: 'M', year: 'y' }[unit];
    const shifted = parsePeriod(bare ? `${bare[1]}${unitLetter}` : arg, nowMs, timeZone);
    if (shifted === undefined) return { error: `Function '${name}' received an invalid argument '${arg}'.` };
    base = shifted;
  }
  const p = partsIn(base, timeZone);
  let start: number;
  let next: number;
  switch (unit) {
    case 'day':
      start = zonedTime(timeZone, p.y, p.mo, p.d);
      next = zonedTime(timeZone, p.y, p.mo, p.d + 1);
      break;
    case 'week':
      start = zonedTime(timeZone, p.y, p.mo, p.d - p.wd);
      next = zonedTime(timeZone, p.y, p.mo, p.d - p.wd + 7);
      break;
    case 'month':
      start = zonedTime(timeZone, p.y, p.mo, 1);
      next = zonedTime(timeZone, p.y, p.mo + 1, 1);
      break;
    case 'year':
      start = zonedTime(timeZone, p.y, 1, 1);
      next = zonedTime(timeZone, p.y + 1, 1, 1);
      break;
  }
  return edge === 'start' ? start : next - 1;
}

/** Jira's message for a date it cannot read. */
export const invalidDateMessage = (value: string, field: string): string =>
  `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`;

const INDEXED_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2})))?$/;

/**
 * A value of a `jira:entityProperty` index of type `date`, as Jira indexes it: only the
 * documented formats `YYYY-MM-DD` and `YYYY-MM-DDThh:mm:ss` followed by `Z` or `±hh:mm`
 * (no fractional seconds: `toISOString()`'s `.123Z` is not one of them). A value in any other
 * form is not indexed: JQL does not find it and ORDER BY treats it as empty. A bare date is
 * midnight UTC.
 */
export function indexedDateOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = INDEXED_DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  const offsetMinutes = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  if (m[8] && (Number(m[9]) > 23 || Number(m[10]) > 59)) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
}

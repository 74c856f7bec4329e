/**
 * Dates and times in the reader's language, through Intl; formatters cached per locale and
 * options. Calendar days (`YYYY-MM-DD`, local dates of the report) read "1 thg 11, 2026" /
 * "Nov 1, 2026", periods one range ("1–28 thg 11, 2026" / "Nov 1 – 28, 2026"). A day is a
 * calendar date, not an instant: it is formatted in UTC so no zone moves it. DOM-free;
 * every date the widgets and the board show goes through here.
 */
import { localeTag } from './format.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached `Intl.DateTimeFormat` for a locale (`en`, `vi` or any BCP 47 tag). */
export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = localeTag(locale);
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(tag, options)));
  return f;
}

/** How a day is written. */
export interface DayFormat {
  /** The year: shown (`true`, `numeric`: "2026"; the default), as two digits (`2-digit`: "26"), or left out (`false`). */
  year?: boolean | 'numeric' | '2-digit';
  /** The month: `short` ("Nov"; the default) or `numeric` ("11/1/26"). */
  month?: 'short' | 'numeric';
}

function dayFormat(locale: string, format: DayFormat): Intl.DateTimeFormat {
  const year = format.year ?? true;
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: format.month ?? 'short',
    ...(year ? { year: year === true ? 'numeric' : year } : {}),
    timeZone: 'UTC',
  });
}

/** Milliseconds in a day of the UTC calendar (no daylight saving). */
const DAY_MS = 86_400_000;

/**
 * The instant of a `YYYY-MM-DD` day at 00:00 UTC, or null when it is not a real calendar day
 * (`2025-02-30`, `2025-13-01`). A date-only ISO text is read as UTC midnight, so no time zone
 * moves it.
 */
function dayTime(day: string): number | null {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(day) : NaN;
  // `Date` rolls an impossible day over (2025-02-30 is read as March 2): read back, it differs.
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? null : t;
}

/** The day `n` days after `day` (before it when `n` < 0), both `YYYY-MM-DD`; null when `day` is not a real calendar day. */
export function addDays(day: string, n: number): string | null {
  const t = dayTime(day);
  return t === null ? null : new Date(t + n * DAY_MS).toISOString().slice(0, 10);
}

/** A day in the locale ("Nov 1, 2026"; `year: false`: "Nov 1"); text that is not a day is returned as is. */
export function formatDay(day: string, locale: string, options: DayFormat = {}): string {
  const t = dayTime(day);
  return t === null ? day : dayFormat(locale, options).format(t);
}

/** A period from `from` to `to` (both included) as one range in the locale, the shared month and year said once. */
export function formatDayRange(from: string, to: string, locale: string): string {
  const a = dayTime(from);
  const b = dayTime(to);
  if (a === null || b === null) return `${from} – ${to}`;
  return dayFormat(locale, {}).formatRange(Math.min(a, b), Math.max(a, b));
}

/** A month (`YYYY-MM`, or a day of it) in the locale ("Nov 2026"; `numeric`: "11/2026"); other text as is. */
export function formatMonth(month: string, locale: string, style: 'short' | 'numeric' = 'short'): string {
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(month);
  if (!m) return month;
  return dateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, 1),
  );
}

/** A time of day in a time zone, as the locale writes it ("10:04:05 AM"). */
export function formatTime(time: Date | number, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { timeStyle: 'medium', timeZone }).format(time);
}

/**
 * Calendar days (`YYYY-MM-DD`, local dates of the report) in the reader's language: "1 thg 11,
 * 2026" / "Nov 1, 2026", and periods as one range ("1–28 thg 11, 2026" / "Nov 1 – 28, 2026").
 * A day is a calendar date, not an instant: it is formatted in UTC so no zone moves it.
 * DOM-free; formatters are cached per locale and style.
 */
import { localeTag } from './format.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: string, year: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${year}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag(locale), {
      day: 'numeric',
      month: 'short',
      ...(year ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    formats.set(key, f);
  }
  return f;
}

/** The instant of a `YYYY-MM-DD` day at 00:00 UTC, or null when it is not such a day. */
function dayTime(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? t : null;
}

/** A day in the locale ("Nov 1, 2026"; `year: false`: "Nov 1"); text that is not a day is returned as is. */
export function formatDay(day: string, locale: string, options: { year?: boolean } = {}): string {
  const t = dayTime(day);
  return t === null ? day : dayFormat(locale, options.year ?? true).format(t);
}

/** A period from `from` to `to` (both included) as one range in the locale, the shared month and year said once. */
export function formatDayRange(from: string, to: string, locale: string): string {
  const a = dayTime(from);
  const b = dayTime(to);
  if (a === null || b === null) return `${from} – ${to}`;
  return dayFormat(locale, true).formatRange(Math.min(a, b), Math.max(a, b));
}

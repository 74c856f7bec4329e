/**
 * Calendar and time-zone arithmetic shared by the data layer and the engine.
 *
 * A "day" is an integer: days since 1970-01-01 on the local calendar, so local dates
 * compare and subtract as plain numbers whatever the time zone. Instants are epoch
 * milliseconds. Zone offsets come from `Intl.DateTimeFormat` and are cached per zone in
 * 15-minute buckets, which is exact for every zone transition of the tz database since
 * 1970 and keeps ingest of millions of timestamps fast.
 *
 * DOM-free: runs in Node, Workers and pages alike.
 */

const MS_PER_DAY = 86_400_000;
const BUCKET_MS = 900_000;

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Parses a local date `YYYY-MM-DD` into a day number; `null` when it is not a real
 * calendar date (`2025-02-30`, `2025-13-01`, `25-1-1`).
 */
export function parseLocalDate(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = LOCAL_DATE_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day of week of a day number, ISO: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** The Monday on or before the day (ISO week start). */
export function weekStart(days: number): number {
  return days - (isoWeekday(days) - 1);
}

/** Month index (year * 12 + month - 1) of a day number. */
export function monthIndex(days: number): number {
  const { year, month } = civilFromDays(days);
  return year * 12 + month - 1;
}

/** First day of a month index. */
export function monthStart(index: number): number {
  return daysFromCivil(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** `YYYY-MM` label of a month index. */
export function formatMonth(index: number): string {
  return `${pad4(Math.floor(index / 12))}-${pad2((index % 12) + 1)}`;
}

/** Whether `timeZone` is an IANA zone name the runtime knows. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  if (validZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    validZones.add(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Zone names already checked valid (building a formatter to check costs about 0.1 ms). */
const validZones = new Set<string>();

/**
 * Converts instants to local calendar values in one IANA zone, with a per-zone cache of
 * offsets. Obtain one with {@link zoneFor}; it is safe to share.
 */
export class Zone {
  readonly name: string;
  readonly #format: Intl.DateTimeFormat | null;
  readonly #cache = new Map<number, number>();
  /** Offset in ms when the zone never changes offset (UTC and friends), else NaN. */
  readonly #fixed: number;

  constructor(name: string) {
    this.name = name;
    const fixed = FIXED_ZONES.has(name.toUpperCase()) ? 0 : NaN;
    this.#fixed = fixed;
    this.#format = Number.isNaN(fixed)
      ? new Intl.DateTimeFormat('en-US', {
          timeZone: name,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        })
      : null;
  }

  /** Offset of local time from UTC at `epochMs`, in milliseconds (+7 h = 25 200 000). */
  offset(epochMs: number): number {
    if (!Number.isNaN(this.#fixed)) return this.#fixed;
    const key = Math.floor(epochMs / BUCKET_MS);
    let off = this.#cache.get(key);
    if (off === undefined) {
      off = this.#computeOffset(key * BUCKET_MS);
      this.#cache.set(key, off);
    }
    return off;
  }

  /** Local day number of an instant. */
  day(epochMs: number): number {
    return Math.floor((epochMs + this.offset(epochMs)) / MS_PER_DAY);
  }

  /**
   * The instant of a local wall-clock time. In a gap (clocks jump forward) the time is
   * read with the offset before the jump, so it lands just after the gap; in an overlap
   * (clocks fall back) the earlier instant is taken.
   */
  wallClockToEpoch(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
    const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
    if (!Number.isNaN(this.#fixed)) return local - this.#fixed;
    const offBefore = this.offset(local - MS_PER_DAY);
    const offAfter = this.offset(local + MS_PER_DAY);
    // Candidate instants for each of the two offsets around this time.
    const a = local - offBefore;
    if (offBefore === offAfter) return a;
    const b = local - offAfter;
    const aOk = this.offset(a) === offBefore;
    const bOk = this.offset(b) === offAfter;
    if (aOk && bOk) return Math.min(a, b); // overlap: earlier instant
    if (aOk) return a;
    if (bOk) return b;
    return a; // gap: read with the offset before the jump
  }

  /** Epoch ms of local midnight starting the given day. */
  startOfDay(days: number): number {
    const { year, month, day } = civilFromDays(days);
    return this.wallClockToEpoch(year, month, day);
  }

  #computeOffset(epochMs: number): number {
    // The local calendar fields (year, month, day, hour, minute, second) by part type;
    // literal parts are read too and never used.
    const v: Record<string, number> = {};
    for (const p of this.#format!.formatToParts(new Date(epochMs))) v[p.type] = Number(p.value);
    const asUtc =
      daysFromCivil(v.year!, v.month!, v.day!) * MS_PER_DAY + ((v.hour! * 60 + v.minute!) * 60 + v.second!) * 1000;
    const floored = Math.floor(epochMs / 1000) * 1000;
    return asUtc - floored;
  }
}

const FIXED_ZONES = new Set(['UTC', 'ETC/UTC', 'ETC/GMT', 'GMT', 'ETC/UCT', 'UCT', 'ETC/ZULU', 'ZULU']);
const zones = new Map<string, Zone>();

/** A shared {@link Zone} for an IANA name. Throws a RangeError for an unknown zone. */
export function zoneFor(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) {
    if (!isValidTimeZone(timeZone))
      throw new RangeError(`Unknown time zone "${timeZone}": expected an IANA name such as "Asia/Ho_Chi_Minh"`);
    z = new Zone(timeZone);
    zones.set(timeZone, z);
  }
  return z;
}

/**
 * Parses an order or loyalty time: epoch milliseconds, ISO-8601 with an offset, or
 * ISO-8601 without one (wall-clock time in `zone`). Returns epoch ms, or `null` when the
 * value is not a valid time. ISO-8601 strings are read by {@link readInstant}.
 */
export function parseInstant(value: unknown, zone: Zone): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const t = readInstant(value, zone);
  return t === t ? t : null;
}

/**
 * The kit's one ISO-8601 reader: `YYYY-MM-DD`, then optionally `T` (or `t` or a space)
 * `HH:MM`, `:SS`, a fraction of up to 9 digits after `.` or `,`, then optionally `Z` or an
 * offset `±HH`, `±HHMM` or `±HH:MM`; surrounding white space is ignored. Without an offset
 * the time is wall-clock time in `zone`. Returns epoch ms, or NaN for anything else (also a
 * date that is not on the calendar, or a time past 24:00).
 */
export function readInstant(s: string, zone: Zone): number {
  const t = readInstantAt(s, 0, s.length, zone);
  if (t === t || s.length === 0) return t;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  if (a > 32 && a < 0xa0 && b > 32 && b < 0xa0) return t;
  const trimmed = s.trim();
  return trimmed.length === s.length ? t : readInstantAt(trimmed, 0, trimmed.length, zone);
}

/** First year of {@link MONTH_STARTS}. */
const TABLE_YEAR = 1900;
/**
 * Day number of the first of each month, 13 a year (the 13th is the next year's January),
 * for the years 1900 .. 2299: one look-up instead of the calendar arithmetic per time.
 */
const MONTH_STARTS = (() => {
  const t = new Int32Array(400 * 13);
  for (let y = 0; y < 400; y++)
    for (let m = 0; m < 13; m++) t[y * 13 + m] = daysFromCivil(TABLE_YEAR + y + (m === 12 ? 1 : 0), (m % 12) + 1, 1);
  return t;
})();

/** The digit at `i` of `s`, or -1000 when it is not a digit or `i` is at or past `end`. */
function digit(s: string, i: number, end: number): number {
  const c = i < end ? s.charCodeAt(i) - 48 : -1;
  return c >= 0 && c <= 9 ? c : -1000;
}

function two(s: string, i: number, end: number): number {
  return digit(s, i, end) * 10 + digit(s, i + 1, end);
}

/** The two digits at `i` and `i + 1` as a number, or -1 when either is not a digit (no bounds check). */
function pair(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >>> 0 <= 9 && b >>> 0 <= 9 ? a * 10 + b : -1;
}

/**
 * The commonest export shape, `YYYY-MM-DDTHH:MM:SS` (or a space for the `T`) then `Z` (20
 * characters) or `±HH:MM` (25), read at fixed positions: each character is read once and
 * without bounds checks. NaN for anything else (the general path of {@link readInstantAt}
 * then decides).
 */
function fixedInstant(s: string, o: number, length: number): number {
  const z = s.charCodeAt(o + 19);
  let offset = 0;
  if (length === 25) {
    if ((z !== 43 && z !== 45) || s.charCodeAt(o + 22) !== 58) return NaN;
    const oh = pair(s, o + 20);
    const om = pair(s, o + 23);
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
    offset = (oh * 60 + om) * 60_000;
    if (z === 45) offset = -offset;
  } else if (z !== 90) return NaN;
  const t = s.charCodeAt(o + 10);
  if (
    s.charCodeAt(o + 4) !== 45 ||
    s.charCodeAt(o + 7) !== 45 ||
    (t !== 84 && t !== 32) ||
    s.charCodeAt(o + 13) !== 58 ||
    s.charCodeAt(o + 16) !== 58
  )
    return NaN;
  const hour = pair(s, o + 11);
  const minute = pair(s, o + 14);
  const second = pair(s, o + 17);
  const hi = pair(s, o);
  const lo = pair(s, o + 2);
  const month = pair(s, o + 5);
  const day = pair(s, o + 8);
  if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 60) return NaN;
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const y = hi * 100 + lo - TABLE_YEAR;
  if (y < 0 || y >= 400) return NaN;
  const at = y * 13 + month - 1;
  const first = MONTH_STARTS[at]!;
  if (day > MONTH_STARTS[at + 1]! - first) return NaN;
  return (first + day - 1) * MS_PER_DAY + ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 - offset;
}

/**
 * {@link readInstant} of `s.slice(start, end)`, read in place (a CSV cell) and without a
 * regular expression; white space is not skipped. Hand-written for the ingest hot path
 * (`npm run bench data`: CSV text and JSON objects into a dataset).
 */
export function readInstantAt(s: string, start: number, end: number, zone: Zone): number {
  const n = end;
  const o = start;
  if (n - o === 25 || n - o === 20) {
    const t = fixedInstant(s, o, n - o);
    if (t === t) return t;
  }
  if (n - o < 10 || s.charCodeAt(o + 4) !== 45 || s.charCodeAt(o + 7) !== 45) return NaN;
  const century = two(s, o, n);
  const yy = two(s, o + 2, n);
  const year = century * 100 + yy;
  const month = two(s, o + 5, n);
  const day = two(s, o + 8, n);
  // Each pair is negative when not two digits; the year only when both its pairs are digits.
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return NaN;
  let dayNumber: number;
  const y = year - TABLE_YEAR;
  if (y >= 0 && y < 400) {
    const at = y * 13 + month - 1;
    const first = MONTH_STARTS[at]!;
    if (day > MONTH_STARTS[at + 1]! - first) return NaN;
    dayNumber = first + day - 1;
  } else {
    if (day > daysInMonth(year, month)) return NaN;
    dayNumber = daysFromCivil(year, month, day);
  }
  let i = o + 10;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  const sep = i < n ? s.charCodeAt(i) : 0;
  if (sep === 84 || sep === 116 || sep === 32) {
    if (n - o < 16 || s.charCodeAt(o + 13) !== 58) return NaN;
    hour = two(s, o + 11, n);
    minute = two(s, o + 14, n);
    i = o + 16;
    if (i < n && s.charCodeAt(i) === 58) {
      second = two(s, i + 1, n);
      i += 3;
      if (i < n && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) {
        let j = i + 1;
        while (j < n && digit(s, j, n) >= 0) j++;
        if (j === i + 1 || j - i - 1 > 9) return NaN;
        ms = Math.floor(Number(`0.${s.slice(i + 1, j)}`) * 1000);
        i = j;
      }
    }
    if (hour < 0 || minute < 0 || second < 0 || hour > 24 || minute > 59 || second > 60) return NaN;
    if (hour === 24 && (minute || second || ms)) return NaN;
  }
  if (i >= n) return zone.wallClockToEpoch(year, month, day, hour, minute, Math.min(second, 59), ms);
  const c = s.charCodeAt(i);
  let offsetMin: number;
  if ((c === 90 || c === 122) && i === n - 1) offsetMin = 0;
  else if (c === 43 || c === 45) {
    const oh = two(s, i + 1, n);
    let om = 0;
    const rest = n - i - 3;
    if (rest === 3 && s.charCodeAt(i + 3) === 58) om = two(s, i + 4, n);
    else if (rest === 2) om = two(s, i + 3, n);
    else if (rest !== 0) return NaN;
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
    offsetMin = (c === 45 ? -1 : 1) * (oh * 60 + om);
  } else return NaN;
  return dayNumber * MS_PER_DAY + ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 + ms - offsetMin * 60_000;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return n >= 0 && n < 1000 ? String(n).padStart(4, '0') : String(n);
}

export { MS_PER_DAY };

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
/** ISO-8601 date-time: date, optional time, optional fraction, optional offset. */
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

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
    const parts = this.#format!.formatToParts(new Date(epochMs));
    let y = 0;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const p of parts) {
      switch (p.type) {
        case 'year':
          y = Number(p.value);
          break;
        case 'month':
          mo = Number(p.value);
          break;
        case 'day':
          d = Number(p.value);
          break;
        case 'hour':
          h = Number(p.value);
          break;
        case 'minute':
          mi = Number(p.value);
          break;
        case 'second':
          s = Number(p.value);
          break;
        case 'era':
        case 'literal':
        default:
          break;
      }
    }
    const asUtc = daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000;
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
 * value is not a valid time.
 */
export function parseInstant(value: unknown, zone: Zone): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = ISO_RE.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute || second || ms))) return null;
  const tz = m[8];
  if (tz === undefined) return zone.wallClockToEpoch(year, month, day, hour, minute, Math.min(second, 59), ms);
  let offsetMin = 0;
  if (tz.toUpperCase() !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 +
    ms -
    offsetMin * 60_000
  );
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return n >= 0 && n < 1000 ? String(n).padStart(4, '0') : String(n);
}

export { MS_PER_DAY };

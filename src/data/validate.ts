/**
 * Record-by-record validation (KPI-SPEC section 4).
 *
 * Two paths give one answer, both derived from the declaration of records.ts:
 *  - the fast path ({@link readRecord}): reads a record into a reused, normalized object
 *    without allocating, for millions of records;
 *  - the explaining path (`explainRecord`, explain.ts): checks a record the fast path
 *    rejected field by field and reports every problem as a {@link DataIssue}.
 * Both follow the zod schemas of `src/schema/` (`promo-kpi-kit/schema`), derived from the
 * same declaration, which the kit does not load: property tests check that the fast path
 * accepts and rejects the same records as the schemas, and that the explaining path
 * reports the same issues.
 *
 * Messages read `orders[17].revenue: expected a number >= 0, got "12,5"`: collection,
 * index, field path, what was expected and what came.
 *
 * DOM-free.
 */
import { daysFromCivil, daysInMonth, MS_PER_DAY, parseInstant, parseLocalDate, type Zone } from '../core/time.js';
import {
  ATTRIBUTE_NAME_RE,
  CAMPAIGN_TYPES,
  COLLECTIONS,
  MAX_AMOUNT,
  MAX_ATTRIBUTES,
  TIME_MAX,
  TIME_MIN,
  fieldsOf,
  isAttributeValue,
  type CampaignType,
  type CollectionName,
  type FieldType,
  type Records,
} from './records.js';
import { isPlainObject } from './explain.js';

export type { DataIssue } from '../core/issues.js';
export { explainRecord, issueMessage, makeIssue, recordId, show } from './explain.js';

// ---------------------------------------------------------------------------------------
// Fast path. Each reader fills `out` and returns true, or returns false for a record the
// schema rejects. Normalization: absent discount, earned, redeemed and exposure counts are
// 0; absent cogs is NaN; absent optional strings are undefined.

/** An id: a non-empty string, or a safe integer read as its decimal string. */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

/** Marks a field the schema rejects (distinct from undefined, which means absent). */
const BAD = Symbol('bad');

/** Epoch ms of a time value in `zone`, or NaN (also outside the span the dataset holds). */
export function timeOf(v: unknown, zone: Zone): number {
  let t: number;
  if (typeof v === 'number') t = v;
  else if (typeof v === 'string') {
    t = fastIso(v, zone);
    if (t !== t) t = parseInstant(v, zone) ?? NaN;
  } else return NaN;
  return t >= TIME_MIN && t < TIME_MAX ? t : NaN;
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
 * without bounds checks. NaN for anything else (the general reader then decides), so the
 * result is always the one the general reader gives.
 */
export function fixedIso(s: string, o: number, length: number): number {
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
 * The common ISO-8601 shapes (`2025-03-01T10:15:00+07:00`, `...Z`, `...`, with or without
 * seconds and a fraction) read without a regular expression: the same result as
 * `parseInstant`, or NaN for anything else, which then goes to `parseInstant`.
 */
export function fastIso(s: string, zone: Zone): number {
  return fastIsoAt(s, 0, s.length, zone);
}

/** {@link fastIso} of `text.slice(start, end)`, read in place (a CSV cell). */
export function fastIsoAt(s: string, start: number, end: number, zone: Zone): number {
  const n = end;
  const o = start;
  if (n - o === 25 || n - o === 20) {
    const t = fixedIso(s, o, n - o);
    if (t === t) return t;
  }
  if (n - o < 16 || s.charCodeAt(o + 4) !== 45 || s.charCodeAt(o + 7) !== 45) return NaN;
  const sep = s.charCodeAt(o + 10);
  if ((sep !== 84 && sep !== 32) || s.charCodeAt(o + 13) !== 58) return NaN;
  const century = two(s, o, n);
  const yy = two(s, o + 2, n);
  const year = century * 100 + yy;
  const month = two(s, o + 5, n);
  const day = two(s, o + 8, n);
  const hour = two(s, o + 11, n);
  const minute = two(s, o + 14, n);
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
    if (year < 0 || day > daysInMonth(year, month)) return NaN;
    dayNumber = daysFromCivil(year, month, day);
  }
  let i = o + 16;
  let second = 0;
  let ms = 0;
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

/** What the fast path hands on for a valid value of each type. */
export interface ReadValueOfType {
  id: string;
  label: string;
  text: string;
  amount: number;
  count: number;
  /** Epoch ms. */
  time: number;
  /** Local day number. */
  date: number;
  campaignType: CampaignType;
  targets: Record<string, number>;
  attributes: Record<string, string>;
}

type TypeOf<F> = F extends { type: infer T extends FieldType } ? T : never;
type FieldRead<F> = F extends { required: true }
  ? ReadValueOfType[TypeOf<F>]
  : F extends { absent: 0 | 'missing' }
    ? number
    : ReadValueOfType[TypeOf<F>] | undefined;

/**
 * A record of a collection as the fast path hands it on: required fields as read, absent
 * optional numbers as declared (0, or NaN when missing), other absent fields undefined.
 */
export type FieldsOf<C extends CollectionName> = { -readonly [K in keyof Records[C]]: FieldRead<Records[C][K]> };
export type CampaignFields = FieldsOf<'campaigns'>;
export type OrderFields = FieldsOf<'orders'>;
export type CostFields = FieldsOf<'costs'>;
export type ExposureFields = FieldsOf<'exposures'>;
export type LoyaltyFields = FieldsOf<'loyalty'>;

// Type codes of the fast path, in FIELD_TYPES order.
const ID = 0;
const LABEL = 1;
const TEXT = 2;
const AMOUNT = 3;
const COUNT = 4;
const TIME = 5;
const DATE = 6;
const CAMPAIGN_TYPE = 7;
const TARGETS = 8;
const ATTRIBUTES = 9;
const CODES: Record<FieldType, number> = {
  id: ID,
  label: LABEL,
  text: TEXT,
  amount: AMOUNT,
  count: COUNT,
  time: TIME,
  date: DATE,
  campaignType: CAMPAIGN_TYPE,
  targets: TARGETS,
  attributes: ATTRIBUTES,
};

/** How the fast path reads a collection: its declaration as flat arrays. */
interface Plan {
  readonly keys: readonly string[];
  readonly types: Uint8Array;
  /** 1 a required field, 2 an optional one read from strings (`""` is absent too), 0 another optional one. */
  readonly presence: Uint8Array;
  /** What each absent optional field reads as. */
  readonly absent: readonly unknown[];
  /** Pairs of field indexes [i, j]: the date in i may not precede the date in j. */
  readonly ordered: readonly number[];
}

function planOf(collection: CollectionName): Plan {
  const fields = fieldsOf(collection);
  const keys = fields.map(([k]) => k);
  return {
    keys,
    types: Uint8Array.from(fields, ([, f]) => CODES[f.type]),
    presence: Uint8Array.from(fields, ([, f]) =>
      f.required ? 1 : f.type === 'id' || f.type === 'label' || f.type === 'text' || f.type === 'campaignType' ? 2 : 0,
    ),
    absent: fields.map(([, f]) => (f.absent === 0 ? 0 : f.absent === 'missing' ? NaN : undefined)),
    ordered: fields.flatMap(([, f], i) => (f.notBefore === undefined ? [] : [i, keys.indexOf(f.notBefore)])),
  };
}

const PLANS = Object.fromEntries(COLLECTIONS.map((c) => [c, planOf(c)])) as Record<CollectionName, Plan>;

const TYPES = new Set<unknown>(CAMPAIGN_TYPES);

/**
 * The fast path: reads `record` of `collection` into `out` (every field written, in
 * declaration order) and returns true, or returns false for a record the schema rejects
 * (`out` is then partly written). `zone` reads local times.
 */
export function readRecord<C extends CollectionName>(
  collection: C,
  record: unknown,
  zone: Zone,
  out: FieldsOf<C>,
): boolean {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  const r = record as Record<string, unknown>;
  const o = out as Record<string, unknown>;
  const { keys, types, presence, absent, ordered } = PLANS[collection];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const v = r[key];
    const type = types[i]!;
    let x: unknown;
    if (v === undefined || v === null || (v === '' && presence[i] !== 0)) {
      // Absent: a required field fails, except a required text, which may be "".
      if (presence[i] === 1 && !(v === '' && type === TEXT)) return false;
      x = presence[i] === 1 ? '' : absent[i];
    } else
      switch (type) {
        case ID:
          x = idOf(v);
          if (x === undefined) return false;
          break;
        case LABEL:
        case TEXT:
          if (typeof v !== 'string') return false;
          x = v;
          break;
        case AMOUNT:
          if (typeof v !== 'number' || !(v >= 0 && v <= MAX_AMOUNT)) return false;
          x = v;
          break;
        case COUNT:
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_AMOUNT) return false;
          x = v;
          break;
        case TIME:
          x = timeOf(v, zone);
          if (x !== x) return false;
          break;
        case DATE:
          x = parseLocalDate(v);
          if (x === null) return false;
          break;
        case CAMPAIGN_TYPE:
          if (!TYPES.has(v)) return false;
          x = v;
          break;
        case TARGETS:
          x = readTargets(v);
          if (x === BAD) return false;
          break;
        default:
          x = readAttributes(v);
          if (x === BAD) return false;
      }
    o[key] = x;
  }
  for (let i = 0; i < ordered.length; i += 2)
    if ((o[keys[ordered[i]!]!] as number) < (o[keys[ordered[i + 1]!]!] as number)) return false;
  return true;
}

/** A new object of a collection's fields, for {@link readRecord} to fill (one shape per collection). */
export function newFields<C extends CollectionName>(collection: C): FieldsOf<C> {
  const { keys, absent, presence } = PLANS[collection];
  const o: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) o[keys[i]!] = presence[i] === 1 ? undefined : absent[i];
  return o as FieldsOf<C>;
}

/**
 * Campaign targets as the schema reads them: a plain object (not a list, Date or Map), no
 * enumerable symbol keys, an own `__proto__` key skipped, every other value a finite number.
 */
function readTargets(t: unknown): Record<string, number> | typeof BAD {
  if (typeof t !== 'object' || t === null || !isPlainObject(t)) return BAD;
  for (const s of Object.getOwnPropertySymbols(t)) if (Object.prototype.propertyIsEnumerable.call(t, s)) return BAD;
  const targets: Record<string, number> = {};
  for (const k of Object.keys(t)) {
    if (k === '__proto__') continue;
    const v = (t as Record<string, unknown>)[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) return BAD;
    targets[k] = v;
  }
  return targets;
}

/**
 * Order attributes: undefined when empty, the object when valid, BAD otherwise (as the
 * schema: a plain object without symbol keys, at most 8 names matching
 * `ATTRIBUTE_NAME_RE`, values non-empty strings of at most 200 characters).
 */
function readAttributes(v: unknown): Record<string, string> | undefined | typeof BAD {
  if (typeof v !== 'object' || v === null || !isPlainObject(v)) return BAD;
  let n = 0;
  for (const key in v) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
    if (++n > MAX_ATTRIBUTES || !ATTRIBUTE_NAME_RE.test(key)) return BAD;
    if (!isAttributeValue((v as Record<string, unknown>)[key])) return BAD;
  }
  for (const s of Object.getOwnPropertySymbols(v)) if (Object.prototype.propertyIsEnumerable.call(v, s)) return BAD;
  return n > 0 ? (v as Record<string, string>) : undefined;
}
